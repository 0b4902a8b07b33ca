"""File > Exchange > Receive a bundle, and Settle conflicts.

Receiving opens a bundle file off the UI thread: its envelope is checked (a known
colleague's signature, this vault among its recipients, not received before) and the merge
previewed (new, changed, in conflict). **Accept** writes it; **Cancel** writes nothing.
Conflicts (one field edited on both sides) wait in the Settle conflicts dialog, where each
is settled by keeping ours or theirs; the other value stays in the record's history.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contactkeeper import i18n
from contactkeeper.errors import ContactKeeperError
from contactkeeper.exchange.team import bundles, envelope, sharing
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.dialogs.work_dialog import WorkDialog, choose_file, message_for
from contactkeeper.gui.presentation import error_label, show_error
from contactkeeper.i18n import _, isolate


class ReceiveDialog(WorkDialog):
    """Open a bundle, see what it would change, accept or cancel."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setWindowTitle(_("Receive a bundle"))
        self.received: bundles.Received | None = None
        self.report: sharing.MergeReport | None = None
        self.file_edit = QLineEdit()
        self.file_edit.setPlaceholderText(_("A bundle file a colleague sent you"))
        self.browse_button = QPushButton(_("&Browse…"))
        self.browse_button.clicked.connect(self._browse)
        self.open_button = QPushButton(_("&Open"))
        self.open_button.clicked.connect(self.open_file)
        self.file_edit.textChanged.connect(self._file_changed)
        self.file_edit.returnPressed.connect(self.open_file)
        row = QHBoxLayout()
        row.addWidget(QLabel(_("File:")))
        row.addWidget(self.file_edit, 1)
        row.addWidget(self.browse_button)
        row.addWidget(self.open_button)
        self.from_label = QLabel()
        self.from_label.setWordWrap(True)
        self.preview_text = QPlainTextEdit()
        self.preview_text.setReadOnly(True)
        self.preview_text.setPlaceholderText(
            _("Open a bundle to see what is new, what changed and what conflicts.")
        )
        self.progress = QProgressBar()
        self.progress.setMaximum(0)
        self.message = error_label()
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.hide()
        self.accept_button = QPushButton(_("&Accept"))
        self.accept_button.clicked.connect(self.accept_bundle)
        self.conflicts_button = QPushButton(_("&Settle conflicts…"))
        self.conflicts_button.clicked.connect(self.settle_conflicts)
        self.conflicts_button.hide()
        self.close_button = QPushButton(_("Cancel"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.conflicts_button)
        buttons.addStretch(1)
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.from_label)
        layout.addWidget(self.preview_text, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.result_label)
        layout.addLayout(buttons)
        self._setup(
            [self.file_edit, self.browse_button, self.open_button],
            self.progress,
            self.message,
            self.close_button,
        )
        self.resize(720, 480)
        self._update()

    def _browse(self) -> None:
        path = choose_file(
            self,
            _("Receive a bundle"),
            self.file_edit.text(),
            _("Exchange bundles (*{suffix});;All files (*)").format(suffix=envelope.SUFFIX),
        )
        if path:
            self.file_edit.setText(path)
            self.open_file()

    def _file_changed(self) -> None:
        self.received = None
        self.from_label.clear()
        self.preview_text.clear()
        self._update()

    def _update(self) -> None:
        if not hasattr(self, "accept_button"):
            return
        accepted = self.report is not None
        self.open_button.setEnabled(not self.running and bool(self.file_edit.text().strip()))
        self.accept_button.setEnabled(
            not self.running
            and not accepted
            and self.received is not None
            and not self.received.preview.empty
        )
        self.close_button.setText(_("Close") if accepted else _("Cancel"))

    def open_file(self) -> None:
        """Check the bundle and preview it (nothing written)."""
        if self.running or not self.file_edit.text().strip():
            return
        path = Path(self.file_edit.text().strip()).expanduser()
        vault = self.context.vault
        self.report = None
        self.result_label.hide()

        def work(progress: object) -> bundles.Received:
            return bundles.preview_bundle_file(vault, path)

        def done(received: bundles.Received) -> None:
            self.received = received
            self.from_label.setText(
                _(
                    "<b>From {name}</b>, made {date}. The signature is your colleague's, "
                    "the bundle was made for you, and it was not received before."
                ).format(
                    name=isolate(received.sender),
                    date=i18n.short_datetime(received.bundle.created_at),
                )
            )
            lines = received.preview.lines()
            if received.preview.empty:
                lines.append(_("Nothing in it is new to this vault."))
            self.preview_text.setPlainText("\n".join(lines))

        def failed(exc: Exception) -> None:
            self.received = None
            self.from_label.clear()
            self.preview_text.clear()
            self.show_message(message_for(exc))

        self._run(work, done, failed)

    def accept_bundle(self) -> None:
        """Write what the preview showed."""
        received = self.received
        if self.running or received is None or not self.accept_button.isEnabled():
            return
        vault = self.context.vault
        now = self.context.now()

        def work(progress: object) -> sharing.MergeReport:
            return bundles.accept_bundle(vault, received, now=now)

        def done(report: sharing.MergeReport) -> None:
            self.report = report
            self.result_label.setText(
                _("<b>Accepted.</b> The records from {name} are in your vault.").format(
                    name=isolate(received.sender)
                )
            )
            self.result_label.show()
            self.conflicts_button.setVisible(bool(report.conflicts))
            self.context.status.emit(_("Accepted a bundle from a colleague."))

        self._run(work, done)

    def settle_conflicts(self) -> None:
        ConflictsDialog(self.context, self).open()


class ConflictsDialog(QDialog):
    """Every conflict waiting: keep ours or theirs, one at a time."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(_("Settle conflicts"))
        explain = QLabel(
            _(
                "A colleague and you changed the same field without seeing each other's "
                "change. Keep one value; the other stays in the record's history."
            )
        )
        explain.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [_("Record"), _("Field"), _("Yours"), _("Theirs"), _("From")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.empty_label = QLabel(_("No conflicts are waiting."))
        self.message = error_label()
        show_error(self.message, "")
        self.ours_button = QPushButton(_("Keep &yours"))
        self.theirs_button = QPushButton(_("Keep &theirs"))
        self.ours_button.clicked.connect(lambda: self.settle("ours"))
        self.theirs_button.clicked.connect(lambda: self.settle("theirs"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.ours_button)
        buttons.addWidget(self.theirs_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(760, 420)
        self.load()

    def load(self) -> None:
        found = sharing.pending_conflicts(self.context.vault)
        self.table.setRowCount(len(found))
        for row, conflict in enumerate(found):
            cells = [
                conflict.label,
                conflict.field_label,
                conflict.ours,
                conflict.theirs,
                _("{name}, {date}").format(
                    name=conflict.sender, date=i18n.short_date(conflict.received_at)
                ),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, conflict.id)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        if found:
            self.table.selectRow(0)
        self.empty_label.setVisible(not found)
        self.ours_button.setEnabled(bool(found))
        self.theirs_button.setEnabled(bool(found))

    def settle(self, keep: Literal["ours", "theirs"]) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        item = self.table.item(rows[0].row(), 0)
        if item is None:
            return
        conflict_id = int(item.data(Qt.ItemDataRole.UserRole))
        try:
            changes = sharing.settle_conflict(self.context.vault, conflict_id, keep)
        except ContactKeeperError as exc:
            show_error(self.message, exc.message)
            return
        self.context.announce(changes, self)
        self.load()
