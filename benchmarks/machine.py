"""What the numbers were measured on: machine, load and software versions."""

from __future__ import annotations

import datetime as dt
import os
import platform
import sys
from importlib import metadata


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _memory_gib() -> str:
    try:
        with open("/proc/meminfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("MemTotal:"):
                    return f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    return "unknown"


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "not installed"


def describe() -> dict[str, str]:
    """A flat description of this machine and the software under test."""
    try:
        load = "{:.2f} {:.2f} {:.2f}".format(*os.getloadavg())
    except OSError:
        load = "unknown"
    import yaml

    return {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpus": str(os.cpu_count()),
        "cpu": _cpu_model(),
        "memory": _memory_gib(),
        "load average (1/5/15 min) at start": load,
        "os": f"{platform.system()} {platform.release()}",
        "python": sys.version.split()[0],
        "textual": _version("textual"),
        "pyyaml": f"{_version('PyYAML')} (libyaml: {'yes' if yaml.__with_libyaml__ else 'no'})",
        "pyttsx3": _version("pyttsx3"),
        "podium": _version("podium"),
    }
