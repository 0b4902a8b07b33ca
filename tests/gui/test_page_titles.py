"""A record's page opens with its name in large bold type, drawn by the application style
sheet (ui/style.qss), as in the running program."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from contactkeeper.gui.app import style_sheet
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.views.actor_page import ActorPage
from contactkeeper.gui.views.process_page import ProcessPage
from contactkeeper.records import actors, processes
from contactkeeper.records.actors import NewActor
from tests.gui.window_helpers import show_active


@pytest.fixture
def styled(qapp: QApplication) -> Iterator[None]:
    """The application's style sheet, as make_application sets it."""
    before = qapp.styleSheet()
    qapp.setStyleSheet(style_sheet())
    yield
    qapp.setStyleSheet(before)


def _show(qtbot: QtBot, page: QWidget) -> None:
    qtbot.addWidget(page)
    page.resize(900, 600)
    show_active(qtbot, page)


def test_an_actors_name_is_the_pages_title_and_the_codename_reads_quieter(
    context: AppContext, qtbot: QtBot, styled: None
) -> None:
    layla = actors.create_actor(
        context.vault, NewActor("Layla H.", codename="SILVER HERON"), context.now()
    )
    page = ActorPage(context)
    _show(qtbot, page)
    page.show_actor(layla.id)

    body = page.facts_label.font()
    title = page.name_label.font()
    assert title.bold()
    assert not body.bold()
    assert title.pointSizeF() == pytest.approx(body.pointSizeF() * 1.6)
    codename = page.codename_label.palette()
    assert codename.color(QPalette.ColorRole.WindowText) == codename.color(QPalette.ColorRole.Mid)


def test_a_process_name_is_the_pages_title_edited_in_place(
    context: AppContext, qtbot: QtBot, styled: None
) -> None:
    coast = processes.create_process(
        context.vault, "Coastal ceasefire talks", description="Quiet talks"
    )
    page = ProcessPage(context)
    _show(qtbot, page)
    page.show_process(coast.id)

    assert page.name_label.text() == "Coastal ceasefire talks"
    title, body = page.name_label.font(), page.description_label.font()
    assert title.bold()
    assert not body.bold()
    assert title.pointSizeF() == pytest.approx(body.pointSizeF() * 1.6)
    for edit in (page.name_label, page.description_label):  # no box: text on the page
        assert edit.palette().color(QPalette.ColorRole.Base).alpha() == 0
