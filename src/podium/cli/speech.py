"""`podium voices` and `podium say`: the text-to-speech engine from the command line."""

from __future__ import annotations

import argparse
import os
import sys

from podium.cli import EXIT_OK, UsageError

DEFAULT_RATE = 200
MIN_RATE, MAX_RATE = 80, 450
"""espeak-ng's words-per-minute range; it would clamp other values without saying so."""


def voices(args: argparse.Namespace) -> int:
    """Print the voices espeak-ng offers here: id, name, languages, one per line."""
    from podium.tts import SpeechUnavailable, list_voices

    try:
        found = sorted(list_voices(), key=lambda v: v.id)
    except SpeechUnavailable as exc:
        raise UsageError(f"no speech engine works here: {exc}") from exc
    rows = [("ID", "NAME", "LANGUAGES")] + [(v.id, v.name, ", ".join(v.languages)) for v in found]
    id_width = max(len(r[0]) for r in rows)
    name_width = max(len(r[1]) for r in rows)
    for vid, name, languages in rows:
        print(f"{vid:<{id_width}}  {name:<{name_width}}  {languages}".rstrip())
    return EXIT_OK


def say(args: argparse.Namespace) -> int:
    """Read TEXT aloud, or write it to a WAV file with --out."""
    from podium.tts import INSTALL_HINT, SpeechUnavailable, language_voice, voice_for
    from podium.tts.chunks import split_for_speech
    from podium.tts.errors import RenderError

    text: str = args.text
    rate = DEFAULT_RATE if args.rate is None else args.rate
    if not MIN_RATE <= rate <= MAX_RATE:
        raise UsageError(
            f"--rate must be between {MIN_RATE} and {MAX_RATE} words per minute, not {rate}"
        )
    if not split_for_speech(text):
        raise UsageError("nothing to say: TEXT has no words")
    if args.voice:
        voice, strict = args.voice, True
    elif args.lang:
        voice, strict = language_voice(args.lang), False
    else:
        voice, strict = voice_for(text, "en", None), False
    try:
        if args.out:
            return _write(text, args.out, voice=voice, rate=rate, strict=strict)
        return _speak(text, voice=voice, rate=rate, strict=strict)
    except SpeechUnavailable as exc:
        raise UsageError(f"no speech engine works here: {exc}") from exc
    except RenderError as exc:
        raise UsageError(str(exc)) from exc
    except OSError as exc:
        hint = "" if args.out else f" ({INSTALL_HINT})"
        raise UsageError(f"cannot speak: {exc}{hint}") from exc


def _write(text: str, out: str, *, voice: str, rate: int, strict: bool) -> int:
    from podium.tts import write_wav

    folder = os.path.dirname(os.path.abspath(out))
    if not os.path.isdir(folder):
        raise UsageError(f"cannot write {out}: folder {folder} does not exist")
    if os.path.isdir(out):
        raise UsageError(f"cannot write {out}: it is a folder")
    partial = f"{out}.part"
    try:
        seconds = write_wav(text, partial, voice=voice, rate=rate, strict=strict)
        os.replace(partial, out)
    except OSError as exc:
        raise UsageError(f"cannot write {out}: {exc.strerror or exc}") from exc
    finally:
        if os.path.exists(partial):
            os.unlink(partial)
    print(f"{out}: {seconds:.1f} s of speech ({voice}, {rate} words/minute)", file=sys.stderr)
    return EXIT_OK


def _speak(text: str, *, voice: str, rate: int, strict: bool) -> int:
    from podium.tts import Speaker, SpeechState

    speaker = Speaker(voice=voice, rate=rate, strict_voice=strict)
    try:
        speaker.start()
        speaker.enable(True)
        speaker.say(text)
        speaker.wait_idle()
        if speaker.state is SpeechState.UNAVAILABLE:
            # Without a sound device the engine still works: a file is the way out.
            escape = (
                " (--out FILE.wav writes the speech to a file)" if "audio" in speaker.reason else ""
            )
            raise UsageError(f"cannot speak: {speaker.reason}{escape}")
    finally:
        speaker.close()
    return EXIT_OK
