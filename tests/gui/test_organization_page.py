"""An organization's page: its members over time, their ties and processes, its details;
reached from search, from an actor's affiliations and from the map; affiliations edited and
ended there (and undone)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from contactkeeper.gui.context import AppContext
from contactkeeper.gui.dialogs.affiliations import AffiliationEditDialog, MemberDialog
from contactkeeper.gui.main_window import Workspace
from contactkeeper.gui.undo import UndoController
from contactkeeper.gui.views.network_map import MapView
from contactkeeper.gui.views.organization_page import OrganizationPage
from contactkeeper.records import actors, organizations, processes, relationships
from contactkeeper.records.actors import NewActor
from contactkeeper.records.network_map import MapNode, organization_key
from contactkeeper.vault.model import (
    OrganizationKind,
    ParticipationRole,
    RelationshipKind,
    Sensitivity,
)
from tests.gui.shown_text import visible
from tests.gui.window_helpers import double_click, show_active


@pytest.fixture
def water(context: AppContext) -> dict[str, int]:
    """The Ministry of Water of Verenia: Layla Haddad heads its negotiating unit, Omar Said
    left it in 2023; Karim Nassar, outside it, can introduce Layla; Layla takes part in the
    Valley water talks. The Minister, high-risk, is a member too. Omar now heads the Valley
    Water Authority."""
    vault, now = context.vault, context.now()
    ids = {
        name: actors.create_actor(vault, NewActor(name, codename=code), now).id
        for name, code in (
            ("Layla Haddad", "AMBER WREN"),
            ("Omar Said", "GREY FINCH"),
            ("Karim Nassar", "CEDAR HERON"),
        )
    }
    ids["minister"] = actors.create_actor(
        vault,
        NewActor("Minister Tarek Aziz", codename="BLACK KITE", sensitivity=Sensitivity.HIGH_RISK),
        now,
    ).id
    ministry = organizations.create_organization(
        vault, "Ministry of Water", OrganizationKind.MINISTRY, "Verenia"
    ).id
    ids["ministry"] = ministry
    ids["layla at ministry"] = organizations.add_affiliation(
        vault, ids["Layla Haddad"], ministry, "head of the negotiating unit", date(2021, 3, 1)
    ).id
    organizations.add_affiliation(
        vault, ids["Omar Said"], ministry, "legal adviser", date(2018, 1, 1), date(2023, 6, 30)
    )
    organizations.add_affiliation(vault, ids["minister"], ministry, "minister")
    authority = organizations.create_organization(vault, "Valley Water Authority").id
    organizations.add_affiliation(vault, ids["Omar Said"], authority, "director", date(2023, 7, 1))
    relationships.add_relationship(
        vault, ids["Karim Nassar"], ids["Layla Haddad"], RelationshipKind.CAN_INTRODUCE
    )
    relationships.add_relationship(
        vault, ids["minister"], ids["Karim Nassar"], RelationshipKind.FAMILY
    )
    talks = processes.create_process(vault, "Valley water talks").id
    ids["talks"] = talks
    processes.add_participant(vault, talks, ids["Layla Haddad"], ParticipationRole.PARTY)
    processes.add_participant(vault, talks, ids["minister"], ParticipationRole.PARTY)
    return ids


@pytest.fixture
def workspace(qtbot: QtBot, context: AppContext) -> Workspace:
    made = Workspace(context)
    qtbot.addWidget(made)
    made.resize(1180, 760)
    show_active(qtbot, made)
    made.refresh()
    return made


def _column(model: object, column: int = 0) -> list[str]:
    rows = model.rowCount()  # type: ignore[attr-defined]
    return [visible(model.index(r, column).data()) for r in range(rows)]  # type: ignore[attr-defined]


def test_a_search_hit_for_an_organization_opens_its_page_and_back_returns(
    qtbot: QtBot, workspace: Workspace, water: dict[str, int]
) -> None:
    search = workspace.search
    qtbot.keyClicks(search, "ministry of wat")
    assert search.hits
    assert search.hits[0].kind == "organization"
    qtbot.keyClick(search, Qt.Key.Key_Return)
    page = workspace.organization_page
    assert workspace.current_view() is page
    assert page.name_label.text() == "Ministry of Water"
    assert "Ministry · Verenia · 2 members now, 1 before" in visible(page.facts_label.text())
    assert _column(page.current) == ["Layla Haddad"]
    assert _column(page.current, 1) == ["head of the negotiating unit"]
    assert page.selected_actor_ids() == [water["Layla Haddad"]]  # Ctrl+L logs with her
    assert _column(page.past) == ["Omar Said"]
    assert _column(page.past, 3) != ["now"]  # the day he left
    assert _column(page.past, 4) == ["director, Valley Water Authority"]  # where he went
    # The high-risk minister is not listed beside the ministry: that would name them.
    assert "1 member not listed" in page.hidden_label.text()
    assert page.hidden_label.isVisibleTo(page)
    # Ties of its members (not the minister's), and the processes they take part in.
    assert [visible(tie) for tie in _column(page.ties)] == [
        "Karim Nassar can introduce Layla Haddad"
    ]
    assert _column(page.taking_part) == ["Valley water talks"]
    assert _column(page.taking_part, 2) == ["Layla Haddad"]
    # Back to Today, forward to the ministry again.
    workspace.go_back()
    assert workspace.current_view() is workspace.today
    workspace.go_forward()
    assert workspace.current_view() is page
    assert page.organization_id == water["ministry"]


def test_an_affiliation_on_an_actor_page_opens_the_organization_and_a_member_opens_back(
    qtbot: QtBot, context: AppContext, workspace: Workspace, water: dict[str, int]
) -> None:
    context.open_actor.emit(water["Layla Haddad"])
    actor_page = workspace.actor_page
    actor_page.tabs.setCurrentIndex(2)  # Profile: the affiliations over time
    table = actor_page.affiliation_table
    assert table.model().index(0, 0).data() == "Ministry of Water"
    double_click(qtbot, table, table.model().index(0, 0))
    page = workspace.organization_page
    assert workspace.current_view() is page
    assert page.organization_id == water["ministry"]
    double_click(qtbot, page.current_table, page.current.index(0, 0))
    assert workspace.current_view() is actor_page
    assert actor_page.actor_id == water["Layla Haddad"]


def test_a_double_click_on_an_organization_of_the_map_opens_its_page(
    qtbot: QtBot, context: AppContext, water: dict[str, int]
) -> None:
    view = MapView(context)
    qtbot.addWidget(view)
    node = MapNode(
        organization_key(water["ministry"]), "organization", water["ministry"], "Ministry of Water"
    )
    with qtbot.waitSignal(context.open_organization) as opened:
        view.open_node(node)
    assert opened.args == [water["ministry"]]


def test_ending_an_affiliation_moves_the_member_to_past_and_ctrl_z_brings_them_back(
    qtbot: QtBot, context: AppContext, water: dict[str, int]
) -> None:
    page = OrganizationPage(context)
    qtbot.addWidget(page)
    page.resize(1000, 650)
    show_active(qtbot, page)
    page.show_organization(water["ministry"])
    page.current_table.setCurrentIndex(page.current.index(0, 0))
    assert page.end_button.isEnabled()
    page.end_button.click()
    assert _column(page.current) == []
    assert _column(page.past) == ["Layla Haddad", "Omar Said"]
    assert page.past.index(0, 3).data() != "now"  # the day it ended: today
    assert "1 member now, 2 before" in page.facts_label.text()
    # The actor's own page says so too (the vault holds the end).
    detail = actors.get_actor(context.vault, water["Layla Haddad"], context.now())
    assert detail.affiliations[0].ended_on is not None
    UndoController.for_context(context).undo()
    assert _column(page.current) == ["Layla Haddad"]
    assert _column(page.past) == ["Omar Said"]


def test_editing_an_affiliation_changes_its_role_and_dates_and_can_be_undone(
    qtbot: QtBot, context: AppContext, water: dict[str, int]
) -> None:
    page = OrganizationPage(context)
    qtbot.addWidget(page)
    show_active(qtbot, page)
    page.show_organization(water["ministry"])
    page.past_table.setCurrentIndex(page.past.index(0, 0))  # Omar Said, who left
    assert not page.end_button.isEnabled()  # he has left already
    page.edit_button.click()
    dialog = page.dialog
    assert isinstance(dialog, AffiliationEditDialog)
    assert dialog.role.text() == "legal adviser"
    assert dialog.ended_check.isChecked()
    dialog.role.clear()
    qtbot.keyClicks(dialog.role, "chief legal adviser")
    dialog.ended_check.setChecked(False)  # he came back: he is a member again
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert _column(page.current) == ["Layla Haddad", "Omar Said"]
    assert _column(page.current, 1) == ["head of the negotiating unit", "chief legal adviser"]
    assert _column(page.past) == []
    UndoController.for_context(context).undo()
    assert _column(page.past) == ["Omar Said"]
    assert _column(page.past, 1) == ["legal adviser"]


def test_a_member_added_from_the_page_is_listed_now(
    qtbot: QtBot, context: AppContext, water: dict[str, int]
) -> None:
    page = OrganizationPage(context)
    qtbot.addWidget(page)
    show_active(qtbot, page)
    page.show_organization(water["ministry"])
    page.add_button.click()
    dialog = page.dialog
    assert isinstance(dialog, MemberDialog)
    dialog.choose(water["Karim Nassar"], "Karim Nassar")
    qtbot.keyClicks(dialog.role, "adviser to the minister")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert _column(page.current) == ["Karim Nassar", "Layla Haddad"]


def test_the_details_are_saved_and_ctrl_z_puts_them_back(
    qtbot: QtBot, context: AppContext, water: dict[str, int]
) -> None:
    page = OrganizationPage(context)
    qtbot.addWidget(page)
    show_active(qtbot, page)
    page.show_organization(water["ministry"])
    page.country.setText("Verenia (capital)")
    page.official.setChecked(True)
    page.notes.setPlainText("Runs the water file since the drought.")
    page.save_button.click()
    info = organizations.get_organization(context.vault, water["ministry"])
    assert (info.country, info.official, info.notes) == (
        "Verenia (capital)",
        True,
        "Runs the water file since the drought.",
    )
    assert "official track" in page.facts_label.text()
    UndoController.for_context(context).undo()
    info = organizations.get_organization(context.vault, water["ministry"])
    assert (info.country, info.official, info.notes) == ("Verenia", False, "")


def test_in_privacy_mode_no_member_is_listed_beside_the_organization(
    qtbot: QtBot, context: AppContext, water: dict[str, int]
) -> None:
    page = OrganizationPage(context)
    qtbot.addWidget(page)
    show_active(qtbot, page)
    page.show_organization(water["ministry"])
    with context.writing():
        organizations.update_organization(
            context.vault,
            water["ministry"],
            "Ministry of Water",
            OrganizationKind.MINISTRY,
            "Verenia",
            "Omar's cousin runs the dam authority.",
        )
    assert page.notes.toPlainText() == "Omar's cousin runs the dam authority."
    context.set_privacy(True)
    assert _column(page.current) == []
    assert _column(page.past) == []
    assert _column(page.ties) == []
    assert _column(page.taking_part) == []
    assert "3 members not listed" in page.hidden_label.text()
    assert page.notes.toPlainText() == ""
    assert page.notes.isReadOnly()
    context.set_privacy(False)
    assert _column(page.current) == ["Layla Haddad"]


def test_f2_on_an_actor_s_affiliation_ends_it_and_the_organization_lists_them_as_past(
    qtbot: QtBot, context: AppContext, workspace: Workspace, water: dict[str, int]
) -> None:
    context.open_actor.emit(water["Layla Haddad"])
    actor_page = workspace.actor_page
    actor_page.tabs.setCurrentIndex(2)  # Profile: the affiliations over time
    table = actor_page.affiliation_table
    table.setCurrentIndex(table.model().index(0, 0))
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_F2)
    dialog = actor_page.dialog
    assert isinstance(dialog, AffiliationEditDialog)
    dialog.ended_check.setChecked(True)  # ends today
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert table.model().index(0, 3).data() != "now"
    context.open_organization.emit(water["ministry"])
    page = workspace.organization_page
    assert _column(page.past) == ["Layla Haddad", "Omar Said"]
