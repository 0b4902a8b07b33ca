"""The desktop lets its UI thread take its turn quickly while background work runs (Today's
insights, the map, a duplicate search): a short switch interval, and young collections of
the garbage collector that are rarer and never a full pass in the middle of such work."""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator

import pytest

from contactkeeper.gui.app import SWITCH_INTERVAL_S, YOUNGEST_GENERATION, share_the_interpreter


@pytest.fixture
def interpreter_as_it_was() -> Iterator[None]:
    interval, thresholds = sys.getswitchinterval(), gc.get_threshold()
    yield
    sys.setswitchinterval(interval)
    gc.set_threshold(*thresholds)


@pytest.mark.usefixtures("interpreter_as_it_was")
def test_the_ui_thread_waits_at_most_half_a_millisecond_for_its_turn() -> None:
    sys.setswitchinterval(0.005)  # Python's default
    gc.set_threshold(700, 10, 10)
    share_the_interpreter()
    assert sys.getswitchinterval() == pytest.approx(SWITCH_INTERVAL_S)
    assert SWITCH_INTERVAL_S <= 0.001
    assert gc.get_threshold() == (YOUNGEST_GENERATION, 10, 10)
    assert gc.isenabled()
