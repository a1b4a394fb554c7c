"""The running meeting, free of any screen: one `Host` per session, driven by command id.

```python
host = Host(session, journal=writer, speaker=speaker)
host.run("go")                              # -> Result(command, outcome, rev)
host.run("jump", via="http 127.0.0.1", item="speech")
unsubscribe = host.subscribe(lambda change: ...)
```

The screen, the command palette and remote control are front-ends of it; nothing here
imports textual.
"""

from podium.host.core import KEY, Change, Hint, Host, Message, Result
from podium.host.journal import HostJournal
from podium.host.registry import (
    COMMANDS,
    MESSAGE_MAX_CHARS,
    Arg,
    BadArgument,
    CommandSpec,
    UnknownCommand,
)
from podium.host.speaking import LazySpeaker, SpeakerLike, tts_status

__all__ = [
    "COMMANDS",
    "KEY",
    "MESSAGE_MAX_CHARS",
    "Arg",
    "BadArgument",
    "Change",
    "CommandSpec",
    "Hint",
    "Host",
    "HostJournal",
    "LazySpeaker",
    "Message",
    "Result",
    "SpeakerLike",
    "UnknownCommand",
    "tts_status",
]
