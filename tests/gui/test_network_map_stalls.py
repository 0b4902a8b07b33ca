"""The map's hand-over from the background keeps the UI thread free: the number its status
shows is prepared when the view is made; and a map shown keeps nothing of the vault alive
once it is locked."""

from __future__ import annotations

import gc
import weakref

import pytest
from pytestqt.qtbot import QtBot

from contactkeeper import i18n
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.views.network_map import MapView
from tests.gui.test_network_map import _labels, _web
from tests.gui.window_helpers import show_active


def _shown(context: AppContext, qtbot: QtBot) -> MapView:
    view = MapView(context)
    qtbot.addWidget(view)
    view.resize(1100, 700)
    show_active(qtbot, view)
    with qtbot.waitSignal(view.laid_out, timeout=10_000):
        view.reload()
    return view


def test_the_count_in_the_status_is_prepared_when_the_view_is_made(
    context: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first number formatted loads Babel's data: paid when the view is made, not in
    the turn that hands the map over."""
    _web(context)
    prepared: list[str] = []
    prepare = i18n.prepare_numbers

    def preparing() -> None:
        prepared.append("numbers")
        prepare()

    monkeypatch.setattr(i18n, "prepare_numbers", preparing)
    view = MapView(context)
    qtbot.addWidget(view)
    assert prepared == ["numbers"]
    view.resize(1100, 700)
    show_active(qtbot, view)
    try:
        with qtbot.waitSignal(view.laid_out, timeout=10_000):
            view.reload()
    finally:
        gc.unfreeze()
    assert prepared == ["numbers"]  # nothing left to load when the map is handed over
    assert "Bishop Nikolai" in _labels(view)


def test_locking_after_the_map_was_shown_frees_the_vault_and_its_key(
    context: AppContext, qtbot: QtBot
) -> None:
    """After a lock, the engine (whose pool holds the database key, in a cycle) is freed by
    the next pass of the garbage collector, as it is when no map was shown."""
    _web(context)
    view = _shown(context, qtbot)
    assert view.data is not None
    engine = weakref.ref(context.vault.engine)
    try:
        context.lock()
        gc.collect()
        assert engine() is None
    finally:
        gc.unfreeze()
