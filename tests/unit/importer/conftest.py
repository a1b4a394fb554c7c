"""Fixtures of the importer's tests (helpers in importer_helpers.py)."""

from __future__ import annotations

from .importer_helpers import script

__all__ = ["script"]
