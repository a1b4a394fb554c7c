"""Why speech does not work here, in plain words a host can act on, in the host's language.

Every reason is one of `Reason`; its text says what is wrong and what to do, never a player's
or a library's own message (those stay in `detail`, for `--debug` and bug reports).
"""

from __future__ import annotations

from enum import StrEnum

from podium.i18n import N_, for_language

INSTALL_HINT = "sudo apt-get install -y libespeak-ng1 alsa-utils"


class Reason(StrEnum):
    ENGINE_MISSING = "engine-missing"
    """espeak-ng (or pyttsx3) is not installed, or does not start."""
    ENGINE_CRASHING = "engine-crashing"
    PLAYER_MISSING = "player-missing"
    """The audio player program (aplay) is not installed."""
    PLAYER_FAILED = "player-failed"
    """The audio player is there but does not start."""
    NO_DEVICE = "no-device"
    """The player starts but cannot play: no sound card or device here."""
    UNKNOWN_VOICE = "unknown-voice"
    CACHE_FOLDER = "cache-folder"
    LIBRARY_MISSING = "library-missing"
    """podium's own text-to-speech code cannot be imported (a broken installation)."""
    INTERNAL = "internal"


_TEXTS: dict[Reason, str] = {
    Reason.ENGINE_MISSING: N_(
        "espeak-ng is not installed or does not start; install it with: {install}"
    ),
    Reason.ENGINE_CRASHING: N_("the speech engine keeps crashing; reinstall it with: {install}"),
    Reason.PLAYER_MISSING: N_("the audio player {player} is missing; install it with: {install}"),
    Reason.PLAYER_FAILED: N_(
        "the audio player {player} does not start; reinstall it with: {install}"
    ),
    Reason.NO_DEVICE: N_(
        "no audio device: nothing here can play sound; connect speakers or headphones and "
        "check the sound settings (`aplay -l` lists the devices)"
    ),
    Reason.UNKNOWN_VOICE: N_("unknown voice '{voice}'; `podium voices` lists the voices here"),
    Reason.CACHE_FOLDER: N_(
        "no folder for the speech files can be created; check the free space in {folder}"
    ),
    Reason.LIBRARY_MISSING: N_(
        "text-to-speech cannot be loaded; reinstall podium (pip install --force-reinstall podium)"
    ),
    Reason.INTERNAL: N_(
        "reading aloud stopped after an internal error; the meeting goes on without it"
    ),
}


def reason_text(reason: Reason, language: str | None = "en", **fields: str) -> str:
    """The reason in `language` (a meeting's or the user's), its fields filled."""
    template = for_language(language).gettext(_TEXTS[reason])
    values = {"install": INSTALL_HINT, "player": "aplay", "voice": "", "folder": "/tmp"}
    values.update(fields)
    return template.format(**values)


class _Explained(Exception):
    """An exception whose message is a `Reason` in words (English as `str(exc)`)."""

    def __init__(self, reason: Reason, detail: str = "", **fields: str) -> None:
        self.reason = reason
        self.detail = detail
        """What the library or the player said, for `--debug` and bug reports."""
        self.fields = fields
        super().__init__(reason_text(reason, "en", **fields))

    def text(self, language: str | None) -> str:
        """The message in `language`."""
        return reason_text(self.reason, language, **self.fields)


class SpeechUnavailable(_Explained):
    """No speech engine works here; the message says which piece is missing and how to fix it."""


class RenderError(Exception):
    """One text could not be rendered (an unknown voice, say); the engine itself still works."""


class UnknownVoice(RenderError):
    """The voice asked for is not one espeak-ng has."""

    def __init__(self, voice: str) -> None:
        self.voice = voice
        self.reason = Reason.UNKNOWN_VOICE
        self.fields = {"voice": voice}
        super().__init__(reason_text(Reason.UNKNOWN_VOICE, "en", voice=voice))

    def text(self, language: str | None) -> str:
        return reason_text(Reason.UNKNOWN_VOICE, language, voice=self.voice)


class RendererCrashed(Exception):
    """The renderer process died or stopped answering; a new one may be started."""


class TooMuchSpeech(Exception):
    """More text to read aloud than one measurement or file may hold (`MAX_SPEECH_CHARS`):
    refused before any speech is rendered, so the work and the disk it takes stay bounded."""

    def __init__(self, count: int, limit: int) -> None:
        self.count = count
        self.limit = limit
        super().__init__(f"{count} characters of speech; at most {limit}")
