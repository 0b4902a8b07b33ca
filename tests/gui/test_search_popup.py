"""Global search: results as you type, in any script; Enter or a click opens the record."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow, QVBoxLayout, QWidget

from contactkeeper.gui.context import AppContext
from contactkeeper.gui.widgets import search_popup
from contactkeeper.gui.widgets.search_popup import SearchField
from contactkeeper.i18n import isolate
from contactkeeper.records import actors, interactions, processes
from contactkeeper.records import search as search_service
from contactkeeper.records.actors import NewActor
from contactkeeper.vault.model import InteractionKind


@pytest.fixture
def field(qtbot, context: AppContext) -> Iterator[SearchField]:
    window = QMainWindow()
    body = QWidget()
    search = SearchField(context)
    QVBoxLayout(body).addWidget(search)
    window.setCentralWidget(body)
    window.resize(900, 600)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.windowHandle().requestActivate()
    qtbot.waitUntil(window.isActiveWindow)
    search.setFocus()
    yield search
    window.close()  # the window stays alive (and shown) until the test ends


@pytest.fixture
def layla(context: AppContext) -> int:
    actors.create_actor(
        context.vault, NewActor("Karim Nassar", codename="CEDAR HERON"), context.now()
    )
    return actors.create_actor(
        context.vault,
        NewActor("Layla Haddad", codename="AMBER WREN", name_variants=["ليلى حداد"]),
        context.now(),
    ).id


def _shown(field: SearchField) -> list[str]:
    popup = field.popup
    assert popup is not None
    return [popup.item(i).text().split("\n")[0] for i in range(popup.count())]


def test_typing_part_of_a_name_lists_the_actor(qtbot, field: SearchField, layla: int) -> None:
    qtbot.keyClicks(field, "lay")
    assert field.popup is not None
    assert field.popup.isVisible()
    assert _shown(field) == ["Layla Haddad"]
    assert field.popup.item(0).text() == "Layla Haddad\nActor · AMBER WREN"


def test_a_name_in_another_script_finds_the_actor_and_enter_opens_it(
    qtbot, field: SearchField, context: AppContext, layla: int
) -> None:
    field.insert("حدا")  # QTest types Latin-1 only: paste it, as a user would
    field.search_for(field.text())
    assert _shown(field) == ["Layla Haddad"]
    with qtbot.waitSignal(context.open_actor) as opened:
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert opened.args == [layla]
    assert field.text() == ""
    assert field.popup is not None
    assert not field.popup.isVisible()


def test_arrow_keys_choose_among_hits(
    qtbot, field: SearchField, context: AppContext, layla: int
) -> None:
    talks = processes.create_process(context.vault, "Layla's coastal round")
    qtbot.keyClicks(field, "layla")
    assert sorted(_shown(field)) == ["Layla Haddad", "Layla's coastal round"]
    qtbot.keyClick(field, Qt.Key.Key_Down)
    chosen = field.popup.current_hit() if field.popup else None
    assert chosen is not None
    signal = context.open_process if chosen.kind == "process" else context.open_actor
    with qtbot.waitSignal(signal) as opened:
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert opened.args == [talks.id if chosen.kind == "process" else layla]


def test_clicking_a_hit_opens_it(qtbot, field: SearchField, context: AppContext, layla) -> None:
    qtbot.keyClicks(field, "amber")
    popup = field.popup
    assert popup is not None
    with qtbot.waitSignal(context.open_actor) as opened:
        qtbot.mouseClick(
            popup.viewport(),
            Qt.MouseButton.LeftButton,
            pos=popup.visualItemRect(popup.item(0)).center(),
        )
    assert opened.args == [layla]


def test_a_word_from_a_summary_opens_the_person_met(
    qtbot, field: SearchField, context: AppContext, layla: int
) -> None:
    interactions.log_interaction(
        context.vault,
        occurred_at=context.now() - timedelta(days=2),
        kind=InteractionKind.SOCIAL,
        participants=[layla],
        summary="Birthday dinner at the harbour",
    )
    qtbot.keyClicks(field, "harbour")
    assert field.popup is not None
    assert "Interaction · social occasion · Layla Haddad" in field.popup.item(0).text()
    with qtbot.waitSignal(context.open_actor) as opened:
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert opened.args == [layla]


def test_no_match_says_so_and_escape_closes(qtbot, field: SearchField, layla: int) -> None:
    qtbot.keyClicks(field, "zebra")
    assert _shown(field) == [f"Nothing matches “{isolate('zebra')}”."]
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert field.popup is not None
    assert not field.popup.isVisible()
    assert field.text() == ""


def test_locking_forgets_the_query_and_the_hits(
    qtbot, field: SearchField, context: AppContext, layla: int
) -> None:
    qtbot.keyClicks(field, "lay")
    context.lock()
    assert field.text() == ""
    assert field.popup is not None
    assert field.popup.count() == 0
    assert not field.popup.isVisible()


def test_turning_privacy_mode_on_redraws_open_results_with_codenames(
    qtbot, field: SearchField, context: AppContext, layla: int
) -> None:
    qtbot.keyClicks(field, "lay")
    assert _shown(field) == ["Layla Haddad"]
    context.set_privacy(True)
    assert _shown(field) == ["AMBER WREN"]
    assert all("Layla" not in field.popup.item(i).text() for i in range(field.popup.count()))


def test_a_letter_beginning_more_names_than_are_ranked_says_which_are_shown(
    qtbot, field: SearchField, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """More names begin with "a" than are ranked (``RANKED_AT_MOST``, 1,000, for the
    list's 20 hits: set to 3 for 2 hits here, so that a test vault passes it): the list
    says the best of the most recently added are shown, on a line that cannot be chosen,
    and says nothing once the names are fewer."""
    monkeypatch.setattr(search_service, "RANKED_AT_MOST", 3)
    monkeypatch.setattr(search_popup, "MAX_HITS", 2)
    names = ["Amal Haddad", "Adel Amin", "Aziz Abbas", "Anwar Aziz", "Asma Ali"]
    for name in names:
        actors.create_actor(context.vault, NewActor(name), context.now())
    qtbot.keyClicks(field, "a")
    popup = field.popup
    assert popup is not None
    shown = _shown(field)
    assert len(shown) == 3
    assert set(shown[:2]) <= {"Aziz Abbas", "Anwar Aziz", "Asma Ali"}  # among the 3 newest
    last = popup.item(2)
    assert last.text().startswith(f"More than 3 names match “{isolate('a')}”")
    assert "Type another letter" in last.text()
    assert not last.flags() & Qt.ItemFlag.ItemIsSelectable
    qtbot.keyClicks(field, "mal")
    assert _shown(field) == ["Amal Haddad"]  # the oldest: fewer names, all ranked, no line
