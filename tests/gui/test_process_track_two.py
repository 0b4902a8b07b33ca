"""A process page's track-two side: theory of change with its history, reviews, the
timeline of events, transfers and unexpected openings, and the process brief as a PDF."""

from __future__ import annotations

import stat
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from contactkeeper.exchange import brief
from contactkeeper.gui.brief_pdf import first_page_image, pdf_bytes
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.presentation import to_qdate
from contactkeeper.gui.views.process_page import ProcessPage
from contactkeeper.gui.views.process_track_two import ReviewDialog
from contactkeeper.records import reviews, transfers
from contactkeeper.vault.model import ReviewDecision, TransferResult
from tests.gui.shown_text import visible
from tests.gui.window_helpers import show_active
from tests.helpers.track_two import Story, build


def _page(context: AppContext, qtbot: QtBot) -> tuple[ProcessPage, Story]:
    story = build(context.vault)
    page = ProcessPage(context)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    show_active(qtbot, page)
    page.show_process(story.process)
    page.tabs.setCurrentWidget(page.track_two)  # the Track two tab
    return page, story


def _timeline(page: ProcessPage) -> list[str]:
    items = page.track_two.timeline
    return [visible(items.item(i).text()) for i in range(items.count())]


def test_the_timeline_shows_track_two_taken_up_by_track_one(
    context: AppContext, qtbot: QtBot
) -> None:
    page, story = _page(context, qtbot)
    with context.writing():
        transfers.record_result(
            context.vault, story.transfer, TransferResult.TAKEN_UP, date(2026, 11, 10)
        )
        reviews.mark_unexpected_opening(context.vault, story.secret_interaction)
    lines = _timeline(page)
    assert lines[0].endswith("Taken up by track one: A joint survey of the aquifer")
    assert any("Passed to track one: A joint survey of the aquifer (taken up)" in x for x in lines)
    assert any("Unexpected opening: Villages ready to drop the precondition" in x for x in lines)
    assert lines[-1].endswith("Workshop: Lakeside workshop")


def test_a_theory_of_change_and_a_review_are_kept(context: AppContext, qtbot: QtBot) -> None:
    page, story = _page(context, qtbot)
    side = page.track_two
    side.theory.setPlainText("If both banks share the data, they will share the water")
    qtbot.mouseClick(side.theory_button, Qt.MouseButton.LeftButton)
    side.theory.setPlainText("Shared data first, then shared management")
    qtbot.mouseClick(side.theory_button, Qt.MouseButton.LeftButton)
    assert side.theory_history.text() == "(1 earlier version)"
    assert len(reviews.theory_history(context.vault, story.process)) == 2
    side.cadence.setValue(90)
    side.cadence.editingFinished.emit()
    assert reviews.review_cadence(context.vault, story.process) == 90
    qtbot.mouseClick(side.review_button, Qt.MouseButton.LeftButton)
    dialog = side.dialog
    assert isinstance(dialog, ReviewDialog)
    dialog.decision.setCurrentIndex(dialog.decision.findData(ReviewDecision.PAUSE.value))
    dialog.held.setDate(to_qdate(date(2026, 11, 21)))
    dialog.reasons.setPlainText("The eastern side is in elections")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert _timeline(page)[0].endswith("Review: pause")


def test_the_brief_is_written_as_a_private_pdf_and_never_over_a_file(
    context: AppContext, qtbot: QtBot, tmp_path: Path
) -> None:
    page, _ = _page(context, qtbot)
    target = tmp_path / "brief.pdf"
    assert page.track_two.write_brief(target)
    data = target.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(data) > 2000
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert not page.track_two.write_brief(target)
    assert "already exists" in page.track_two.message.text()
    assert target.read_bytes() == data


def test_a_page_of_the_brief_draws_to_a_picture(context: AppContext, qtbot: QtBot) -> None:
    story = build(context.vault)
    composed = brief.compose(context.vault, story.process, date(2026, 11, 20))
    assert pdf_bytes(composed).startswith(b"%PDF")
    image = first_page_image(composed, width=600)
    assert (image.width(), image.height()) == (600, 848)
    inked = sum(
        1
        for y in range(0, image.height(), 8)
        for x in range(0, image.width(), 8)
        if QColor(image.pixel(x, y)) != QColor("white")
    )
    assert inked > 100  # text was drawn
