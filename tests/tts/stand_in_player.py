"""A stand-in for aplay in tests (CI has no sound card): sleeps for the WAV's length (divided by
--speed) and logs, one JSON line each, when it started a file and when it finished it."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import wave


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--log", required=True)
    parser.add_argument("--speed", type=float, default=1.0)
    parser.add_argument("--fail", help="print this to stderr and exit 1, as aplay does")
    parser.add_argument("wav")
    args = parser.parse_args()
    if args.fail:
        print(args.fail, file=sys.stderr)
        return 1
    with wave.open(args.wav, "rb") as w:
        seconds = w.getnframes() / w.getframerate()
    record(args.log, "start", args.wav, seconds)
    print("Playing WAVE (stand-in) — this must never reach the terminal")
    time.sleep(seconds / args.speed)
    record(args.log, "done", args.wav, seconds)
    return 0


def record(log: str, event: str, wav: str, seconds: float) -> None:
    line = json.dumps(
        {"event": event, "wav": wav, "pid": os.getpid(), "seconds": seconds, "at": time.monotonic()}
    )
    with open(log, "a", encoding="utf-8") as f:
        f.write(line + "\n")


if __name__ == "__main__":
    raise SystemExit(main())
