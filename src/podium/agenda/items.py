"""Reading the `items` list: each item's common keys, then its kind's reader (script, speech,
break here; awards in `awards.py`), and the checks across items (ids, fixed `at` times)."""

from __future__ import annotations

import difflib
import math
import re

from podium.agenda.awards import AwardsReader
from podium.agenda.context import ItemBody, ItemContext, text_cue
from podium.agenda.defaults import DEFAULT_DANGER_S, DEFAULT_WARN_S
from podium.agenda.diagnostics import Severity
from podium.agenda.durations import MAX_DURATION_S, format_duration, quoted
from podium.agenda.estimate import estimated_item_seconds
from podium.agenda.keys import ANY_ITEM_KEYS, ELSEWHERE, OWN_KEYS
from podium.agenda.model import Cue, CueKind, Item, ItemKind, Pos
from podium.agenda.plan import schedule, time_of_day_text
from podium.agenda.positions import Place
from podium.agenda.slips import seconds_slip
from podium.agenda.values import Mapping, TextAt
from podium.agenda.yamlnodes import MappingNode, Node, SequenceNode, kind_name
from podium.i18n import N_, _

_ID = re.compile(r"[a-z0-9_-]+")


class ItemsReader:
    """Reads the items of one agenda; remembers where each id and `at` was written."""

    def __init__(self, ctx: ItemContext) -> None:
        self.ctx = ctx
        self.values = ctx.values
        self.awards = AwardsReader(ctx)
        self.id_nodes: dict[int, Node] = {}
        self.at_nodes: dict[int, Node] = {}

    def items(self, node: Node) -> list[Item | None] | None:
        values = self.values
        if not isinstance(node, SequenceNode):
            values.error(
                node,
                _("'items' must be a list of items, not {kind}").format(kind=_(kind_name(node))),
            )
            return None
        if not node.value:
            values.error(node, _("'items' is empty: an agenda needs at least one item"))
            return None
        items = [self.item(i, child) for i, child in enumerate(node.value)]
        self._check_ids(node, items)
        return items

    def _check_ids(self, items_node: SequenceNode, items: list[Item | None]) -> None:
        """Duplicate ids, each reported where the repeat was written: at its `id`, at the
        alias (`- *opening`) that repeats a whole item, or at the item whose `<<` merge
        brought the id in."""
        report = self.values.report
        first: dict[str, int] = {}
        aliases = _alias_places(report.source, items_node)
        for item in items:
            if item is None:
                continue
            id_node = self.id_nodes[item.index]
            item_node = items_node.value[item.index]
            at = int(id_node.start_mark.index)
            if item.index in aliases:
                at = aliases[item.index]
            elif not item_node.start_mark.index <= at < item_node.end_mark.index:
                at = int(item_node.start_mark.index)  # the id came in through a merge
            if item.id in first:
                line = report.positions.place(first[item.id]).line
                report.report_at(
                    Severity.ERROR,
                    at,
                    _("duplicate id '{id}' (first at line {line})").format(id=item.id, line=line),
                )
            else:
                first[item.id] = at

    def item(self, index: int, node: Node) -> Item | None:
        values = self.values
        what = _("item {n}").format(n=index + 1)
        if not isinstance(node, MappingNode):
            if not values.colon_slip(node):
                values.error(
                    node,
                    _("{what} must be a mapping with at least a title, not {kind}").format(
                        what=what, kind=_(kind_name(node))
                    ),
                )
            return None
        m = values.mapping(node, what)
        if m is None:
            return None
        kind: ItemKind | None = ItemKind.SCRIPT
        kind_node = m.get("kind")
        if kind_node is not None:
            raw = values.scalar(kind_node, "kind", N_("script, speech, awards or break"))
            kind = _item_kind(raw) if raw is not None else None
            if raw is not None and kind is None:
                close = difflib.get_close_matches(raw, [k.value for k in ItemKind], n=1, cutoff=0.5)
                if close:
                    message = _(
                        "unknown kind {raw}; did you mean '{close}'? "
                        "(script, speech, awards or break)"
                    )
                else:
                    message = _("unknown kind {raw} (script, speech, awards or break)")
                values.error(
                    kind_node, message.format(raw=quoted(raw), close=close[0] if close else "")
                )
        if kind is not None:
            values.check_keys(m, OWN_KEYS[kind], ELSEWHERE[kind])
        else:
            values.check_keys(m, ANY_ITEM_KEYS)

        item_id = f"item-{index + 1}"
        id_node = m.get("id")
        self.id_nodes[index] = id_node or node
        if id_node is not None:
            raw = values.scalar(id_node, "id", N_("a slug such as opening"))
            if raw is not None:
                if _ID.fullmatch(raw):
                    item_id = raw
                else:
                    values.error(
                        id_node,
                        _(
                            "bad id {raw}: an id is a slug of a-z, 0-9, '-' and '_', such as "
                            "'{hint}'"
                        ).format(raw=quoted(raw), hint=_slug_hint(raw)),
                    )
        title = values.required_text(m, "title", what)
        notes = values.joined_text(m.get("notes"), "notes")
        speak: bool | None = True
        speak_node = m.get("speak")
        if speak_node is not None:
            speak = values.boolean(speak_node, "speak")
        at_s = None
        at_node = m.get("at")
        if at_node is not None:
            self.at_nodes[index] = at_node
            at_s = values.clock(at_node, "at")
            start_s = self.ctx.meeting.start_s
            if start_s is None and at_s is not None and not self.ctx.start_written:
                values.error(at_node, _("'at' needs the meeting's 'start' (meeting.start: 09:00)"))
            elif start_s is not None and at_s is not None:
                at_s = next_day(at_s, start_s)
        duration = None
        duration_node = m.get("duration")
        if duration_node is not None:
            duration = values.duration(duration_node, "duration")
            if duration is not None and kind in (ItemKind.SPEECH, ItemKind.BREAK):
                slip = seconds_slip(str(duration_node.value).strip(), duration)
                if slip is not None:
                    values.warn(duration_node, slip)
        if kind is None:
            return None

        body: ItemBody | None
        if kind is ItemKind.SCRIPT:
            body = self._script(m, duration, speak)
        elif kind is ItemKind.SPEECH:
            body = self._speech(m, duration, what, speak)
        elif kind is ItemKind.AWARDS:
            body = self.awards.item(m, duration, what, speak)
        else:
            body = self._break(m, duration, what, speak)
        if body is None or title is None or speak is None:
            return None
        return Item(
            index=index,
            id=item_id,
            kind=kind,
            title=title,
            duration_s=body.duration_s,
            estimated=body.estimated,
            cues=body.cues,
            at_s=at_s,
            notes=notes,
            speak=speak,
            warn_s=body.warn_s,
            danger_s=body.danger_s,
            pos=_pos(self.values.report.place(node)),
        )

    def _script(self, m: Mapping, duration: int | None, speak: bool | None) -> ItemBody | None:
        values = self.values
        script_node = m.get("script")
        if script_node is None:
            values.warn(m.node, _("this item has nothing to say: it has no 'script'"))
            texts: list[TextAt] = [TextAt(m.node, "")]
        else:
            if isinstance(script_node, SequenceNode):
                self.ctx.budget.count(max(len(script_node.value), 1) - 1, script_node)
            parts = values.texts(script_node, "script", cues=True)
            if parts is None:
                return None
            if parts:
                texts = parts
                for part in texts:
                    if not part.text:
                        values.warn(part.node, _("this script text is empty: nothing to say"))
            else:
                values.warn(
                    script_node, _("this item has nothing to say: 'script' is an empty list")
                )
                texts = [TextAt(script_node, "")]
        self.ctx.budget.count(1, m.node)
        cues = tuple(text_cue(CueKind.SCRIPT, part.text, bool(speak), part.who) for part in texts)
        if duration is None:
            return ItemBody(
                cues, estimated_item_seconds(ItemKind.SCRIPT, cues, self.ctx.reading), True
            )
        reading = sum(self.ctx.reading(c) for c in cues)
        meeting = self.ctx.meeting
        if script_node is not None and reading > duration * 1.1:
            if meeting.is_cjk:
                message = _(
                    "the script takes about {t} to read (at {rate} characters per minute), more "
                    "than 10% over its item's duration {duration}"
                )
            else:
                message = _(
                    "the script takes about {t} to read (at {rate} words per minute), more "
                    "than 10% over its item's duration {duration}"
                )
            values.warn(
                script_node,
                message.format(
                    t=format_duration(math.ceil(reading)),
                    rate=meeting.reading_rate,
                    duration=format_duration(duration),
                ),
            )
        return ItemBody(cues, duration, False)

    def _speech(
        self, m: Mapping, duration: int | None, what: str, speak: bool | None
    ) -> ItemBody | None:
        values = self.values
        speak_ = bool(speak)
        speaker = values.required_text(m, "speaker", _("{what} (a speech)").format(what=what))
        values.required(m, "duration", _("{what} (a speech's allotted time)").format(what=what))
        intro = values.optional_cue(m, "intro")
        outro = values.optional_cue(m, "outro")
        warn_node, danger_node = m.get("warn"), m.get("danger")
        warn = None if warn_node is None else values.duration(warn_node, "warn")
        danger = None if danger_node is None else values.duration(danger_node, "danger")
        ok = True
        if duration is not None:
            for key, value, node in (("warn", warn, warn_node), ("danger", danger, danger_node)):
                if value is not None and node is not None and value > duration:
                    values.error(
                        node,
                        _("'{key}' {t} is longer than the speech's duration {duration}").format(
                            key=key, t=format_duration(value), duration=format_duration(duration)
                        ),
                    )
                    ok = False
        limit = duration if duration is not None else DEFAULT_WARN_S
        warn_s = warn if warn is not None else min(DEFAULT_WARN_S, limit)
        danger_s = danger if danger is not None else min(DEFAULT_DANGER_S, warn_s, limit)
        if danger is not None and danger_node is not None and danger > warn_s and ok:
            if warn is not None:
                message = _(
                    "'danger' {danger} is more than 'warn' {warn}: the timer turns to warning "
                    "before danger"
                )
            else:
                message = _(
                    "'danger' {danger} is more than 'warn' {warn} (the default): the timer turns "
                    "to warning before danger"
                )
            values.error(
                danger_node,
                message.format(danger=format_duration(danger), warn=format_duration(warn_s)),
            )
        if speaker is None or duration is None or (warn_node and warn is None):
            return None
        if danger_node is not None and danger is None:
            return None
        cues: list[Cue] = []
        if intro is not None and intro.text:
            cues.append(text_cue(CueKind.INTRO, intro.text, speak_, intro.who))
        cues.append(Cue(CueKind.SPEECH, speaker, "", speaker=speaker, duration_s=duration))
        if outro is not None and outro.text:
            cues.append(text_cue(CueKind.OUTRO, outro.text, speak_, outro.who))
        self.ctx.budget.count(len(cues), m.node)
        return ItemBody(tuple(cues), duration, False, warn_s, danger_s)

    def _break(
        self, m: Mapping, duration: int | None, what: str, speak: bool | None
    ) -> ItemBody | None:
        values = self.values
        values.required(m, "duration", _("{what} (a break's length)").format(what=what))
        script = values.joined_text(m.get("script"), "script")
        if duration is None:
            return None
        self.ctx.budget.count(1, m.node)
        text = script or ""
        cue = Cue(CueKind.BREAK, text, text if speak else "", duration_s=duration)
        return ItemBody((cue,), duration, False)

    def check_total(self, node: Node, items: tuple[Item, ...]) -> None:
        """Warn when the meeting is planned to last more than a day (clock times wrap)."""
        start = self.ctx.meeting.start_s or 0
        ats = [None if item.at_s is None else item.at_s - start for item in items]
        offsets = schedule([item.duration_s for item in items], ats)
        total = offsets[-1] + items[-1].duration_s if items else 0
        if total > MAX_DURATION_S:
            self.values.warn(
                node,
                _(
                    "the meeting is planned to last {t}, more than a day: "
                    "its clock times wrap past midnight"
                ).format(t=format_duration(total)),
            )

    def check_at_times(self, items: tuple[Item, ...]) -> None:
        """Warn where earlier items run past an item's fixed `at` start."""
        start = self.ctx.meeting.start_s
        if start is None:
            return
        ats = [None if item.at_s is None else item.at_s - start for item in items]
        offsets = schedule([item.duration_s for item in items], ats)
        runs_to = 0.0
        for item, offset, at in zip(items, offsets, ats, strict=True):
            if at is not None:
                node = self.at_nodes[item.index]
                if at < 0:
                    self.values.warn(
                        node,
                        _("'at' {at} is before the meeting's start {start}").format(
                            at=_clock(item.at_s), start=_clock(start)
                        ),
                    )
                elif runs_to > at:
                    self.values.warn(
                        node,
                        _(
                            "earlier items run until {until}, past this item's fixed start {at}"
                        ).format(until=_clock(start + runs_to), at=_clock(item.at_s)),
                    )
            runs_to = offset + item.duration_s


_ANCHOR_NAME = re.compile(r"&([^\s,\[\]{}]+)")


def _alias_places(source: str, items_node: SequenceNode) -> dict[int, int]:
    """Item index → where the alias stands, for items that repeat an earlier item's node
    (`- *opening`): composing keeps no place for an alias, so it is found in the text."""
    seen: dict[int, int] = {}
    repeats: dict[int, list[int]] = {}
    for i, child in enumerate(items_node.value):
        if id(child) in seen:
            repeats.setdefault(id(child), []).append(i)
        else:
            seen[id(child)] = i
    out: dict[int, int] = {}
    start, end = items_node.start_mark.index, items_node.end_mark.index
    for key, indexes in repeats.items():
        node = items_node.value[seen[key]]
        anchor = _ANCHOR_NAME.match(source, node.start_mark.index)
        if anchor is None:
            continue
        alias = re.compile(r"-[ \t]+(\*" + re.escape(anchor.group(1)) + r")(?![^\s,\]}])")
        places = [m.start(1) for m in alias.finditer(source, start, end)]
        for index, place in zip(indexes, places, strict=False):
            out[index] = place
    return out


NEXT_DAY_WINDOW_S = 12 * 3600
"""An `at` time of day before the meeting's start is taken as the next day when that is at
most this long after the start (23:30 start, `at: 00:45`); otherwise it stays before the
start (a slip, warned about)."""


def next_day(at_s: int, start_s: int) -> int:
    """`at` as seconds after midnight of the meeting's first day (past 86400 on the next)."""
    if at_s < start_s and at_s + 86400 - start_s <= NEXT_DAY_WINDOW_S:
        return at_s + 86400
    return at_s


def _pos(place: Place) -> Pos:
    return Pos(place.line, place.col)


def _item_kind(raw: str) -> ItemKind | None:
    try:
        return ItemKind(raw)
    except ValueError:
        return None


def _slug_hint(raw: str) -> str:
    slug = re.sub(r"[^a-z0-9_-]+", "-", raw[:40].lower()).strip("-")
    return slug or "opening"


def _clock(seconds: float | None) -> str:
    return time_of_day_text(seconds or 0)
