"""Why speech does not work here, in words a host can act on."""

from __future__ import annotations

INSTALL_HINT = "sudo apt-get install -y libespeak-ng1 alsa-utils"


class SpeechUnavailable(Exception):
    """No speech engine works here; the message says which piece is missing and how to fix it."""


class RenderError(Exception):
    """One text could not be rendered (an unknown voice, say); the engine itself still works."""


class UnknownVoice(RenderError):
    """The voice asked for is not one espeak-ng has."""


class RendererCrashed(Exception):
    """The renderer process died or stopped answering; a new one may be started."""
