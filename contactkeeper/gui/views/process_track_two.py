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

from contactkeeper import i18n
from contactkeeper.errors import ContactKeeperError, RecordNotFound
from contactkeeper.exchange import brief
from contactkeeper.gui.brief_pdf import write_pdf
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.dialogs.records import RecordDialog, combo, date_edit
from contactkeeper.gui.dialogs.track_two import text_box
from contactkeeper.gui.enum_words import capitalized, word
from contactkeeper.gui.presentation import ask, day, error_label, from_qdate, show_error, today
from contactkeeper.gui.refresh import Refresh
from contactkeeper.i18n import _, isolate, ngettext
from contactkeeper.records import events, reviews, transfers
from contactkeeper.vault.changes import Changes, Kind
from contactkeeper.vault.model import ReviewDecision, TransferResult

SHOWS = frozenset({Kind.EVENT, Kind.TRANSFER, Kind.REVIEW, Kind.INTERACTION})


class ReviewDialog(RecordDialog):
    """A disciplined decision on whether the process goes on, and what was learnt."""

    def __init__(self, context: AppContext, process_id: int, parent: QWidget | None = None) -> None:
        super().__init__(context, _("Review the process"), parent)
        self.process_id = process_id
        self.held = date_edit(_("Held on"), today(context.now()))
        self.decision = combo(_("Decision"), [d.value for d in ReviewDecision])
        for index in range(self.decision.count()):  # the stored word is the data
            decision = ReviewDecision(self.decision.itemData(index))
            self.decision.setItemText(index, word(decision))
        self.reasons = text_box(_("Why"))
        self.learnt = text_box(_("What was learnt"))
        self.row(_("&On"), self.held)
        self.row(_("&Decision"), self.decision)
        self.row(_("&Why"), self.reasons)
        self.row(_("What was &learnt"), self.learnt)

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
        self.theory.setAccessibleName(_("Theory of change"))
        self.theory.setPlaceholderText(_("If … then … because …"))
        self.theory.setTabChangesFocus(True)
        self.theory.setFixedHeight(64)
        self.theory_button = QPushButton(_("Save &theory"))
        self.theory_history = QLabel()
        self.cadence = QSpinBox()
        self.cadence.setAccessibleName(_("Review every so many days (0: no cadence)"))
        self.cadence.setRange(0, 3650)
        self.cadence.setSpecialValueText(_("no cadence"))
        self.cadence.valueChanged.connect(self._cadence_suffix)
        self._cadence_suffix(self.cadence.value())
        self.review_button = QPushButton(_("&Review…"))
        self.review_button.setAccessibleName(_("Record a review of the process"))
        self.brief_button = QPushButton(_("Process &brief (PDF)…"))
        self.brief_button.setAccessibleName(_("Write the process brief as a PDF"))
        self.timeline = QListWidget()
        self.timeline.setAccessibleName(_("Track two timeline"))
        self.message = error_label()
        theory_bar = QHBoxLayout()
        theory_bar.addWidget(QLabel(_("Theory of change")))
        theory_bar.addWidget(self.theory_history, 1)
        theory_bar.addWidget(self.theory_button)
        review_bar = QHBoxLayout()
        label = QLabel(_("Review e&very"))
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
        layout.addWidget(QLabel(_("Track two: events, transfers, openings, reviews")))
        layout.addWidget(self.timeline, 1)
        self.refresh = Refresh(self, context, self.reload, self._shows)
        self.theory_button.clicked.connect(self.save_theory)
        self.cadence.editingFinished.connect(self.save_cadence)
        self.review_button.clicked.connect(self.review)
        self.brief_button.clicked.connect(self.ask_brief)

    def _cadence_suffix(self, days: int) -> None:
        """ " days" after the number, in the form the number asks for."""
        # Translators: the unit after a number of days in a spin box (with its space).
        self.cadence.setSuffix(ngettext(" day", " days", days))

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
        earlier = len(history) - 1
        self.theory_history.setText(
            ngettext("({n} earlier version)", "({n} earlier versions)", earlier).format(
                n=i18n.number(earlier)
            )
            if earlier > 0
            else ""
        )
        lines: list[tuple[date, str]] = []
        for event in events.list_events(vault, pid):
            # Translators: a line of the timeline: the kind of event, then its title.
            line = _("{kind}: {title}").format(
                kind=capitalized(word(event.kind)), title=isolate(event.title)
            )
            lines.append((event.starts_on, line))
        for t in transfers.list_transfers(vault, process_id=pid):
            text = self.context.shown_text(t.content)
            passed = _("Passed to track one: {text} ({result})").format(
                text=isolate(text), result=word(t.result)
            )
            lines.append((t.passed_on, passed))
            if t.result is TransferResult.TAKEN_UP and t.result_on:
                taken = _("Taken up by track one: {text}").format(text=isolate(text))
                lines.append((t.result_on, taken))
        for opening in reviews.unexpected_openings(vault, pid):
            summary = self.context.shown_text(opening.summary)
            line = _("Unexpected opening: {summary}").format(summary=isolate(summary))
            lines.append((opening.occurred_at.date(), line))
        for review in reviews.list_reviews(vault, pid):
            line = _("Review: {decision}").format(decision=word(review.decision))
            lines.append((review.held_on, line))
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
        if not ask(self, _("Process brief"), _(brief.WARNING) + "\n\n" + _("Write it?")):
            return
        name, _filter = QFileDialog.getSaveFileName(
            self,
            _("Save the process brief"),
            str(Path.home() / "process-brief.pdf"),
            _("PDF (*.pdf)"),
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
        self.context.status.emit(
            _("The process brief was written to {path}.").format(path=isolate(str(path)))
        )
        return True

    def _shows(self, changes: Changes) -> bool:
        if self.process_id is None:
            return False
        return changes.touches(Kind.PROCESS, self.process_id) or changes.any_of(SHOWS)
