"""Reading an awards item: its groups, their recipients (inline or from `recipients_csv`) and
the call-up cues they unfold into."""

from __future__ import annotations

import math

from podium.agenda import csvrecipients, limits
from podium.agenda.context import ItemBody, ItemContext, text_cue
from podium.agenda.defaults import DEFAULT_BATCH, DEFAULT_PER_CALL_S, default_call
from podium.agenda.estimate import estimated_item_seconds
from podium.agenda.keys import CALL_FIELDS, GROUP_KEYS, RECIPIENT_KEYS
from podium.agenda.model import Cue, CueKind, ItemKind, Meeting
from podium.agenda.placeholders import Field, Part, has_braces, looks_masked, parse_template
from podium.agenda.roster import Roster
from podium.agenda.slips import LIST_SEPARATORS, list_form, separated_names
from podium.agenda.values import Mapping, short
from podium.agenda.yamlnodes import Node, ScalarNode, SequenceNode, kind_name
from podium.i18n import N_, _


class AwardsReader:
    def __init__(self, ctx: ItemContext) -> None:
        self.ctx = ctx
        self.values = ctx.values
        self._csv_files: dict[str, csvrecipients.CsvRecipients] = {}
        """Each CSV file read once per agenda, however many groups name it (by real path)."""
        self._csv_bytes = 0

    def item(
        self, m: Mapping, duration: int | None, what: str, speak: bool | None
    ) -> ItemBody | None:
        values = self.values
        speak_ = bool(speak)
        intro = values.optional_cue(m, "intro")
        outro = values.optional_cue(m, "outro")
        default_call_node = m.get("call")
        batch_node, per_call_node = m.get("batch"), m.get("per_call")
        default_batch = (
            DEFAULT_BATCH if batch_node is None else values.whole(batch_node, "batch", "3")
        )
        default_per_call = (
            DEFAULT_PER_CALL_S
            if per_call_node is None
            else values.duration(per_call_node, "per_call")
        )
        groups_node = m.get("groups")
        group_maps: list[Mapping] = []
        if groups_node is not None:
            for key in ("award", "recipients", "recipients_csv"):
                stray = m.raw(key)
                if stray is not None:
                    values.error(
                        m.entries[key].key,
                        _("'{key}' belongs inside a group when the item has 'groups'").format(
                            key=key
                        ),
                    )
            if not isinstance(groups_node, SequenceNode):
                values.error(
                    groups_node,
                    _("'groups' must be a list of groups, not {kind}").format(
                        kind=_(kind_name(groups_node))
                    ),
                )
                return None
            if not groups_node.value:
                values.error(
                    groups_node, _("'groups' is empty: an awards item needs at least one group")
                )
                return None
            for i, g in enumerate(groups_node.value):
                gm = values.mapping(g, _("group {n}").format(n=i + 1), GROUP_KEYS)
                if gm is not None:
                    group_maps.append(gm)
                else:
                    group_maps = []
                    break
            if len(group_maps) != len(groups_node.value):
                return None
        else:
            if m.raw("recipients") is None and m.raw("recipients_csv") is None:
                values.error(
                    m.node,
                    _(
                        "missing required key 'recipients' in {what} (an awards item needs "
                        "'recipients', 'recipients_csv' or 'groups')"
                    ).format(what=what),
                )
                return None
            group_maps = [m]
        if intro is not None or outro is not None:
            self.ctx.budget.count((intro is not None) + (outro is not None), m.node)
        calls: list[Cue] = []
        ok = default_batch is not None and default_per_call is not None
        for gm in group_maps:
            group_calls = self._group(
                gm, default_call_node, default_batch or 1, default_per_call or 1, speak_
            )
            if group_calls is None:
                ok = False
            else:
                calls.extend(group_calls)
        if not ok:
            return None
        cues: list[Cue] = []
        if intro is not None and intro.text:
            cues.append(text_cue(CueKind.INTRO, intro.text, speak_, intro.who))
        cues.extend(calls)
        if outro is not None and outro.text:
            cues.append(text_cue(CueKind.OUTRO, outro.text, speak_, outro.who))
        if duration is not None:
            return ItemBody(tuple(cues), duration, False)
        planned = estimated_item_seconds(ItemKind.AWARDS, cues, self.ctx.reading)
        return ItemBody(tuple(cues), planned, True)

    def _group(
        self,
        g: Mapping,
        default_call_node: Node | None,
        default_batch: int,
        default_per_call: int,
        speak: bool,
    ) -> list[Cue] | None:
        values = self.values
        award_node = g.get("award")
        award = None if award_node is None else values.text(award_node, "award")
        batch_node, per_call_node = g.get("batch"), g.get("per_call")
        batch = default_batch if batch_node is None else values.whole(batch_node, "batch", "3")
        per_call = (
            default_per_call
            if per_call_node is None
            else values.duration(per_call_node, "per_call")
        )
        recipients = self._recipients(g, batch or 1)
        call_node = g.get("call") or default_call_node
        if call_node is not None:
            if not isinstance(call_node, ScalarNode):
                values.error(
                    call_node,
                    _("'call' must be text, not {kind}").format(kind=_(kind_name(call_node))),
                )
                return None
            call_text = call_node.value.strip()
            if looks_masked(call_text):
                values.warn(
                    call_node,
                    _("looks like an unfilled name: {text!r}").format(text=short(call_text)),
                )
            if not call_text:
                values.warn(call_node, _("this group has nothing to say: its 'call' is empty"))
            template = values.fill.template(call_node, call_text, CALL_FIELDS)
            if award is None:
                for part in template:
                    if isinstance(part, Field) and part.key == "award":
                        values.report.error_in(
                            call_node,
                            call_text,
                            part.offset,
                            "{award}",
                            _("'{award}' in 'call', but the group has no 'award'"),
                        )
        else:
            template = parse_template(default_call(self.ctx.meeting.language))[0]
        if recipients is None or batch is None or per_call is None:
            return None
        return call_ups(recipients, batch, template, award, per_call, speak, self.ctx.meeting)

    def _recipients(self, g: Mapping, batch: int) -> Roster | None:
        values = self.values
        node = g.get("recipients")
        csv_node = g.get("recipients_csv")
        if node is not None and csv_node is not None:
            values.error(csv_node, _("give either 'recipients' or 'recipients_csv', not both"))
            return None
        if csv_node is not None:
            return self._csv(csv_node, batch)
        if node is None:
            raw = g.raw("recipients")
            if raw is not None:
                values.error(raw, _("'recipients' is empty: a group needs at least one recipient"))
            else:
                values.error(g.node, _("missing required key 'recipients' in the group"))
            return None
        if not isinstance(node, SequenceNode):
            if isinstance(node, ScalarNode):  # a single recipient written as text
                items: list[Node] = [node]
                text = str(node.value).strip()
                sep = separated_names(text)
                if sep is not None:
                    values.warn(
                        node,
                        _(
                            "'recipients' is one text with several names separated by '{sep}': "
                            "write them as a list, such as {example}"
                        ).format(sep=sep, example=list_form(text, sep)),
                    )
            else:
                values.error(
                    node,
                    _("'recipients' must be a list, not {kind}").format(kind=_(kind_name(node))),
                )
                return None
        else:
            items = node.value
        if not items:
            values.error(node, _("'recipients' is empty: a group needs at least one recipient"))
            return None
        self.ctx.budget.count(math.ceil(len(items) / batch), node)
        out = Roster()
        ok = True
        for child in items:
            if isinstance(child, ScalarNode):
                name = child.value.strip()
                if not name:
                    values.error(child, _("a recipient's name is empty"))
                    ok = False
                    continue
                if looks_masked(name):
                    values.warn(
                        child, _("looks like an unfilled name: {text!r}").format(text=short(name))
                    )
                sep = None if child is node else separated_names(name, LIST_SEPARATORS)
                if sep is not None:
                    values.warn(
                        child,
                        _(
                            "this recipient holds several names separated by '{sep}': give each "
                            "its own entry, such as {example}"
                        ).format(sep=sep, example=list_form(name, sep)),
                    )
                if has_braces(name):
                    name = values.fill.substitute(child, name)
                out.add(name)
                continue
            r = values.mapping(child, N_("a recipient"), RECIPIENT_KEYS)
            if r is None:
                ok = False
                continue
            name_node = values.required(r, "name", N_("a recipient"))
            name = None if name_node is None else values.text(name_node, "name")
            if not name:
                if name_node is not None and name is not None:
                    values.error(name_node, _("a recipient's name is empty"))
                ok = False
                continue
            out.add(
                name,
                unit=values.optional_text(r, "unit"),
                say=values.optional_text(r, "say") or None,
                note=values.optional_text(r, "note"),
            )
        return out if ok else None

    def _csv(self, node: Node, batch: int) -> Roster | None:
        values = self.values
        raw = values.scalar(node, "recipients_csv", N_("a path such as people.csv"))
        if raw is None:
            return None
        try:
            path = csvrecipients.resolve_inside(self.ctx.base_dir, raw)
            # A file is read once, but counts toward the agenda's CSV bytes for every group
            # that names it: each use makes its own call-up cues (names, texts), so eight
            # groups naming one 16 MiB file would cost the memory of 128 MiB of CSV.
            rows = self._csv_files.get(path)
            left = limits.MAX_CSV_TOTAL_BYTES - self._csv_bytes
            if rows is None:
                rows = csvrecipients.read_recipients(path, raw, min(limits.MAX_FILE_BYTES, left))
                self._csv_files[path] = rows
            elif rows.size > left:
                raise csvrecipients.CsvProblem(csvrecipients.past_total_limit(raw))
            self._csv_bytes += rows.size
        except csvrecipients.CsvProblem as exc:
            values.error(node, str(exc))
            return None
        for where, message in rows.warnings:
            values.warn(node, f"{raw} {where}: {message}")
        self.ctx.budget.count(math.ceil(len(rows.roster) / batch), node)
        return rows.roster


def call_ups(
    roster: Roster,
    batch: int,
    template: list[Part],
    award: str | None,
    per_call: int,
    speak: bool,
    meeting: Meeting,
) -> list[Cue]:
    """A group's call-up cues: its recipients in batches of `batch`, the template filled."""
    separator = meeting.list_separator
    # The template as a format string: literal braces doubled, fields left for format().
    pattern = "".join(
        p.replace("{", "{{").replace("}", "}}") if isinstance(p, str) else "{" + p.key + "}"
        for p in template
    ).format
    all_names = tuple(roster.names)
    all_units = tuple(roster.units)
    all_says = tuple(roster.says) if any(roster.says) else None
    all_notes = tuple(roster.notes) if any(roster.notes) else None
    batches = math.ceil(len(all_names) / batch)
    cues: list[Cue] = []
    for number in range(1, batches + 1):
        start = (number - 1) * batch
        end = start + batch
        names = all_names[start:end]
        say = None
        if all_says is not None:
            says = all_says[start:end]
            if any(says):
                say = tuple(s or n for s, n in zip(says, names, strict=True))
        notes: tuple[str | None, ...] = ()
        if all_notes is not None:
            notes = all_notes[start:end]
            if not any(notes):
                notes = ()
        count = str(len(names))
        text = pattern(names=separator.join(names), award=award or "", count=count)
        spoken = ""
        if speak and text:
            if say is not None:
                spoken = pattern(names=separator.join(say), award=award or "", count=count)
            else:
                spoken = text
        cues.append(
            Cue(
                CueKind.CALL,
                text,
                spoken,
                names=names,
                units=all_units[start:end],
                say=say,
                notes=notes,
                award=award,
                batch=number,
                batches=batches,
                duration_s=per_call,
            )
        )
    return cues
