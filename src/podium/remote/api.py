"""One remote command, the same for HTTP, WebSocket and OSC: look it up in the Host's command
table, check who asks, run it with its `via`, and say what happened.

Framework-free, so every front-end (and the unit tests) share the exact same rules.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from podium.remote.security import Access

MAX_TEXT = 500
MAX_ARG_CHARS = 2000


@dataclass(frozen=True, slots=True)
class Answer:
    """What a remote command did: an HTTP status and the JSON body."""

    status: int
    body: dict[str, Any]

    @property
    def ok(self) -> bool:
        return self.status == 200


def remote_commands(commands: Mapping[str, Any]) -> dict[str, Any]:
    """The commands a remote client may call (the Host's table, `remote=True` only)."""
    return {cid: spec for cid, spec in commands.items() if getattr(spec, "remote", False)}


def run_command(
    host: Any,
    commands: Mapping[str, Any],
    command_id: str,
    args: Mapping[str, Any],
    *,
    access: Access,
    via: str,
) -> Answer:
    """Run `command_id` on the host for a client with `access`; never raises."""
    spec = commands.get(command_id)
    if spec is None or not getattr(spec, "remote", False):
        return _error(404, f"no command {command_id[:60]!r}; GET /api/v1/commands lists them")
    if access is not Access.CONTROL:
        return _error(403, "this token may only view; commands need the control token")
    names = {arg.name for arg in spec.args}
    clean: dict[str, Any] = {}
    for name, value in args.items():
        if name not in names:
            return _error(400, f"{command_id} takes no argument {name[:40]!r}")
        if isinstance(value, list | dict) or value is None:
            return _error(400, f"argument {name} must be a single value")
        if isinstance(value, str) and len(value) > (MAX_TEXT if name == "text" else MAX_ARG_CHARS):
            return _error(400, f"argument {name} is longer than {MAX_TEXT} characters")
        clean[name] = value
    try:
        result = host.run(command_id, via=via, **clean)
    except KeyError as exc:  # podium.host.UnknownCommand
        return _error(404, _reason(exc, f"no command {command_id!r}"))
    except (ValueError, TypeError) as exc:  # podium.host.BadArgument
        return _error(400, _reason(exc, "bad argument"))
    except Exception as exc:  # a bug must not take the server (or the meeting) down
        return _error(500, f"the command failed: {type(exc).__name__}")
    outcome = getattr(result, "outcome", result)
    return Answer(
        200,
        {
            "ok": True,
            "command": command_id,
            "outcome": str(getattr(outcome, "value", outcome)),
            "rev": int(getattr(result, "rev", host.revision)),
        },
    )


def command_list(commands: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The remote commands with their arguments, for `GET /api/v1/commands`."""
    listed = []
    for cid, spec in remote_commands(commands).items():
        args = []
        for arg in spec.args:
            entry: dict[str, Any] = {"name": arg.name, "type": getattr(arg.type, "__name__", "str")}
            if getattr(arg, "choices", None):
                entry["choices"] = list(arg.choices)
            args.append(entry)
        listed.append({"id": cid, "args": args, "doc": getattr(spec, "doc", "")})
    return listed


def _error(status: int, reason: str) -> Answer:
    return Answer(status, {"ok": False, "error": reason})


def _reason(exc: BaseException, fallback: str) -> str:
    text = exc.args[0] if exc.args and isinstance(exc.args[0], str) else str(exc)
    text = text.strip().splitlines()[0] if text.strip() else fallback
    return text[:200]
