"""The lazy table model: long lists load a page at a time, sort through the service."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QTableView

from contactkeeper.errors import InvalidRecord
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.models.lazy_table import RECORD_ID_ROLE, Column, LazyTableModel
from contactkeeper.records import actors
from contactkeeper.vault.model import Actor


def _add_actors(context: AppContext, names: list[str]) -> None:
    # Bulk creation through the ORM (one transaction), as an import would do it.
    with context.vault.transaction() as session:
        for name in names:
            session.add(Actor(display_name=name, codename=name.upper(), cadence_days=30))


def _model(context: AppContext, page_size: int = 50) -> LazyTableModel[actors.ActorSummary]:
    now: datetime = context.now()
    model: LazyTableModel[actors.ActorSummary]

    def page(after: int | None, limit: int) -> list[actors.ActorSummary]:
        return actors.list_actors(
            context.vault,
            now,
            sort=model.sort_key or "display_name",
            descending=model.descending,
            after=after,
            limit=limit,
        )

    def fetch(offset: int, limit: int) -> list[actors.ActorSummary]:
        assert offset == 0, "further pages come by key"
        return page(None, limit)

    model = LazyTableModel(
        [
            Column("Name", lambda a: a.display_name, sort_key="display_name"),
            Column("Affiliation", lambda a: a.affiliation),
        ],
        fetch,
        lambda: actors.count_actors(context.vault, now),
        page_size=page_size,
        fetch_after=lambda last, limit: page(last.id, limit),
    )
    model.reload()
    return model


def test_a_long_list_loads_only_its_first_page_until_scrolled(context: AppContext, qtbot) -> None:
    _add_actors(context, [f"Actor {i:03d}" for i in range(120)])
    model = _model(context, page_size=50)
    assert model.total == 120
    assert model.rowCount() == 50
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 120
    assert not model.canFetchMore(QModelIndex())
    assert model.index(119, 0).data() == "Actor 119"


def test_a_table_view_over_the_model_does_not_load_everything(context: AppContext, qtbot) -> None:
    _add_actors(context, [f"Actor {i:03d}" for i in range(300)])
    model = _model(context, page_size=50)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(600, 300)
    view.show()
    qtbot.waitExposed(view)
    assert model.loaded < 300
    view.scrollToBottom()
    view.scrollToBottom()
    assert model.loaded > 50


def test_clicking_a_sortable_header_asks_the_service_in_reverse(context: AppContext) -> None:
    _add_actors(context, ["Amal", "Boris", "Chen"])
    model = _model(context)
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert [model.index(i, 0).data() for i in range(3)] == ["Chen", "Boris", "Amal"]
    model.sort(1, Qt.SortOrder.AscendingOrder)  # no sort key: nothing changes
    assert model.index(0, 0).data() == "Chen"


def test_each_row_carries_its_record_id(context: AppContext) -> None:
    _add_actors(context, ["Amal"])
    model = _model(context)
    record_id = model.index(0, 1).data(RECORD_ID_ROLE)
    assert actors.get_actor(context.vault, record_id, context.now()).display_name == "Amal"
    assert model.row_of(record_id) == 0


def test_locking_empties_the_model_and_reloading_while_locked_stays_empty(
    context: AppContext,
) -> None:
    _add_actors(context, ["Amal", "Boris"])
    model = _model(context)
    context.lock()
    model.clear()
    assert model.rowCount() == 0
    model.reload()
    assert model.rowCount() == 0
    assert model.total == 0


def test_reloading_after_an_edit_keeps_the_rows_already_scrolled_to(context: AppContext) -> None:
    _add_actors(context, [f"Actor {i:03d}" for i in range(120)])
    model = _model(context, page_size=50)
    model.fetchMore(QModelIndex())
    _add_actors(context, ["Actor 000a"])
    model.reload()
    assert model.total == 121
    assert model.rowCount() == 100
    assert model.index(1, 0).data() == "Actor 000a"


def test_an_error_for_people_is_reported_and_the_list_stays_empty(qtbot) -> None:
    def fetch(offset: int, limit: int) -> list[object]:
        raise InvalidRecord("Sort", "cannot sort by that")

    model: LazyTableModel[object] = LazyTableModel([Column("Name", str)], fetch, lambda: 3)
    with qtbot.waitSignal(model.failed) as failure:
        model.reload()
    assert failure.args == ["Sort: cannot sort by that"]
    assert model.rowCount() == 0
