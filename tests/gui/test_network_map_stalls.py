"""The map's hand-over from the background keeps the UI thread free: no garbage collection
pass while the web is read and laid out, the map's objects kept out of later full passes,
and the number its status shows prepared off the UI thread."""

from __future__ import annotations

import gc
import weakref
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from contactkeeper import i18n
from contactkeeper.gui import collector
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.views.network_map import MapView
from contactkeeper.records import network_map
from contactkeeper.records.network_map import MapData, MapNode
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


def test_the_web_is_read_and_laid_out_with_no_collector_pass_and_kept_out_of_later_ones(
    context: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    _web(context)
    seen: dict[str, bool] = {}
    read, lay_out = network_map.map_data, network_map.layout

    def reading(*args: Any) -> MapData:
        seen["reading"] = gc.isenabled()
        return read(*args)

    def laying_out(data: MapData, *args: Any) -> Any:
        seen["laying out"] = gc.isenabled()
        return lay_out(data, *args)

    monkeypatch.setattr(network_map, "map_data", reading)
    monkeypatch.setattr(network_map, "layout", laying_out)
    try:
        view = _shown(context, qtbot)
        assert seen == {"reading": False, "laying out": False}
        assert gc.isenabled()  # on again once both are done
        assert "Bishop Nikolai" in _labels(view)  # the same map
        # What the map holds is no longer among what the collector's passes scan.
        assert view.data is not None
        kept = {id(node) for node in view.data.nodes}
        assert not any(isinstance(o, MapNode) and id(o) in kept for o in gc.get_objects())
    finally:
        gc.unfreeze()


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
    """What the map kept out of the collector's passes is put back when the vault is
    locked: the engine (whose pool holds the database key, in a cycle) is freed by the
    next pass, as it is when no map was shown."""
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


def test_pauses_nest_and_restore_what_was_there() -> None:
    assert gc.isenabled()
    with collector.paused():
        assert not gc.isenabled()
        with collector.paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer one still runs
    assert gc.isenabled()
    gc.disable()
    try:
        with collector.paused():
            pass
        assert not gc.isenabled()  # was off, stays off
    finally:
        gc.enable()
