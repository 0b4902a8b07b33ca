"""The track-two side of a process page: its theory of change and reviews, its timeline of
events, transfers to track one and unexpected openings, and the process brief (PDF)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import shiboken6
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from contactkeeper.errors import ContactKeeperError, RecordNotFound
from contactkeeper.exchange import brief
from contactkeeper.gui.brief_pdf import write_pdf
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.dialogs.records import RecordDialog, combo, date_edit
from contactkeeper.gui.dialogs.track_two import text_box
from contactkeeper.gui.presentation import ask, day, error_label, from_qdate, show_error, today
from contactkeeper.gui.refresh import Refresh
from contactkeeper.records import events, reviews, transfers
from contactkeeper.vault.changes import Changes, Kind
from contactkeeper.vault.model import ReviewDecision, TransferResult

SHOWS = frozenset({Kind.EVENT, Kind.TRANSFER, Kind.REVIEW, Kind.INTERACTION})


class ReviewDialog(RecordDialog):
    """A disciplined decision on whether the process goes on, and what was learnt."""

    def __init__(self, context: AppContext, process_id: int, parent: QWidget | None = None) -> None:
        super().__init__(context, "Review the process", parent)
        self.process_id = process_id
        self.held = date_edit("Held on", today(context.now()))
        self.decision = combo("Decision", [d.value for d in ReviewDecision])
        self.reasons = text_box("Why")
        self.learnt = text_box("What was learnt")
        self.row("&On", self.held)
        self.row("&Decision", self.decision)
        self.row("&Why", self.reasons)
        self.row("What was &learnt", self.learnt)

    def save(self) -> object:
        return reviews.record_review(
            self.context.vault,
            self.process_id,
            from_qdate(self.held.date()),
            ReviewDecision(self.decision.currentData()),
            self.reasons.toPlainText(),
            self.learnt.toPlainText(),
        )


class ProcessTrackTwo(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.process_id: int | None = None
        self.dialog: QDialog | None = None
        self.theory = QPlainTextEdit()
        self.theory.setAccessibleName("Theory of change")
        self.theory.setPlaceholderText("If … then … because …")
        self.theory.setTabChangesFocus(True)
        self.theory.setFixedHeight(64)
        self.theory_button = QPushButton("Save &theory")
        self.theory_history = QLabel()
        self.cadence = QSpinBox()
        self.cadence.setAccessibleName("Review every so many days (0: no cadence)")
        self.cadence.setRange(0, 3650)
        self.cadence.setSpecialValueText("no cadence")
        self.cadence.setSuffix(" days")
        self.review_button = QPushButton("&Review…")
        self.review_button.setAccessibleName("Record a review of the process")
        self.brief_button = QPushButton("Process &brief (PDF)…")
        self.brief_button.setAccessibleName("Write the process brief as a PDF")
        self.timeline = QListWidget()
        self.timeline.setAccessibleName("Track two timeline")
        self.message = error_label()
        theory_bar = QHBoxLayout()
        theory_bar.addWidget(QLabel("Theory of change"))
        theory_bar.addWidget(self.theory_history, 1)
        theory_bar.addWidget(self.theory_button)
        review_bar = QHBoxLayout()
        label = QLabel("Review e&very")
        label.setBuddy(self.cadence)
        review_bar.addWidget(label)
        review_bar.addWidget(self.cadence)
        review_bar.addStretch(1)
        review_bar.addWidget(self.review_button)
        review_bar.addWidget(self.brief_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(theory_bar)
        layout.addWidget(self.theory)
        layout.addLayout(review_bar)
        layout.addWidget(self.message)
        layout.addWidget(QLabel("Track two: events, transfers, openings, reviews"))
        layout.addWidget(self.timeline, 1)
        self.refresh = Refresh(self, context, self.reload, self._shows)
        self.theory_button.clicked.connect(self.save_theory)
        self.cadence.editingFinished.connect(self.save_cadence)
        self.review_button.clicked.connect(self.review)
        self.brief_button.clicked.connect(self.ask_brief)

    def show_process(self, process_id: int | None) -> None:
        self.process_id = process_id
        self.reload()

    def reload(self) -> None:
        try:
            self._reload()
        except RecordNotFound:  # the process was deleted: its page says so
            self.process_id = None
            self._reload()

    def _reload(self) -> None:
        self.timeline.clear()
        if self.process_id is None or not self.context.unlocked:
            self.theory.clear()
            self.theory_history.clear()
            if self.dialog is not None and shiboken6.isValid(self.dialog):
                self.dialog.reject()
            self.dialog = None
            return
        self.refresh.fresh()
        vault, pid = self.context.vault, self.process_id
        history = reviews.theory_history(vault, pid)
        self.theory.setPlainText(self.context.shown_text(history[0].text) if history else "")
        self.theory.setReadOnly(self.context.privacy)
        self.theory_history.setText(
            f"({len(history) - 1} earlier version(s))" if len(history) > 1 else ""
        )
        lines: list[tuple[date, str]] = []
        for event in events.list_events(vault, pid):
            lines.append((event.starts_on, f"{event.kind.value.capitalize()}: {event.title}"))
        for t in transfers.list_transfers(vault, process_id=pid):
            text = self.context.shown_text(t.content)
            lines.append((t.passed_on, f"Passed to track one: {text} ({t.result.value})"))
            if t.result is TransferResult.TAKEN_UP and t.result_on:
                lines.append((t.result_on, f"Taken up by track one: {text}"))
        for opening in reviews.unexpected_openings(vault, pid):
            summary = self.context.shown_text(opening.summary)
            lines.append((opening.occurred_at.date(), f"Unexpected opening: {summary}"))
        for review in reviews.list_reviews(vault, pid):
            lines.append((review.held_on, f"Review: {review.decision.value}"))
        for on, text in sorted(lines, key=lambda line: line[0], reverse=True):
            self.timeline.addItem(f"{day(on)}  {text}")
        self.cadence.setValue(reviews.review_cadence(vault, pid) or 0)

    def save_theory(self) -> None:
        if self.process_id is None or self.context.privacy:
            return
        try:
            with self.context.writing(self):
                reviews.set_theory_of_change(
                    self.context.vault,
                    self.process_id,
                    self.theory.toPlainText(),
                    self.context.now(),
                )
        except ContactKeeperError as exc:
            show_error(self.message, exc.message)
            return
        show_error(self.message, "")
        self.reload()

    def save_cadence(self) -> None:
        if self.process_id is None:
            return
        days = self.cadence.value() or None
        with self.context.writing(self):
            reviews.set_review_cadence(self.context.vault, self.process_id, days)

    def review(self) -> ReviewDialog | None:
        if self.process_id is None:
            return None
        dialog = ReviewDialog(self.context, self.process_id, self)
        self.dialog = dialog
        dialog.open()
        return dialog

    def ask_brief(self) -> None:
        if self.process_id is None:
            return
        if not ask(self, "Process brief", brief.WARNING + "\n\nWrite it?"):
            return
        name, _ = QFileDialog.getSaveFileName(
            self, "Save the process brief", str(Path.home() / "process-brief.pdf"), "PDF (*.pdf)"
        )
        if name:
            self.write_brief(Path(name))

    def write_brief(self, path: Path) -> bool:
        if self.process_id is None:
            return False
        try:
            composed = brief.compose(self.context.vault, self.process_id, today(self.context.now()))
            write_pdf(composed, path)
        except ContactKeeperError as exc:
            show_error(self.message, exc.message)
            return False
        show_error(self.message, "")
        self.context.status.emit(f"The process brief was written to {path}.")
        return True

    def _shows(self, changes: Changes) -> bool:
        if self.process_id is None:
            return False
        return changes.touches(Kind.PROCESS, self.process_id) or changes.any_of(SHOWS)
