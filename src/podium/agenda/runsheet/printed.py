"""Times as a printed run sheet writes them (html and markdown, the paper copies): to the
minute, unless the agenda's own clock times have seconds.

A host reading paper at the lectern wants `09:20` and `25分钟`, not `09:20:00` and `25:00`.
Seconds are printed only where they matter: every clock time keeps them when the meeting's
`start` or any `at` is written with seconds (`13:30:30`) or the whole meeting is planned
shorter than ten minutes, and a duration keeps them when it is
under a minute, or when the agenda gives it with seconds (`per_call: 1m30s`). An estimated
duration (`~`) is an estimate: it is rounded to the nearest minute.
"""

from __future__ import annotations

from dataclasses import dataclass

from podium.agenda.durations import format_duration
from podium.agenda.plan import Plan
from podium.i18n import NP_, for_language

MINUTES = NP_("run sheet", "{m} min")
SECONDS = NP_("run sheet", "{s} s")
HOURS = NP_("run sheet", "{h} h")
HOURS_MINUTES = NP_("run sheet", "{h} h {m} min")
PAGE = NP_("run sheet", "Page {page} of {pages}")
SHORT_MEETING_S = 10 * 60
"""A meeting planned shorter than this prints seconds: its items are minutes apart or less."""


@dataclass(frozen=True, slots=True)
class PrintedTimes:
    plan: Plan
    seconds: bool
    """The agenda's own clock times have seconds, so every clock time keeps them."""

    @classmethod
    def of(cls, plan: Plan) -> PrintedTimes:
        own = [plan.start_s, *(p.item.at_s for p in plan.items)]
        short = plan.total_s < SHORT_MEETING_S
        return cls(plan, short or any(t is not None and t % 60 for t in own))

    def _words(self, message: tuple[str, str], **values: int) -> str:
        context, text = message
        return (
            for_language(self.plan.agenda.meeting.language).pgettext(context, text).format(**values)
        )

    def clock(self, seconds_after_midnight: int) -> str:
        """A time of day: `09:20` (nearest minute), or `09:20:30` when seconds matter."""
        if self.seconds:
            s = int(seconds_after_midnight) % 86400
            return f"{s // 3600:02d}:{s % 3600 // 60:02d}:{s % 60:02d}"
        m = _nearest_minute(seconds_after_midnight) % (24 * 60)
        return f"{m // 60:02d}:{m % 60:02d}"

    def start(self, offset_s: int) -> str:
        """An item's planned start: its clock time, or `+1:05` (h:mm from the start) without a
        known start (`+1:05:30` when seconds matter)."""
        if self.plan.start_s is not None:
            return self.clock(self.plan.start_s + offset_s)
        if self.seconds:
            h, rest = divmod(offset_s, 3600)
            return f"+{h}:{rest // 60:02d}:{rest % 60:02d}"
        m = _nearest_minute(offset_s)
        return f"+{m // 60}:{m % 60:02d}"

    def duration(self, seconds: int, estimated: bool = False) -> str:
        """`25分钟` / `25 min`, `1小时5分钟` / `1 h 5 min`, `40秒` / `40 s`; `1:30` when the agenda
        gives seconds or seconds matter; `~` in front of an estimate (otherwise rounded to the
        minute from a minute on)."""
        seconds = max(0, int(seconds))
        mark = "~" if estimated else ""
        if seconds < 60:
            return mark + self._words(SECONDS, s=seconds)
        if (self.seconds or not estimated) and seconds % 60:
            return mark + format_duration(seconds)
        minutes = _nearest_minute(seconds)
        h, m = divmod(minutes, 60)
        if not h:
            return mark + self._words(MINUTES, m=m)
        if not m:
            return mark + self._words(HOURS, h=h)
        return mark + self._words(HOURS_MINUTES, h=h, m=m)

    def page_css(self) -> str:
        """The CSS `content` of the page number in print: `"Page " counter(page) " of " …`."""
        context, text = PAGE
        words = for_language(self.plan.agenda.meeting.language).pgettext(context, text)
        parts: list[str] = []
        rest = words
        while rest:
            head, brace, tail = rest.partition("{")
            if head:
                parts.append('"' + head.replace("\\", "\\\\").replace('"', '\\"') + '"')
            if not brace:
                break
            name, _, rest = tail.partition("}")
            parts.append(f"counter({name})")
        return " ".join(parts)


def _nearest_minute(seconds: float) -> int:
    """Half a minute rounds up (Python's round() would round 2.5 minutes to 2)."""
    return int((seconds + 30) // 60)
