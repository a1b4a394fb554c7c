"""The cue standing by: the first line of what GO shows next, so the host never advances blind."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from podium.agenda.model import Cue, CueKind, Item
from podium.textsafe import printable
from podium.tui.i18n import t


class NextLine(Static):
    """`Next: …` — one line, cut to the width."""

    _shown: Text | None = None

    def show_next(self, nxt: tuple[Item, Cue] | None, new_item: bool, lang: str) -> None:
        """Show what GO would bring (`new_item`: it opens another item, so name that item)."""
        line = Text(t("next", lang) + t("colon", lang), style="bold")
        if nxt is None:
            line.append(t("next.end", lang), style="italic")
        else:
            item, cue = nxt
            if new_item:
                line.append(f"[{printable(item.title[:200])}] ", style="bold")
            line.append(printable(first_line(cue, lang)))
        if line != self._shown:
            self._shown = line
            self.update(line, layout=False)  # one row, whatever it says: nothing moves


def first_line(cue: Cue, lang: str) -> str:
    """The first line of a cue as the host would recognise it."""
    if cue.kind is CueKind.SPEECH:
        return f"{t('speech.speaker', lang)}{t('colon', lang)}{cue.speaker or cue.text}"[:300]
    if cue.kind is CueKind.CALL and not cue.text:
        return " / ".join(cue.names[:20])  # one line: a huge batch must not cost a join of all
    text = cue.text[:2000].strip()
    if not text and cue.kind is CueKind.BREAK:
        return t("break", lang)
    return text.splitlines()[0] if text else ""
