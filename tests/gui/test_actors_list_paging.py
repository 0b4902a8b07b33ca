"""Scrolling the actors list to its end, in every order its headers offer, shows each actor
once, in the order one full query gives: the model asks for the page after its last row."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt

from contactkeeper.gui.context import AppContext
from contactkeeper.gui.models.lazy_table import PAGE_SIZE
from contactkeeper.gui.views.actors import ActorsView
from contactkeeper.records import actors
from tests.conftest import FakeClock
from tests.unit.test_actors_paging import _fill, _full_order


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("sort", actors.SORT_KEYS)
def test_scrolling_to_the_end_in_each_order_shows_the_full_order(
    qtbot, context: AppContext, clock: FakeClock, sort: str, descending: bool
) -> None:
    _fill(context.vault, clock, count=2 * PAGE_SIZE + 77)
    view = ActorsView(context)
    qtbot.addWidget(view)
    view.reload()
    model = view.model
    column = next(i for i, c in enumerate(model.columns) if c.sort_key == sort)
    model.sort(column, Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)
    assert model.loaded == PAGE_SIZE
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    shown = [model.id_at(row) for row in range(model.rowCount())]
    assert model.total == 2 * PAGE_SIZE + 77
    assert shown == _full_order(context.vault, clock, sort, descending, None)
