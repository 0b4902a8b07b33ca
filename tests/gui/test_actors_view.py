"""Actors: a sortable, filterable table that stays light with thousands of actors."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QHeaderView

from contactkeeper.gui.context import AppContext
from contactkeeper.gui.models.lazy_table import PAGE_SIZE
from contactkeeper.gui.views.actors import ActorsView
from contactkeeper.records import actors, interactions, processes
from contactkeeper.records.actors import NewActor
from contactkeeper.vault.model import Actor, InteractionKind, ParticipationRole, Sensitivity


@pytest.fixture
def view(qtbot, context: AppContext) -> ActorsView:
    actors_view = ActorsView(context)
    qtbot.addWidget(actors_view)
    actors_view.resize(1100, 700)
    actors_view.show()
    qtbot.waitExposed(actors_view)
    return actors_view


def _names(view: ActorsView) -> list[str]:
    return [view.model.index(r, 0).data() for r in range(view.model.rowCount())]


def _add(context: AppContext, *names: str) -> list[int]:
    with context.writing():
        made = [actors.create_actor(context.vault, NewActor(n), context.now()) for n in names]
    return [a.id for a in made]


def test_clicking_the_name_header_sorts_the_other_way(qtbot, view: ActorsView, context) -> None:
    _add(context, "Boris Antonov", "Amal Haddad", "Chen Wei")
    assert _names(view) == ["Amal Haddad", "Boris Antonov", "Chen Wei"]
    header = view.table.horizontalHeader()
    qtbot.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=_center(header, 0),
    )
    assert _names(view) == ["Chen Wei", "Boris Antonov", "Amal Haddad"]


def _center(header: QHeaderView, section: int) -> QPoint:
    return QPoint(header.sectionViewportPosition(section) + header.sectionSize(section) // 2, 5)


def test_sorting_by_warmth_puts_the_most_overdue_first(view: ActorsView, context) -> None:
    amal, boris, _chen = _add(context, "Amal Haddad", "Boris Antonov", "Chen Wei")
    with context.writing():
        for actor_id, days in ((amal, 2), (boris, 70)):  # 70: past the maximum (60)
            interactions.log_interaction(
                context.vault,
                occurred_at=context.now() - timedelta(days=days),
                kind=InteractionKind.CALL,
                participants=[actor_id],
            )
    view.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)
    assert _names(view) == ["Chen Wei", "Boris Antonov", "Amal Haddad"]
    assert [view.model.index(r, 4).data() for r in range(3)] == ["cold", "cold", "warm"]
    assert view.model.index(2, 3).data() != "never"


def test_typing_a_fragment_filters_as_you_type(qtbot, view: ActorsView, context) -> None:
    _add(context, "Amal Haddad", "Boris Antonov", "Hadi Karimi")
    qtbot.keyClicks(view.filter_edit, "had")
    assert _names(view) == ["Amal Haddad", "Hadi Karimi"]
    assert view.count_label.text() == "2 shown"
    qtbot.keyClicks(view.filter_edit, " kar")
    assert _names(view) == ["Hadi Karimi"]
    view.filter_edit.clear()
    assert view.count_label.text() == "3 in all"


def test_filters_by_sensitivity_and_process_combine(view: ActorsView, context) -> None:
    amal, boris, _chen = _add(context, "Amal Haddad", "Boris Antonov", "Chen Wei")
    boris_code = actors.update_actor(
        context.vault, boris, context.now(), sensitivity=Sensitivity.HIGH_RISK
    ).codename  # a high-risk actor goes by the codename
    with context.writing():
        talks = processes.create_process(context.vault, "Coastal talks")
        processes.add_participant(context.vault, talks.id, amal, ParticipationRole.PARTY)
        processes.add_participant(context.vault, talks.id, boris, ParticipationRole.ADVISER)
    view.process_combo.setCurrentIndex(view.process_combo.findText("Coastal talks"))
    # (in name order, where a high-risk actor's shown codename counts: either may come first)
    assert sorted(_names(view)) == sorted(["Amal Haddad", boris_code])
    view.sensitivity_combo.setCurrentIndex(view.sensitivity_combo.findText("high-risk"))
    assert _names(view) == [boris_code]
    view.process_combo.setCurrentIndex(0)
    view.sensitivity_combo.setCurrentIndex(0)
    assert len(_names(view)) == 3


def test_no_match_says_so(qtbot, view: ActorsView, context) -> None:
    _add(context, "Amal Haddad")
    qtbot.keyClicks(view.filter_edit, "zzz")
    assert view.model.rowCount() == 0
    assert view.placeholder.text() == "No actor matches these filters."


def test_a_big_list_loads_a_page_at_a_time(view: ActorsView, context) -> None:
    # Bulk creation in one transaction, as an import would do it.
    with context.writing(), context.vault.transaction() as session:
        for i in range(PAGE_SIZE * 2 + 50):
            session.add(Actor(display_name=f"Actor {i:04d}", codename=f"C{i:04d}", cadence_days=30))
    assert view.model.total == PAGE_SIZE * 2 + 50
    assert view.model.loaded < view.model.total
    assert view.count_label.text() == "450 in all"
    view.table.scrollToBottom()
    assert view.model.loaded > PAGE_SIZE


def test_enter_on_a_row_opens_the_actor(qtbot, view: ActorsView, context) -> None:
    (amal,) = _add(context, "Amal Haddad")
    view.table.setFocus()
    view.table.selectRow(0)
    with qtbot.waitSignal(context.open_actor) as opened:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert opened.args == [amal]


def test_new_actor_form_creates_the_actor_and_shows_it(qtbot, view: ActorsView, context) -> None:
    view.new_actor()
    dialog = view.new_actor_dialog
    assert dialog is not None
    ui = dialog.ui
    qtbot.keyClicks(ui.nameEdit, "Layla Haddad")
    ui.variantsEdit.insert("ليلى حداد")  # QTest types Latin-1 only: paste it, as a user would
    ui.cadenceSpin.setValue(14)
    qtbot.keyClicks(ui.tagsEdit, "coast, women")
    with qtbot.waitSignal(context.changed):
        qtbot.keyClick(ui.nameEdit, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert _names(view) == ["Layla Haddad"]
    detail = actors.get_actor(context.vault, view.model.id_at(0), context.now())
    assert (detail.cadence_days, detail.tags) == (14, ("coast", "women"))
    assert [v.name for v in detail.name_variants] == ["ليلى حداد"]
    assert view.tag_combo.findText("coast") > 0


def test_new_actor_without_a_name_is_refused_in_place(qtbot, view: ActorsView, context) -> None:
    view.new_actor()
    dialog = view.new_actor_dialog
    assert dialog is not None
    qtbot.keyClick(dialog.ui.nameEdit, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.ui.messageLabel.text() == "Name: must not be empty"
    assert actors.count_actors(context.vault, context.now()) == 0


def test_locking_closes_the_new_actor_form_unsaved(qtbot, view: ActorsView, context) -> None:
    view.new_actor()
    dialog = view.new_actor_dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.ui.nameEdit, "Layla Haddad")
    context.lock()
    assert not dialog.isVisible()


def test_in_privacy_mode_the_list_names_actors_by_codename(view: ActorsView, context) -> None:
    (amal,) = _add(context, "Amal Haddad")
    codename = actors.get_actor(context.vault, amal, context.now()).codename
    context.set_privacy(True)
    assert _names(view) == [codename]
    context.set_privacy(False)
    assert _names(view) == ["Amal Haddad"]


def test_in_privacy_mode_the_order_of_the_list_gives_no_real_name_away(
    view: ActorsView, context: AppContext
) -> None:
    with context.writing():
        for name, codename in (("Amal Haddad", "ZINC OWL"), ("Boris Antonov", "ASH FOX")):
            actors.create_actor(context.vault, NewActor(name, codename=codename), context.now())
    assert _names(view) == ["Amal Haddad", "Boris Antonov"]
    context.set_privacy(True)
    assert _names(view) == ["ASH FOX", "ZINC OWL"]
