"""Reminders about one actor, on their page: snooze them until a day, or mark them "do not
contact for now", a safety state that silences every reminder about them (going cold,
follow-ups, brokers going cold, channels to warm). Each change can be taken back with
Ctrl+Z, and the page says plainly while reminders are silenced, and why
(:func:`contactkeeper.records.actors.silenced_why`)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMenu,
    QPushButton,
    QWidget,
)

from contactkeeper.errors import ContactKeeperError
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.presentation import date_format, from_qdate, to_qdate, today
from contactkeeper.gui.undo import UndoController
from contactkeeper.i18n import N_, _
from contactkeeper.records import actors
from contactkeeper.records.actors import ActorDetail
from contactkeeper.vault.model import ActorStatus

# The snoozes offered in one click: (menu text, days from today).
SNOOZES = (
    (N_("Snooze for a &week"), 7),
    (N_("Snooze for a &month"), 30),
    (N_("Snooze for &three months"), 90),
)


class SnoozeDialog(QDialog):
    """Asks for the day until which an actor is snoozed."""

    def __init__(self, first: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Snooze until"))
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(date_format())
        self.date_edit.setAccessibleName(_("Snoozed until"))
        self.date_edit.setMinimumDate(to_qdate(first))
        later = first + timedelta(days=30)
        self.date_edit.setDate(to_qdate(later))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QFormLayout(self)
        layout.addRow(QLabel(_("No going-cold reminder about them until this day has passed.")))
        layout.addRow(_("&Until"), self.date_edit)
        layout.addRow(buttons)

    def chosen(self) -> date:
        return from_qdate(self.date_edit.date())


class RemindersButton(QPushButton):
    """ "Reminders" with its menu; ``changed(detail)`` after a change saved here."""

    changed = Signal(object)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(_("Re&minders"), parent)
        self.context = context
        self.detail: ActorDetail | None = None
        self.setAccessibleName(_("Reminders about this actor"))
        self.setToolTip(_("Snooze this actor, or mark them do not contact for now"))
        self.setAutoDefault(False)
        menu = QMenu(self)
        self.snooze_actions: list[QAction] = []
        for text, days in SNOOZES:
            action = menu.addAction(_(text))
            action.triggered.connect(lambda _=False, d=days: self.snooze_for(d))
            self.snooze_actions.append(action)
        self.snooze_until_action = menu.addAction(_("Snooze &until…"))
        self.snooze_until_action.triggered.connect(self.ask_snooze)
        self.wake_action = menu.addAction(_("&Remind me again"))
        self.wake_action.triggered.connect(lambda: self.snooze(None))
        menu.addSeparator()
        self.do_not_contact_action = menu.addAction(_("&Do not contact for now"))
        self.do_not_contact_action.setCheckable(True)
        self.do_not_contact_action.setToolTip(_("A safety state: every reminder is silenced"))
        self.do_not_contact_action.triggered.connect(self.set_do_not_contact)
        self.setMenu(menu)

    def show_actor(self, detail: ActorDetail | None) -> None:
        self.detail = detail
        self.setEnabled(detail is not None)
        if detail is None:
            return
        day = today(self.context.now())
        snoozed = detail.snoozed_until is not None and detail.snoozed_until >= day
        self.wake_action.setEnabled(snoozed)
        self.do_not_contact_action.setChecked(detail.status is ActorStatus.DO_NOT_CONTACT)

    # -- changes ----------------------------------------------------------------------------

    def snooze_for(self, days: int) -> None:
        self.snooze(today(self.context.now()) + timedelta(days=days))

    def ask_snooze(self) -> None:
        dialog = SnoozeDialog(today(self.context.now()), self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.snooze(dialog.chosen())

    def snooze(self, until: date | None) -> None:
        """Snooze the actor through ``until`` (None: remind again now)."""
        if self.detail is None:
            return
        # What the undo sentences quote: "Changed actor “Layla Haddad (snoozed)”."
        what = _("{name} (snoozed)") if until is not None else _("{name} (reminded again)")
        self._change(what, snoozed_until=until)

    def set_do_not_contact(self, on: bool) -> None:
        if self.detail is None:
            return
        status = ActorStatus.DO_NOT_CONTACT if on else ActorStatus.ACTIVE
        what = _("{name} (do not contact)") if on else _("{name} (contact again)")
        self._change(what, status=status)

    def _change(self, what: str, **change: object) -> None:
        detail = self.detail
        assert detail is not None
        before = {name: getattr(detail, name) for name in change}
        vault, actor_id = self.context.vault, detail.id
        try:
            with self.context.writing(self):
                saved = actors.update_actor(vault, actor_id, self.context.now(), **change)
        except ContactKeeperError as exc:
            self.context.status.emit(exc.message)
            return
        name = self.context.shown_name(
            detail.id, detail.display_name, detail.codename, detail.sensitivity
        )
        UndoController.for_context(self.context).remember_change(
            "actor",
            what.format(name=name),
            lambda: actors.update_actor(vault, actor_id, self.context.now(), **before),
        )
        self.show_actor(saved)
        self.changed.emit(saved)
