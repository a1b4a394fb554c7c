"""Faults of the journal during a live `podium run`, in a real terminal (tmux).

While the meeting runs, its journal is deleted, replaced by a folder, loses its permission
(the file made immutable; or, with podium running as an unprivileged user, its folder made
read-only), or the disk fills up (a file-size limit put on the running podium; a full
tmpfs where one can be mounted). Each time: the screen says so, GO still works, and once
the fault is cleared nothing of the meeting is lost: the journal holds every GO, in order,
and `podium report` reads it.

Where a fault cannot be made here (chattr needs CAP_LINUX_IMMUTABLE, dropping to another
user needs setpriv and CAP_SETUID, mounting needs CAP_SYS_ADMIN) that test is skipped and
says why; the file-size limit needs no privilege and always runs.
"""

from __future__ import annotations

import contextlib
import errno
import os
import resource
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from podium.i18n import for_language, os_error_text
from podium.tui.i18n import t

from .tmux_session import (
    TMUX,
    ZH_AGENDA,
    Tmux,
    agenda,
    moves,
    read_journal,
    shown_step,
    steps,
)

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(TMUX is None, reason="tmux is not installed"),
]

AGENDA = agenda(ZH_AGENDA)
STEPS = steps(AGENDA)
SIZE = (220, 30)
"""Wide, so the whole notice (which names the journal's path) fits on the status line."""
PODIUM = Path(sys.executable).parent / "podium"
JOURNAL_ERROR = t("status.journal.error", "zh").split("{")[0].strip()
JOURNAL_OK = t("status.journal.ok", "zh")
NOBODY = 65534
FAULT_TIMEOUT_S = 15.0
"""The display tick looks at the journal about once a second; under load, give it time."""


def at_step(n: int) -> Callable[[str], bool]:
    return lambda screen: shown_step(screen, STEPS) == n


def notice(msgid: str) -> str:
    """What the screen (in Chinese, the meeting's language) says of the journal, after its path
    (which the status line may cut off): the words between `{path}` and the next field."""
    text = for_language("zh").gettext(msgid)
    return text.split("{path}", 1)[1].split("{", 1)[0].strip()


DELETED = notice("the journal {path} was deleted; podium wrote it again with every event so far")
REPLACED = notice(
    "the journal {path} was replaced; podium wrote it again at {new} with every event so far"
)


def says(status: str, code: int) -> bool:
    """Whether the status line gives the reason `code` (errno), in English or in Chinese."""
    exc = OSError(code, os.strerror(code))
    words = {os.strerror(code).lower(), os_error_text(exc, for_language("zh"))}
    return any(w in status for w in words)


def status_line(screen: str) -> str:
    """The status line: the line above the footer (the last non-empty line)."""
    lines = [line for line in screen.splitlines() if line.strip()]
    return lines[-2] if len(lines) >= 2 else ""


class Meeting:
    """A live `podium run` of the Chinese conference with its journal at `journal`."""

    def __init__(self, tmux: Tmux, journal: Path, wrapper: tuple[str, ...] = ()) -> None:
        self.tmux = tmux
        self.journal = journal
        self.gos = 0
        tmux.start(
            str(ZH_AGENDA), "--fresh", "--journal", str(journal), "--guard", "0",
            size=SIZE, wrapper=wrapper,
        )  # fmt: skip
        tmux.wait_for(lambda s: t("standby", "zh") in s, "the standby screen", timeout=30)

    def go(self) -> str:
        """Press GO and wait for the next cue on the screen: GO works, whatever the journal."""
        self.tmux.press("PageDown")
        screen = self.tmux.wait_for(at_step(self.gos), f"cue {self.gos} after GO")
        self.gos += 1
        return screen

    def wait_status(self, what: str, predicate: Callable[[str], bool]) -> str:
        return self.tmux.wait_for(
            lambda s: predicate(status_line(s)), what, timeout=FAULT_TIMEOUT_S
        )

    def toggle_pause_until(self, predicate: Callable[[str], bool], most: int = 200) -> str:
        """Press pause (p) again and again, each once the screen shows it, until
        `predicate(screen)`; ends resumed, so the meeting's timers run as before."""
        paused = t("clock.paused", "zh")
        for n in range(most):
            self.tmux.press("p")
            want = n % 2 == 0
            screen = self.tmux.wait_for(
                lambda s, want=want: (paused in s.splitlines()[0]) == want,  # type: ignore[misc]
                "pause shown" if want else "pause gone",
            )
            if predicate(screen) or predicate(screen := self.tmux.screen()):
                if want:
                    self.tmux.press("p")
                    self.tmux.wait_for(lambda s: paused not in s.splitlines()[0], "resumed")
                return screen
        raise AssertionError(f"not after {most} pauses:\n{self.tmux.screen()}")

    def quit(self) -> None:
        self.tmux.press("q")
        self.tmux.wait_for(lambda s: t("confirm.title", "zh") in s, "the quit question")
        self.tmux.press("y")
        assert self.tmux.wait_dead() == 0

    def assert_nothing_lost(self, journal: Path | None = None) -> None:
        """The journal holds every GO pressed, in order, and `podium report` reads it."""
        path = journal or self.journal
        _, events = read_journal(path)
        expected = [("go", s.item, s.cue) for s in STEPS[: self.gos]]
        assert [m for m in moves(events) if m[0] == "go"] == expected, moves(events)
        report = subprocess.run(
            [str(PODIUM), "report", str(path)], capture_output=True, text=True, timeout=60
        )
        assert report.returncode == 0, report.stderr
        assert report.stderr == ""  # not a line of it skipped


def test_a_deleted_journal_is_written_again_and_said_so(tmp_path: Path) -> None:
    journal = tmp_path / "meeting.jsonl"
    with Tmux(tmp_path) as tmux:
        meeting = Meeting(tmux, journal)
        meeting.go()
        meeting.go()
        journal.unlink()
        meeting.wait_status("the notice that the journal was written again", lambda s: (
            DELETED in s and JOURNAL_OK in s
        ))  # fmt: skip
        assert journal.is_file()
        meeting.go()
        meeting.quit()
        meeting.assert_nothing_lost()


def test_a_journal_replaced_by_a_folder_is_written_beside_it(tmp_path: Path) -> None:
    journal = tmp_path / "meeting.jsonl"
    recovered = tmp_path / "meeting-recovered.jsonl"
    with Tmux(tmp_path) as tmux:
        meeting = Meeting(tmux, journal)
        meeting.go()
        journal.unlink()
        journal.mkdir()
        (journal / "something.txt").write_text("not podium's\n")
        meeting.wait_status("the notice that the journal was written beside the folder", lambda s: (
            REPLACED in s
        ))  # fmt: skip
        assert recovered.is_file()  # (its name may be cut off on the status line)
        meeting.go()
        shutil.rmtree(journal)  # the fault is cleared: podium keeps to its new file
        meeting.go()
        meeting.quit()
        assert not journal.exists()
        meeting.assert_nothing_lost(recovered)


@contextlib.contextmanager
def immutable(path: Path) -> Iterator[None]:
    """`chattr +i path` for the block (writes through an open file fail with EPERM, even
    root's); always undone."""
    subprocess.run(["chattr", "+i", str(path)], check=True, capture_output=True)
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=False, capture_output=True)


def chattr_works(folder: Path) -> bool:
    probe = folder / "probe"
    probe.write_text("")
    if shutil.which("chattr") is None:
        return False
    made = subprocess.run(["chattr", "+i", str(probe)], capture_output=True).returncode == 0
    subprocess.run(["chattr", "-i", str(probe)], capture_output=True)
    probe.unlink()
    return made


def test_a_journal_that_loses_its_write_permission_shows_an_error_and_recovers(
    tmp_path: Path,
) -> None:
    if not chattr_works(tmp_path):
        pytest.skip("chattr +i is not permitted here (CAP_LINUX_IMMUTABLE, an ext4/xfs/btrfs)")
    journal = tmp_path / "meeting.jsonl"
    with Tmux(tmp_path) as tmux:
        meeting = Meeting(tmux, journal)
        meeting.go()
        with immutable(journal):
            screen = meeting.go()  # this GO's line cannot be written
            screen = meeting.wait_status("JOURNAL ERROR", lambda s: JOURNAL_ERROR in s)
            assert says(status_line(screen), errno.EPERM), status_line(screen)
            meeting.go()  # and this one: both are kept, in order
            assert JOURNAL_ERROR in status_line(tmux.screen())
        meeting.wait_status("the journal ok again", lambda s: JOURNAL_OK in s)
        meeting.go()
        meeting.quit()
        meeting.assert_nothing_lost()


def test_a_folder_made_immutable_shows_an_error_until_the_journal_can_be_written_again(
    tmp_path: Path,
) -> None:
    """The journal is deleted and its folder made immutable (so even root cannot create a
    file in it): podium cannot write the journal again until the folder is writable."""
    if not chattr_works(tmp_path):
        pytest.skip("chattr +i is not permitted here (CAP_LINUX_IMMUTABLE, an ext4/xfs/btrfs)")
    folder = tmp_path / "journals"
    folder.mkdir()
    journal = folder / "meeting.jsonl"
    with Tmux(tmp_path) as tmux, contextlib.ExitStack() as undo:
        meeting = Meeting(tmux, journal)
        meeting.go()
        for _ in range(5):  # the display tick may write it again between the two steps
            journal.unlink()
            locked = contextlib.ExitStack()
            locked.enter_context(immutable(folder))
            if not journal.exists():
                undo.push(locked)
                break
            locked.close()
        else:
            pytest.fail("the journal was always written again before its folder was locked")
        screen = meeting.wait_status("JOURNAL ERROR", lambda s: JOURNAL_ERROR in s)
        assert says(status_line(screen), errno.EPERM), status_line(screen)
        meeting.go()  # GO works, into the open (deleted) file
        undo.close()  # the folder is writable again
        meeting.wait_status("the journal written again", lambda s: (
            DELETED in s and JOURNAL_OK in s
        ))  # fmt: skip
        meeting.go()
        meeting.quit()
        meeting.assert_nothing_lost()


def setpriv_works() -> bool:
    """Whether podium can run here as an unprivileged user (root, setpriv, and this Python
    and podium reachable by that user: not under a private home folder)."""
    if shutil.which("setpriv") is None or os.geteuid() != 0:
        return False
    probe = subprocess.run(
        ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups",
         sys.executable, "-c", "import podium.cli"],
        capture_output=True,
    )  # fmt: skip
    return probe.returncode == 0


def test_a_folder_that_loses_its_write_permission_shows_an_error_and_recovers(
    tmp_path: Path,
) -> None:
    """podium runs as an unprivileged user (permissions do not stop root); its journal is
    deleted while its folder is read-only, so it cannot be written again until the
    permission comes back."""
    if not setpriv_works():
        pytest.skip(
            "podium cannot run as an unprivileged user here (it needs root, setpriv, and a "
            "Python that user can reach, not one under a private home folder)"
        )
    # A folder that user can reach (pytest's own temporary folders are private to root).
    shared = Path(tempfile.mkdtemp(prefix="podium-fault-"))
    try:
        shared.chmod(0o755)
        folder = shared / "journals"
        folder.mkdir()
        os.chown(folder, NOBODY, NOBODY)
        journal = folder / "meeting.jsonl"
        wrapper = ("setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups")
        with Tmux(tmp_path) as tmux:
            meeting = Meeting(tmux, journal, wrapper=wrapper)
            meeting.go()
            assert journal.stat().st_uid == NOBODY  # written by the unprivileged podium
            folder.chmod(0o555)
            journal.unlink()
            screen = meeting.wait_status("JOURNAL ERROR", lambda s: JOURNAL_ERROR in s)
            assert says(status_line(screen), errno.EACCES), status_line(screen)
            meeting.go()  # GO works, into the open (deleted) file
            folder.chmod(0o755)
            meeting.wait_status("the journal written again", lambda s: (
                DELETED in s and JOURNAL_OK in s
            ))  # fmt: skip
            meeting.go()
            meeting.quit()
            meeting.assert_nothing_lost()
    finally:
        with contextlib.suppress(OSError):
            (shared / "journals").chmod(0o755)
        shutil.rmtree(shared, ignore_errors=True)


def test_a_full_disk_shows_an_error_and_loses_nothing_once_there_is_room(
    tmp_path: Path,
) -> None:
    """'Disk full' without privileges: a file-size limit (RLIMIT_FSIZE) set on the running
    podium at its journal's current size, so that its next line cannot be written (EFBIG,
    as ENOSPC would be); then lifted."""
    journal = tmp_path / "meeting.jsonl"
    with Tmux(tmp_path) as tmux:
        meeting = Meeting(tmux, journal)
        meeting.go()
        _, hard = resource.prlimit(tmux.pid, resource.RLIMIT_FSIZE)
        resource.prlimit(tmux.pid, resource.RLIMIT_FSIZE, (journal.stat().st_size, hard))
        meeting.go()
        screen = meeting.wait_status("JOURNAL ERROR", lambda s: JOURNAL_ERROR in s)
        assert says(status_line(screen), errno.EFBIG), status_line(screen)
        meeting.go()
        resource.prlimit(tmux.pid, resource.RLIMIT_FSIZE, (hard, hard))
        meeting.wait_status("the journal ok again", lambda s: JOURNAL_OK in s)
        meeting.go()
        meeting.quit()
        meeting.assert_nothing_lost()


@contextlib.contextmanager
def small_tmpfs(folder: Path) -> Iterator[Path]:
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=256k,mode=0755", "tmpfs", str(folder)],
        capture_output=True,
    )
    if mounted.returncode != 0:
        pytest.skip("mounting a small tmpfs is not permitted here (needs CAP_SYS_ADMIN)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def test_a_really_full_disk_shows_an_error_and_loses_nothing_once_there_is_room(
    tmp_path: Path,
) -> None:
    with small_tmpfs(tmp_path / "disk") as disk, Tmux(tmp_path) as tmux:
        journal = disk / "meeting.jsonl"
        meeting = Meeting(tmux, journal)
        meeting.go()
        filler = disk / "filler"
        fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o644)
        try:
            while os.write(fd, b"\0" * 4096):  # until the disk is full (ENOSPC)
                pass
        except OSError:
            pass
        finally:
            os.close(fd)
        # The journal's last page may still have room: pause and resume (each an event)
        # until a line needs a new page, which the full disk refuses.
        screen = meeting.toggle_pause_until(lambda s: JOURNAL_ERROR in status_line(s))
        assert says(status_line(screen), errno.ENOSPC), status_line(screen)
        meeting.go()
        meeting.go()
        filler.unlink()
        meeting.wait_status("the journal ok again", lambda s: JOURNAL_OK in s)
        meeting.go()
        meeting.quit()
        meeting.assert_nothing_lost()
