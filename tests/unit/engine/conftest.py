"""Fixtures of the engine tests: the hand-built agenda factory (see engine_agendas.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from podium.agenda.model import Agenda

from .engine_agendas import make_agenda


@pytest.fixture
def agenda_factory() -> Callable[..., Agenda]:
    return make_agenda
