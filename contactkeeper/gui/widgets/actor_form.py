"""An actor's profile as a form in place: every field is saved as soon as it is left.

Text fields save when the user leaves them (Tab, click elsewhere) or presses Enter; lists
and choices save at once. Only what the user changed is saved: passing through a field
leaves the saved value exactly as it was (a tag with a comma in it stays one tag). A refused
value (an empty name, a codename already in use) is explained under the form and stays in
its field, so nothing typed is lost.

The contact intervals: the tier, the ideal interval (``cadence_days``) and the maximum
(0 shows "at most twice the ideal": the default). Changing the tier carries an ideal that
was the old tier's along (records/warmth.py). "Snoozed until" holds no date unless set.

When the actor's real name may not be shown (privacy mode, or a high-risk actor not
revealed), the name and its variants are left out and cannot be edited.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QListWidgetItem, QWidget

from contactkeeper.errors import ContactKeeperError
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.forms.ui_actor_form import Ui_ActorForm
from contactkeeper.gui.presentation import show_error, to_qdate, word
from contactkeeper.i18n import N_, _, isolate
from contactkeeper.records import actors
from contactkeeper.records.actors import ActorDetail
from contactkeeper.vault.model import ActorStatus, Sensitivity, Tier

VARIANT_ROLE = Qt.ItemDataRole.UserRole + 1
HIDDEN_NAME = N_("hidden: this actor goes by the codename")
NOT_SNOOZED = QDate(2000, 1, 1)  # the date edit's "not snoozed"


def _tags(text: str) -> tuple[str, ...]:
    return tuple(sorted({t.strip() for t in text.split(",")} - {""}))


class ActorForm(QWidget):
    # The actor as saved, after any change made here.
    saved = Signal(object)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.ui = Ui_ActorForm()
        self.ui.setupUi(self)
        self.detail: ActorDetail | None = None
        self.names_hidden = False
        for sensitivity in Sensitivity:
            self.ui.sensitivityCombo.addItem(word(sensitivity), sensitivity)
        for status in ActorStatus:
            self.ui.statusCombo.addItem(word(status), status)
        for tier in Tier:
            self.ui.tierCombo.addItem(word(tier), tier)
        self.ui.snoozeEdit.setMinimumDate(NOT_SNOOZED)
        self.ui.snoozeEdit.setDate(NOT_SNOOZED)
        show_error(self.ui.errorLabel, "")
        self._connect()

    def _connect(self) -> None:
        ui = self.ui
        texts: dict[QLineEdit, str] = {
            ui.displayNameEdit: "display_name",
            ui.codenameEdit: "codename",
            ui.countryEdit: "country",
            ui.languagesEdit: "languages",
        }
        for edit, name in texts.items():
            edit.editingFinished.connect(lambda e=edit, n=name: self._save_text(e, n, e.text()))
        ui.tagsEdit.editingFinished.connect(
            lambda: self._save_text(ui.tagsEdit, "tags", _tags(ui.tagsEdit.text()))
        )
        ui.cadenceSpin.editingFinished.connect(self._save_cadence)
        ui.maxSpin.editingFinished.connect(self._save_maximum)
        ui.snoozeEdit.editingFinished.connect(self._save_snooze)
        ui.tierCombo.activated.connect(lambda _: self._save("tier", ui.tierCombo.currentData()))
        ui.sensitivityCombo.activated.connect(
            lambda _: self._save("sensitivity", ui.sensitivityCombo.currentData())
        )
        ui.statusCombo.activated.connect(
            lambda _: self._save("status", ui.statusCombo.currentData())
        )
        ui.addVariantButton.clicked.connect(self._add_variant)
        ui.variantEdit.returnPressed.connect(self._add_variant)
        ui.variantList.installEventFilter(self)

    def load(self, detail: ActorDetail, *, names_hidden: bool = False) -> None:
        """Show ``detail`` (saving nothing); without the name and its variants if hidden."""
        self.detail = detail
        self.names_hidden = names_hidden
        ui = self.ui
        ui.displayNameEdit.setText("" if names_hidden else detail.display_name)
        ui.displayNameEdit.setPlaceholderText(_(HIDDEN_NAME) if names_hidden else "")
        for widget in (
            ui.displayNameEdit,
            ui.variantList,
            ui.variantEdit,
            ui.variantScriptEdit,
            ui.addVariantButton,
        ):
            widget.setEnabled(not names_hidden)
        ui.codenameEdit.setText(detail.codename)
        ui.sensitivityCombo.setCurrentIndex(ui.sensitivityCombo.findData(detail.sensitivity))
        ui.statusCombo.setCurrentIndex(ui.statusCombo.findData(detail.status))
        self._show_intervals(detail)
        ui.countryEdit.setText(detail.country)
        ui.languagesEdit.setText(detail.languages)
        ui.tagsEdit.setText(", ".join(detail.tags))
        ui.variantList.clear()
        for variant in () if names_hidden else detail.name_variants:
            # Translators: a name variant and, in brackets, the script it is written in.
            text = _("{name}  ({script})") if variant.script else "{name}"
            item = QListWidgetItem(
                text.format(name=isolate(variant.name), script=isolate(variant.script))
            )
            item.setData(VARIANT_ROLE, variant.id)
            ui.variantList.addItem(item)
        show_error(ui.errorLabel, "")

    def clear(self) -> None:
        self.detail = None
        for edit in self.findChildren(QLineEdit):
            edit.clear()
        self.ui.variantList.clear()
        self.ui.cadenceSpin.setValue(30)
        self.ui.maxSpin.setValue(0)
        self.ui.snoozeEdit.setDate(NOT_SNOOZED)
        show_error(self.ui.errorLabel, "")

    def _show_intervals(self, detail: ActorDetail) -> None:
        ui = self.ui
        ui.tierCombo.setCurrentIndex(ui.tierCombo.findData(detail.tier))
        ui.cadenceSpin.setValue(detail.cadence_days)
        ui.maxSpin.setValue(detail.max_interval_days or 0)
        snoozed = detail.snoozed_until
        ui.snoozeEdit.setDate(NOT_SNOOZED if snoozed is None else to_qdate(snoozed))

    def _save_text(self, edit: QLineEdit, name: str, value: Any) -> None:
        """Save what the user typed into ``edit``; nothing if they only passed through."""
        if edit.isModified() and self._save(name, value):
            edit.setModified(False)

    def _save_cadence(self) -> None:
        if self.detail is not None and self.ui.cadenceSpin.value() != self.detail.cadence_days:
            self._save("cadence_days", self.ui.cadenceSpin.value())

    def _save_maximum(self) -> None:
        value = self.ui.maxSpin.value() or None
        if self.detail is not None and value != self.detail.max_interval_days:
            self._save("max_interval_days", value)

    def _save_snooze(self) -> None:
        shown = self.ui.snoozeEdit.date()
        value = None if shown == NOT_SNOOZED else date(shown.year(), shown.month(), shown.day())
        if self.detail is not None and value != self.detail.snoozed_until:
            self._save("snoozed_until", value)

    def _current(self, name: str) -> Any:
        assert self.detail is not None
        return getattr(self.detail, name)

    def _save(self, name: str, value: Any) -> bool:
        """Save one field; False when it was refused (the message says why)."""
        if self.detail is None or not self.context.unlocked:
            return False
        if name == "display_name" and self.names_hidden:
            return False
        current = self._current(name)
        if value == current or (name == "codename" and str(value).strip().upper() == current):
            return True
        try:
            with self.context.writing(self):
                detail = actors.update_actor(
                    self.context.vault, self.detail.id, self.context.now(), **{name: value}
                )
        except ContactKeeperError as exc:
            show_error(self.ui.errorLabel, exc.message)
            return False
        self.detail = detail
        show_error(self.ui.errorLabel, "")
        if name == "codename":
            self.ui.codenameEdit.setText(detail.codename)
        if name == "tier":  # the ideal may have followed the tier
            self._show_intervals(detail)
        self.saved.emit(detail)
        return True

    def _add_variant(self) -> None:
        name = self.ui.variantEdit.text().strip()
        if self.detail is None or not name or self.names_hidden:
            return
        try:
            with self.context.writing(self):
                actors.add_name_variant(
                    self.context.vault, self.detail.id, name, self.ui.variantScriptEdit.text()
                )
        except ContactKeeperError as exc:
            show_error(self.ui.errorLabel, exc.message)
            return
        self.ui.variantEdit.clear()
        self.ui.variantScriptEdit.clear()
        self._reloaded()

    def _remove_variant(self) -> None:
        item = self.ui.variantList.currentItem()
        if self.detail is None or item is None or self.names_hidden:
            return
        with self.context.writing(self):
            actors.remove_name_variant(self.context.vault, int(item.data(VARIANT_ROLE)))
        self._reloaded()

    def _reloaded(self) -> None:
        assert self.detail is not None
        detail = actors.get_actor(self.context.vault, self.detail.id, self.context.now())
        self.load(detail, names_hidden=self.names_hidden)
        self.saved.emit(detail)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.ui.variantList
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
        ):
            self._remove_variant()
            return True
        return super().eventFilter(watched, event)
