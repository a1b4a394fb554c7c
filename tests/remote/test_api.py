"""One remote command against the Host: the same table, outcomes and refusals for every
front-end."""

from __future__ import annotations

from typing import Any

from podium.host import COMMANDS
from podium.remote.api import command_list, run_command
from podium.remote.security import Access


def run(host: Any, cid: str, access: Access = Access.CONTROL, **args: Any) -> Any:
    return run_command(host, COMMANDS, cid, args, access=access, via="http 127.0.0.1")


def test_go_runs_on_the_host_with_its_via(host: Any) -> None:
    answer = run(host, "go")
    assert answer.status == 200
    assert answer.body == {"ok": True, "command": "go", "outcome": "done", "rev": host.revision}
    assert host.session.started
    assert host.last_remote[:2] == ("go", "http 127.0.0.1")


def test_outcomes_are_the_engine_names(host: Any) -> None:
    assert run(host, "back").body["outcome"] == "at_start"
    assert run(host, "jump", item="talk").body["outcome"] == "not_started"
    run(host, "go")
    assert run(host, "go").body["outcome"] == "ignored_guard"  # the fake clock stands still


def test_arguments_arrive_as_strings(host: Any) -> None:
    run(host, "go")
    assert run(host, "adjust", delta_s="60").status == 200
    assert host.session.added_s(0) == 60
    assert run(host, "jump", item="talk").body["outcome"] == "done"
    assert host.session.item.id == "talk"


def test_unknown_and_front_end_only_commands_are_404(host: Any) -> None:
    assert run(host, "nope").status == 404
    assert run(host, "help").status == 404  # the screen's own, not remote
    assert run(host, "nope").body["ok"] is False


def test_view_access_may_not_command(host: Any) -> None:
    answer = run(host, "go", Access.VIEW)
    assert answer.status == 403
    assert not host.session.started


def test_bad_arguments_are_400(host: Any) -> None:
    run(host, "go")
    assert run(host, "jump").status == 400
    assert run(host, "jump", item="no-such-item").status == 400
    assert run(host, "adjust", delta_s="soon").status == 400
    assert run(host, "message", to="everyone", text="hi").status == 400
    assert run(host, "go", extra="1").status == 400
    assert run(host, "message", to="stage", text="x" * 501).status == 400
    assert run(host, "message", to="stage", text=["a", "b"]).status == 400
    assert host.messages["stage"] is None


def test_message_of_500_characters_is_kept(host: Any) -> None:
    answer = run(host, "message", to="stage", text="字" * 500)
    assert answer.status == 200
    assert host.messages["stage"].text == "字" * 500


def test_a_failing_command_is_an_answer_not_an_exception(host: Any) -> None:
    def broken(*a: Any, **k: Any) -> Any:
        raise RuntimeError("boom")

    host.run = broken
    answer = run(host, "go")
    assert answer.status == 500
    assert "boom" not in str(answer.body)  # no internals to the network


def test_command_list_has_every_remote_command() -> None:
    listed = {entry["id"]: entry for entry in command_list(COMMANDS)}
    assert set(listed) == {cid for cid, spec in COMMANDS.items() if spec.remote}
    assert [a["name"] for a in listed["message"]["args"]] == ["to", "text"]
