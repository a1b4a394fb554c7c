"""`podium schema`: print the agenda format's JSON Schema for editors' YAML language servers."""

from __future__ import annotations

import argparse
import json
import sys

from podium.agenda.schema import agenda_schema
from podium.cli import EXIT_OK


def main(args: argparse.Namespace) -> int:
    json.dump(agenda_schema(), sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    return EXIT_OK
