"""kill -9 at random moments: every event a session had returned from is in the journal."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from podium.engine.journal import read_journal

CHILD = textwrap.dedent(
    """
    import sys
    from engine_agendas import clock_at, make_agenda, script
    from podium.agenda.plan import make_plan
    from podium.engine.clock import SystemClock
    from podium.engine.journal import JournalWriter
    from podium.engine.session import Outcome, Session

    agenda = make_agenda(*(script(f"i{n}", 60, cues=3) for n in range(40)))
    clock = SystemClock()
    writer = JournalWriter.create(sys.argv[1], agenda, rehearsal=True, now=clock.now())
    session = Session(make_plan(agenda), clock, guard_s=0, journal=writer)
    shown = 0
    while True:
        for action in (session.go, session.go, session.back, session.go, session.toggle_pause):
            if action() is Outcome.DONE:
                shown = writer.events_written
                print(shown, flush=True)  # what "the screen" has shown
    """
)


def test_sigkill_at_random_moments_loses_no_shown_event(tmp_path: Path) -> None:
    rng = random.Random(20260312)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parent)}
    for run in range(12):
        path = tmp_path / f"j{run}.jsonl"
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(path)],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert child.stdout is not None
        target = rng.randint(1, 60)
        shown = 0
        for line in child.stdout:
            shown = int(line)
            if shown >= target:
                break
        child.send_signal(signal.SIGKILL)
        child.wait()
        journal = read_journal(path)
        # the child may have written more after its last report, never less
        assert len(journal.events) >= shown > 0
        assert [e.line for e in journal.events] == list(range(2, len(journal.events) + 2))
