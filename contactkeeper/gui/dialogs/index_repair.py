"""File > Rebuild the search index: make the index again from the records, after damage.

A damaged page of the search index makes every search fail (the search box says so and
names this action); the records themselves are intact. The action asks first, then runs
:func:`contactkeeper.vault.index_repair.rebuild_search_index` off the UI thread behind a
window-modal progress dialog, so that nothing writes to the vault meanwhile.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from contactkeeper import i18n
from contactkeeper.errors import ContactKeeperError
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.operations import Operation, run_in_background
from contactkeeper.gui.presentation import Confirm, ask
from contactkeeper.i18n import N_, _, ngettext

if TYPE_CHECKING:  # the repair (and SQLAlchemy under it) loads when it is asked for
    from contactkeeper.vault import index_repair

QUESTION = N_(
    "ContactKeeper makes the search index again from your records: do this when searching "
    "says the index is damaged. Your records are not changed. On a large vault it takes a "
    "little while, during which the vault cannot be used. Rebuild it now?"
)


class IndexRepairAction(QObject):
    """The menu action, its confirmation and its background work. ``message`` is the last
    outcome in words (also shown in the status bar); ``confirm`` is injectable for tests."""

    finished = Signal(bool)  # whether the index was rebuilt

    def __init__(
        self, context: AppContext, parent_widget: QWidget, *, confirm: Confirm = ask
    ) -> None:
        super().__init__(parent_widget)
        self.context = context
        self.parent_widget = parent_widget
        self.confirm = confirm
        self.message = ""
        self._operation: Operation | None = None
        self._progress: QProgressDialog | None = None
        self.action = QAction(_("Rebuild the search &index…"), parent_widget)
        self.action.setStatusTip(_("Make the search index again from your records, after damage"))
        self.action.triggered.connect(lambda _checked=False: self.rebuild())
        parent_widget.addAction(self.action)
        context.vault_opened.connect(self._update)
        context.vault_locked.connect(self._update)
        self._update()

    @property
    def running(self) -> bool:
        return self._operation is not None

    def _update(self) -> None:
        self.action.setEnabled(self.context.unlocked and not self.running)

    def rebuild(self) -> None:
        if not self.context.unlocked or self.running:
            return
        if not self.confirm(self.parent_widget, _("Rebuild the search index?"), _(QUESTION)):
            return
        from contactkeeper.vault import index_repair  # the database layer: on first use

        vault = self.context.vault
        progress = QProgressDialog(
            _("Rebuilding the search index from your records…"), "", 0, 0, self.parent_widget
        )
        progress.setWindowTitle(_("Rebuild the search index"))
        progress.setCancelButton(None)  # the swap at its end must not be abandoned
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.show()
        self._progress = progress
        self._operation = run_in_background(
            self, lambda: index_repair.rebuild_search_index(vault), self._done, self._failed
        )
        self._update()

    def _end(self, message: str, rebuilt: bool) -> None:
        self._operation = None
        if self._progress is not None:
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None
        self.message = message
        self.context.status.emit(message)
        self._update()
        self.finished.emit(rebuilt)

    def _done(self, report: index_repair.RebuildReport) -> None:
        self._end(
            ngettext(
                "The search index was rebuilt from your records ({n} entry).",
                "The search index was rebuilt from your records ({n} entries).",
                report.indexed,
            ).format(n=i18n.number(report.indexed)),
            True,
        )

    def _failed(self, exc: Exception) -> None:
        text = exc.message if isinstance(exc, ContactKeeperError) else type(exc).__name__
        self._end(_("The search index could not be rebuilt: {reason}").format(reason=text), False)
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            _("Rebuild the search index"),
            self.message,
            parent=self.parent_widget,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()


__all__ = ["IndexRepairAction"]
