"""The running meeting, free of any screen: the session, its journal, blank, the guards, the
end question, reading aloud and the messages, driven by command id from every front-end.

Everything runs on one event loop: the screen, the command palette and the remote server
call `Host.run` and repaint on the change events it emits.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from podium.engine.session import Outcome, Session
from podium.host.journal import HostJournal
from podium.host.registry import ADJUST_MAX_S, MESSAGE_MAX_CHARS, BadArgument, spec
from podium.host.speaking import SpeakerLike, upcoming_spoken

_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def plain_text(text: str) -> str:
    """A message as one line of plain text: line breaks and tabs become one space, other control
    characters (ESC, BEL, NUL, C1) and bidi overrides are dropped, so a message from the network
    can neither write escape sequences to the podium's terminal nor grow its banner."""
    out: list[str] = []
    for ch in text:
        if ch in "\t\n\r\v\f\x85\u2028\u2029":
            if out and out[-1] != " ":
                out.append(" ")
        elif unicodedata.category(ch) != "Cc" and ch not in _BIDI_CONTROLS:
            out.append(ch)
    return "".join(out).strip()


KEY = "key"
"""`via` of a key press on the podium's own keyboard (never journaled as a `via`)."""

_UNCHANGED = frozenset(
    {
        Outcome.IGNORED_GUARD,
        Outcome.AT_START,
        Outcome.NOT_STARTED,
        Outcome.ENDED,
        Outcome.UNAVAILABLE,
        Outcome.NOTHING,
    }
)
"""Outcomes after which no view shows anything different (the revision stays)."""


@dataclass(frozen=True, slots=True)
class Result:
    """What `Host.run` did: the command, its outcome, and the revision after it."""

    command: str
    outcome: Outcome
    rev: int


@dataclass(frozen=True, slots=True)
class Change:
    """Sent to subscribers after every command (and when the journal's health changes).

    `rev` grew if anything a view shows changed; `command`, `outcome` and `via` are None when
    no command caused it.
    """

    rev: int
    command: str | None
    outcome: str | None
    via: str | None


@dataclass(frozen=True, slots=True)
class Message:
    """A message to the host or the stage."""

    text: str
    at: dt.datetime
    """Wall time it was sent (timezone-aware)."""
    via: str


@dataclass(frozen=True, slots=True)
class Hint:
    """An item that ran clearly long or short of its plan (for the summary)."""

    kind: Literal["long", "short"]
    title: str
    delta_s: float
    """How much longer (or shorter), in seconds (positive)."""


Recipient = Literal["host", "stage"]


class Host:
    """The one running meeting. See `podium.host` for the API."""

    def __init__(
        self,
        session: Session,
        *,
        journal: Any | None = None,
        speaker: SpeakerLike | None = None,
        guard_s: float | None = None,
    ) -> None:
        self.session = session
        sink = session.journal if session.journal is not None else journal
        self._journal: HostJournal | None = None
        if sink is not None:
            self._journal = sink if isinstance(sink, HostJournal) else HostJournal(sink)
            session.journal = self._journal
        self.speaker = speaker
        self.guard_s = session.guard_s if guard_s is None else guard_s
        self.revision = 0
        self.blank = False
        self.end_pending = False
        self.messages: dict[str, Message | None] = {"host": None, "stage": None}
        self.last_remote: tuple[str, str, float] | None = None
        self._last_press: float | None = None
        self._subscribers: list[Callable[[Change], None]] = []
        self._pager: Callable[[int], bool] | None = None
        self._defer: Callable[[Callable[[], None]], object] = _now
        self._prefetch_due = False
        self._journal_error = self.journal_error
        self._closed = False
        self._ended_now = False
        self._methods: dict[str, Callable[..., Outcome]] = {
            "go": self._go,
            "back": self._back,
            "jump": self._jump,
            "pause": self._pause,
            "adjust": self._adjust,
            "plus-minute": lambda: self._adjust(60),
            "minus-minute": lambda: self._adjust(-60),
            "blank": self._toggle_blank,
            "tts-toggle": self._tts_toggle,
            "tts-repeat": self._tts_repeat,
            "tts-stop": self._tts_stop,
            "message": self._message,
            "message-clear": self._message_clear,
            "end-confirm": self._end_confirm,
            "end-cancel": self._end_cancel,
        }

    # --- the front-ends' side -------------------------------------------------------------
    def run(self, command: str, via: str = KEY, **args: Any) -> Result:
        """Run a command by id. UnknownCommand for an unknown id, BadArgument for arguments
        that do not fit (nothing changes then)."""
        kwargs = spec(command).convert(args)
        journal = self._journal
        if journal is not None and via != KEY:
            journal.via = via
        try:
            outcome = self._methods[command](**kwargs)
        finally:
            if journal is not None:
                journal.via = None
        if via != KEY:
            self.last_remote = (command, via, self.session.clock.monotonic())
        changed = outcome not in _UNCHANGED or via != KEY or self._ended_now
        self._ended_now = False
        self._emit(command, outcome, via, changed=changed)
        if outcome is Outcome.DONE and command in ("go", "back", "jump"):
            self._speak_moved()
        return Result(command, outcome, self.revision)

    def subscribe(self, callback: Callable[[Change], None]) -> Callable[[], None]:
        """Call `callback(change)` after every change, synchronously; returns the unsubscriber."""
        self._subscribers.append(callback)

        def unsubscribe() -> None:
            if callback in self._subscribers:
                self._subscribers.remove(callback)

        return unsubscribe

    def set_pager(self, pager: Callable[[int], bool] | None) -> None:
        """`pager(+1 | -1)` pages a long cue on the screen; True when it did (GO and back ask
        it first, after the guard: paging is not a cue move)."""
        self._pager = pager

    def set_defer(self, defer: Callable[[Callable[[], None]], object] | None) -> None:
        """`defer(fn)` runs `fn` later: the screen passes "after the next repaint", so that
        rendering upcoming cues never delays the new cue on screen. Default: at once."""
        self._defer = defer or _now

    @property
    def journal(self) -> HostJournal | None:
        return self._journal

    @property
    def journal_error(self) -> str | None:
        """The journal's last write error (None while it is written, or without a journal)."""
        return None if self._journal is None else self._journal.error

    def check_journal(self) -> None:
        """Look at the journal (a writer with `check()` makes sure its file is still there)
        and emit a change if its health changed since the last look. The front-end calls
        this on its display tick."""
        if self._journal is not None:
            self._journal.check()
        if self.journal_error != self._journal_error:
            self._emit(None, None, None, changed=True)

    def summary_hints(self) -> list[Hint]:
        """Items that ran clearly long or short of their plan (the threshold of `podium
        report`'s hints)."""
        from podium.engine.report import off_plan_threshold_s

        hints = []
        for row in self.session.summary():
            if row.delta_s is None:
                continue
            threshold = off_plan_threshold_s(row.planned_s)
            if row.delta_s >= threshold:
                hints.append(Hint("long", row.item.title, row.delta_s))
            elif -row.delta_s >= threshold:
                hints.append(Hint("short", row.item.title, -row.delta_s))
        return hints

    def close(self) -> None:
        """The meeting is over for this process: stop reading, close the journal (once)."""
        if self._closed:
            return
        self._closed = True
        if self.speaker is not None:
            self.speaker.stop()
        if self._journal is not None:
            self._journal.close()

    # --- commands ---------------------------------------------------------------------------
    def _press(self) -> bool:
        """A GO press: True when it falls within the guard of the previous one (ignore it)."""
        t = self.session.clock.monotonic()
        last, self._last_press = self._last_press, t
        # (a nanosecond of slack so that a press exactly `guard_s` later is never refused)
        return last is not None and t - last < self.guard_s - 1e-9

    def _unblank(self) -> Outcome:
        """GO or back while blank: show the meeting again; the press counts for the guard."""
        self._last_press = self.session.clock.monotonic()
        self.blank = False
        return Outcome.UNBLANKED

    def _go(self) -> Outcome:
        if self.session.ended:
            return Outcome.ENDED
        if self.blank:
            return self._unblank()
        if self._press():
            return Outcome.IGNORED_GUARD
        if self.end_pending:
            return self._end()
        if self._pager is not None and self.session.started and self._pager(1):
            return Outcome.PAGED
        outcome = self.session.go()
        if outcome is Outcome.AT_END:
            self.end_pending = True
        return outcome

    def _back(self) -> Outcome:
        if self.session.ended:
            return Outcome.ENDED
        if self.blank:
            return self._unblank()
        if self.end_pending:
            self.end_pending = False
        if self._pager is not None and self.session.started and self._pager(-1):
            return Outcome.PAGED
        return self.session.back()

    def _jump(self, item: str) -> Outcome:
        index = self._item_index(item)
        if self.session.ended:
            return Outcome.ENDED
        self.blank = False
        if not self.session.started:
            return Outcome.NOT_STARTED
        self.end_pending = False
        return self.session.jump(index)

    def _item_index(self, item_id: str) -> int:
        for it in self.session.items:
            if it.id == item_id:
                if not it.cues:
                    raise BadArgument(f"item {item_id!r} has no cues to show")
                return it.index
        raise BadArgument(f"there is no item {item_id!r}")

    def _pause(self) -> Outcome:
        return self.session.toggle_pause()

    def _adjust(self, delta_s: int) -> Outcome:
        if abs(delta_s) > ADJUST_MAX_S:
            raise BadArgument(f"delta_s must be within ±{ADJUST_MAX_S} seconds, not {delta_s}")
        return self.session.adjust(delta_s)

    def _toggle_blank(self) -> Outcome:
        self.blank = not self.blank
        return Outcome.DONE

    def _tts_toggle(self) -> Outcome:
        speaker = self.speaker
        if speaker is None:
            return Outcome.UNAVAILABLE
        on = not speaker.enabled
        if on:
            speaker.start()  # idempotent: without --tts the voice starts on the first toggle
        speaker.enable(on)
        return Outcome.DONE

    def _tts_repeat(self) -> Outcome:
        speaker, cue = self.speaker, self.session.cue
        if speaker is None:
            return Outcome.UNAVAILABLE
        if not speaker.enabled or cue is None:
            return Outcome.NOTHING
        speaker.say(cue.spoken)
        return Outcome.DONE

    def _tts_stop(self) -> Outcome:
        if self.speaker is None:
            return Outcome.UNAVAILABLE
        self.speaker.stop()
        return Outcome.DONE

    def _message(self, to: str, text: str) -> Outcome:
        text = plain_text(text)
        if not text:
            raise BadArgument("text is empty (message-clear takes a message down)")
        if len(text) > MESSAGE_MAX_CHARS:
            raise BadArgument(f"text is {len(text)} characters; at most {MESSAGE_MAX_CHARS}")
        now = self.session.clock.now()
        via = self._journal.via if self._journal is not None else None
        self.messages[to] = Message(text, now, via or KEY)
        self._record_message(to, text, now)
        return Outcome.DONE

    def _message_clear(self, to: str) -> Outcome:
        if self.messages[to] is None:
            return Outcome.NOTHING
        self.messages[to] = None
        self._record_message(to, None, self.session.clock.now())
        return Outcome.DONE

    def _record_message(self, to: str, text: str | None, at: dt.datetime) -> None:
        """Journal a message (`text` None: taken down) at the current position."""
        if self._journal is None:
            return
        pos = self.session.position
        item = None if pos is None else self.session.items[pos.item].id
        cue = None if pos is None else pos.cue
        self._journal.record("message", at=at, item=item, cue=cue, to=to, text=text)

    def _end_confirm(self) -> Outcome:
        if not self.end_pending or self.session.ended:
            return Outcome.NOTHING
        return self._end()

    def _end_cancel(self) -> Outcome:
        if not self.end_pending:
            return Outcome.NOTHING
        self.end_pending = False
        return Outcome.DONE

    def _end(self) -> Outcome:
        self.end_pending = False
        self.session.end()
        self._ended_now = True
        if self.speaker is not None:
            self.speaker.stop()
        return Outcome.ENDED

    # --- changes and reading aloud --------------------------------------------------------
    def _emit(
        self, command: str | None, outcome: Outcome | None, via: str | None, *, changed: bool
    ) -> None:
        error = self.journal_error
        if error != self._journal_error:
            self._journal_error = error
            changed = True
        if changed:
            self.revision += 1
        change = Change(self.revision, command, None if outcome is None else str(outcome), via)
        for callback in tuple(self._subscribers):
            callback(change)

    def _speak_moved(self) -> None:
        """The cue changed: read it (stopping what was being read), then, after the repaint,
        render the next few cues ahead of time."""
        speaker = self.speaker
        if speaker is None or not speaker.enabled:
            return
        cue = self.session.cue
        speaker.say(cue.spoken if cue is not None else "")
        if not self._prefetch_due:
            self._prefetch_due = True
            self._defer(self._prefetch)

    def _prefetch(self) -> None:
        self._prefetch_due = False
        speaker = self.speaker
        if speaker is not None and speaker.enabled:
            speaker.prefetch(upcoming_spoken(self.session))


def _now(fn: Callable[[], None]) -> None:
    fn()
