"""Today's backup line: how long since the last backup, and a gentle nag after a week.

The time of the last backup comes from the vault (``inventory.last_backup_at``), so it
travels with the vault and is right on every computer that opens it. The reminder reads it
when the vault opens and after any write (a backup records its time as a vault setting; any
other write is a good moment to look at the calendar again), and clears itself when the
vault locks.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from contactkeeper import i18n
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.presentation import today
from contactkeeper.gui.refresh import Refresh
from contactkeeper.i18n import _, ngettext
from contactkeeper.vault import inventory

NAG_AFTER_DAYS = 7
REFRESH_MS = 60 * 60 * 1000  # the day changes while the window stays open

CALM_STYLE = "#backupReminder QLabel { color: palette(mid); }"
NAG_STYLE = (
    "#backupReminder { background: #fff4d6; border-radius: 4px; }"
    " #backupReminder QLabel { color: #7a4b00; }"
)


def days_since(last: datetime, now: datetime) -> int:
    """Calendar days (the user's own) from ``last`` to ``now``."""
    return (today(now) - today(last)).days


def last_backup_text(last: datetime, now: datetime) -> str:
    """ "Last backup: today.", "yesterday." or "3 days ago."."""
    days = days_since(last, now)
    if days <= 0:
        return _("Last backup: today.")
    if days == 1:
        return _("Last backup: yesterday.")
    return ngettext("Last backup: {n} day ago.", "Last backup: {n} days ago.", days).format(
        n=i18n.number(days)
    )


class BackupReminder(QWidget):
    """ "Last backup: 3 days ago", or after a week (or never) a nag with a button."""

    backup_requested = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("backupReminder")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAccessibleName(_("Backup reminder"))
        self.nagging = False
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setAccessibleName(_("Last backup"))
        self.button = QPushButton(_("&Back up now…"))
        self.button.setAccessibleName(_("Back up now"))
        self.button.setAutoDefault(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        self.button.clicked.connect(self.backup_requested)
        context.vault_opened.connect(self.refresh)
        context.vault_locked.connect(self.clear)
        self.refresh_on_change = Refresh(self, context, self.refresh)  # any change: cheap
        if context.unlocked:
            self.refresh()
        else:
            self.clear()

    def refresh(self) -> None:
        if not self.context.unlocked:
            self.clear()
            return
        last = inventory.last_backup_at(self.context.vault)
        now = self.context.now()
        if last is None:
            self._show(
                _(
                    "No backup of this vault yet. A backup on a stick kept apart from this "
                    "laptop brings everything back if the laptop is lost."
                ),
                nag=True,
            )
        elif days_since(last, now) >= NAG_AFTER_DAYS:
            nag = _("Time for a fresh one: anything recorded since would be lost with this laptop.")
            self._show(f"{last_backup_text(last, now)} {nag}", nag=True)
        else:
            self._show(last_backup_text(last, now), nag=False)

    def _show(self, text: str, *, nag: bool) -> None:
        self.nagging = nag
        self.label.setText(text)
        self.button.setVisible(nag)
        self.setStyleSheet(NAG_STYLE if nag else CALM_STYLE)
        if self.parentWidget() is not None:  # never pop up as a window of its own
            self.setVisible(True)

    def clear(self) -> None:
        self.nagging = False
        self.label.clear()
        self.button.hide()
        self.hide()
