"""`podium voices` and `podium say`: the text-to-speech engine from the command line."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys

from podium.cli import EXIT_OK, UsageError
from podium.i18n import _, os_error_text, user_language
from podium.textsafe import printable

DEFAULT_RATE = 200
MIN_RATE, MAX_RATE = 80, 450
"""espeak-ng's words-per-minute range; it would clamp other values without saying so."""


def voices(args: argparse.Namespace) -> int:
    """Print the voices espeak-ng offers here: id, name, languages, one per line."""
    from podium.tts import SpeechUnavailable, list_voices

    try:
        found = sorted(list_voices(), key=lambda v: v.id)
    except SpeechUnavailable as exc:
        raise UsageError(
            _("no speech engine works here: {reason}").format(reason=exc.text(user_language()))
        ) from exc
    rows = [(_("ID"), _("NAME"), _("LANGUAGES"))] + [
        (v.id, v.name, ", ".join(v.languages)) for v in found
    ]
    id_width = max(len(r[0]) for r in rows)
    name_width = max(len(r[1]) for r in rows)
    for vid, name, languages in rows:
        print(f"{vid:<{id_width}}  {name:<{name_width}}  {languages}".rstrip())
    return EXIT_OK


def say(args: argparse.Namespace) -> int:
    """Read TEXT aloud, or write it to a WAV file with --out."""
    from podium.tts import INSTALL_HINT, SpeechUnavailable, language_voice, voice_for
    from podium.tts.chunks import split_for_speech
    from podium.tts.errors import RenderError, TooMuchSpeech, UnknownVoice
    from podium.tts.offline import check_speech_size

    text: str = args.text
    rate = DEFAULT_RATE if args.rate is None else args.rate
    if not MIN_RATE <= rate <= MAX_RATE:
        raise UsageError(
            _("--rate must be between {low} and {high} words per minute, not {rate}").format(
                low=MIN_RATE, high=MAX_RATE, rate=rate
            )
        )
    if not split_for_speech(text):
        raise UsageError(_("nothing to say: TEXT has no words"))
    if args.voice:
        voice, strict = args.voice, True
    elif args.lang:
        voice, strict = language_voice(args.lang), False
    else:
        voice, strict = voice_for(text, "en", None), False
    try:
        # (SIGTERM/SIGHUP interrupt like Ctrl+C: podium.cli.main; the speech files go too)
        check_speech_size([text])
        if args.out:
            return _write(text, args.out, voice=voice, rate=rate, strict=strict)
        return _speak(text, voice=voice, rate=rate, strict=strict)
    except TooMuchSpeech as exc:
        raise UsageError(
            _("podium say reads at most {limit} characters aloud; TEXT has {count}").format(
                limit=f"{exc.limit:,}", count=f"{exc.count:,}"
            )
        ) from exc
    except SpeechUnavailable as exc:
        raise UsageError(
            _("no speech engine works here: {reason}").format(reason=exc.text(user_language()))
        ) from exc
    except UnknownVoice as exc:
        raise UsageError(exc.text(user_language())) from exc
    except RenderError as exc:
        raise UsageError(_("cannot speak: {problem}").format(problem=exc)) from exc
    except OSError as exc:
        problem = os_error_text(exc)
        if args.out:
            raise UsageError(_("cannot speak: {problem}").format(problem=problem)) from exc
        raise UsageError(
            _("cannot speak: {problem} ({install})").format(problem=problem, install=INSTALL_HINT)
        ) from exc


def _write(text: str, out: str, *, voice: str, rate: int, strict: bool) -> int:
    import stat
    import tempfile

    from podium.tts import write_wav

    shown_out = printable(out, one_line=True)
    folder = os.path.dirname(os.path.abspath(out))
    if not os.path.isdir(folder):
        raise UsageError(
            _("cannot write {path}: the folder {folder} does not exist").format(
                path=shown_out, folder=printable(folder, one_line=True)
            )
        )
    try:
        mode: int | None = os.stat(out).st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise UsageError(
            _("cannot write {path}: {problem}").format(path=shown_out, problem=os_error_text(exc))
        ) from None
    if mode is not None and stat.S_ISDIR(mode):
        raise UsageError(_("cannot write {path}: it is a folder").format(path=shown_out))
    if mode is not None and not stat.S_ISREG(mode):
        raise UsageError(
            _("cannot write {path}: it is a device or a pipe, not a file").format(path=shown_out)
        )
    # A private file of our own beside the target (unique, created only by us), renamed over
    # the target once complete: no other file is ever touched, no half file takes its name.
    try:
        fd, partial = tempfile.mkstemp(dir=folder, prefix=".podium-say-", suffix=".wav")
    except OSError as exc:
        raise UsageError(
            _("cannot write {path}: {problem}").format(path=shown_out, problem=os_error_text(exc))
        ) from None
    os.close(fd)
    try:
        seconds = write_wav(text, partial, voice=voice, rate=rate, strict=strict)
        os.chmod(partial, 0o644 if mode is None else stat.S_IMODE(mode))
        os.replace(partial, out)
    except OSError as exc:
        raise UsageError(
            _("cannot write {path}: {problem}").format(path=shown_out, problem=os_error_text(exc))
        ) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(partial)
    print(
        _("{path}: {seconds} s of speech ({voice}, {rate} words/minute)").format(
            path=shown_out, seconds=f"{seconds:.1f}", voice=voice, rate=rate
        ),
        file=sys.stderr,
    )
    return EXIT_OK


def _speak(text: str, *, voice: str, rate: int, strict: bool) -> int:
    from podium.tts import Speaker, SpeechState
    from podium.tts.errors import Reason

    speaker = Speaker(voice=voice, rate=rate, strict_voice=strict, messages=user_language())
    try:
        speaker.start()
        speaker.enable(True)
        speaker.say(text)
        speaker.wait_idle()
        if speaker.state is SpeechState.UNAVAILABLE:
            # Without a sound device the engine still works: a file is the way out.
            if speaker.reason_code is Reason.NO_DEVICE:
                raise UsageError(
                    _("cannot speak: {reason} (--out FILE.wav writes the speech to a file)").format(
                        reason=speaker.reason
                    )
                )
            raise UsageError(_("cannot speak: {reason}").format(reason=speaker.reason))
    finally:
        speaker.close()
    return EXIT_OK
