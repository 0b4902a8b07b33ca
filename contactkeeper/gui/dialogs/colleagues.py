"""File > Exchange > Colleagues: this vault's card (text and QR code) and fingerprint, the
colleagues known, and adding one from a pasted card after reading the fingerprint aloud.

Adding is two steps: the card is checked and its fingerprint shown large, in groups, to be
read aloud with the colleague (in person, or on a call where the voice is known); only
once the box saying both read the same digits is ticked can the colleague be added.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from contactkeeper import i18n
from contactkeeper.errors import ContactKeeperError
from contactkeeper.exchange.team import colleagues, envelope, identity
from contactkeeper.exchange.team.identity import Card
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.presentation import error_label, show_error
from contactkeeper.i18n import _, isolate
from contactkeeper.vault.changes import Changes, Kind


class QrCode(QWidget):
    """A QR code drawn square, dark on white, as large as the space allows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.matrix: list[list[bool]] = []
        self.setMinimumSize(QSize(150, 150))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_text(self, text: str) -> None:
        self.matrix = identity.qr_matrix(text)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(220, 220)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        side = min(self.width(), self.height())
        painter.fillRect(0, 0, side, side, QColor("white"))
        if self.matrix:
            count = len(self.matrix)
            cell = side / count
            for y, row in enumerate(self.matrix):
                for x, dark in enumerate(row):
                    if dark:
                        painter.fillRect(
                            int(x * cell),
                            int(y * cell),
                            int((x + 1) * cell) - int(x * cell),
                            int((y + 1) * cell) - int(y * cell),
                            QColor("black"),
                        )
        painter.end()


def _fingerprint_label(parent: QWidget | None = None) -> QLabel:
    label = QLabel(parent)
    font = QFont("monospace")
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setPointSizeF(font.pointSizeF() * 1.5 if font.pointSizeF() > 0 else 14)
    label.setFont(font)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # digits read left to right
    return label


class ColleaguesDialog(QDialog):
    """My card, my colleagues, and adding a colleague; writes only through services."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(_("Colleagues"))
        self.checked_card: Card | None = None
        self.tabs = QTabWidget()
        self.tabs.addTab(self._card_tab(), _("My card"))
        self.tabs.addTab(self._list_tab(), _("Colleagues"))
        self.tabs.addTab(self._add_tab(), _("Add a colleague"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.resize(720, 500)
        self.load()

    # -- my card ------------------------------------------------------------------------

    def _card_tab(self) -> QWidget:
        tab = QWidget()
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(_("Your name, as colleagues will see it"))
        self.name_edit.setMaxLength(identity.MAX_NAME_CHARS)
        self.save_name_button = QPushButton(_("&Put on card"))
        self.save_name_button.clicked.connect(self.save_name)
        name_row = QHBoxLayout()
        name_row.addWidget(self.name_edit, 1)
        name_row.addWidget(self.save_name_button)
        self.card_text = QPlainTextEdit()
        self.card_text.setReadOnly(True)
        self.card_text.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.copy_button = QPushButton(_("&Copy card"))
        self.copy_button.clicked.connect(self.copy_card)
        self.own_fingerprint = _fingerprint_label()
        self.qr = QrCode()
        explain = QLabel(
            _(
                "Give your card to a colleague (paste it in a message, or let them scan the "
                "code), then read your fingerprint aloud together: theirs for your card must "
                "show the same digits."
            )
        )
        explain.setWordWrap(True)
        left = QVBoxLayout()
        form = QFormLayout()
        form.addRow(_("Name on card:"), name_row)
        left.addLayout(form)
        left.addWidget(self.card_text, 1)
        left.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignLeft)
        left.addWidget(QLabel(_("Your fingerprint:")))
        left.addWidget(self.own_fingerprint)
        left.addWidget(explain)
        row = QHBoxLayout(tab)
        row.addLayout(left, 3)
        row.addWidget(self.qr, 2)
        return tab

    def save_name(self) -> None:
        identity.set_card_name(self.context.vault, self.name_edit.text())
        self.load()

    def copy_card(self) -> None:
        QGuiApplication.clipboard().setText(self.card_text.toPlainText())

    # -- the colleagues -----------------------------------------------------------------

    def _list_tab(self) -> QWidget:
        tab = QWidget()
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [_("Name"), _("Fingerprint"), _("Confirmed"), _("Bundles received")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.remove_button = QPushButton(_("&Remove colleague"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.empty_label = QLabel(_("No colleagues yet: add one from their card."))
        layout = QVBoxLayout(tab)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignLeft)
        return tab

    def remove_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        item = self.table.item(rows[0].row(), 0)
        if item is None:
            return
        colleagues.remove_colleague(self.context.vault, int(item.data(Qt.ItemDataRole.UserRole)))
        self._announce()
        self.load()

    # -- adding one ---------------------------------------------------------------------

    def _add_tab(self) -> QWidget:
        tab = QWidget()
        self.paste_edit = QPlainTextEdit()
        self.paste_edit.setPlaceholderText(_("Paste your colleague's card here"))
        self.paste_edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.check_button = QPushButton(_("C&heck card"))
        self.check_button.clicked.connect(self.check_card)
        self.add_error = error_label()
        show_error(self.add_error, "")
        self.new_name = QLineEdit()
        self.new_name.setMaxLength(identity.MAX_NAME_CHARS)
        self.new_fingerprint = _fingerprint_label()
        self.confirm_check = QCheckBox(
            _("We read the fingerprint aloud together and every digit is the same")
        )
        self.confirm_check.toggled.connect(self._update)
        self.new_name.textChanged.connect(self._update)
        self.add_button = QPushButton(_("&Add colleague"))
        self.add_button.clicked.connect(self.add)
        self.added_label = QLabel()
        self.added_label.setWordWrap(True)
        self.confirm_box = QWidget()
        confirm = QFormLayout(self.confirm_box)
        confirm.setContentsMargins(0, 0, 0, 0)
        confirm.addRow(_("Name:"), self.new_name)
        confirm.addRow(_("Fingerprint:"), self.new_fingerprint)
        confirm.addRow(self.confirm_check)
        confirm.addRow(self.add_button)
        self.confirm_box.hide()
        layout = QVBoxLayout(tab)
        layout.addWidget(self.paste_edit, 1)
        layout.addWidget(self.check_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.add_error)
        layout.addWidget(self.confirm_box)
        layout.addWidget(self.added_label)
        self.paste_edit.textChanged.connect(self._card_edited)
        return tab

    def _card_edited(self) -> None:
        self.checked_card = None
        self.confirm_box.hide()
        self.confirm_check.setChecked(False)
        show_error(self.add_error, "")

    def check_card(self) -> None:
        """Read the pasted card and show its fingerprint for reading aloud."""
        self.added_label.clear()
        try:
            card = identity.parse_card(self.paste_edit.toPlainText())
        except ContactKeeperError as exc:
            show_error(self.add_error, exc.message)
            return
        self.checked_card = card
        self.new_name.setText(card.name)
        self.new_fingerprint.setText(identity.fingerprint_lines(card.fingerprint))
        self.confirm_check.setChecked(False)
        self.confirm_box.show()
        self._update()

    def _update(self) -> None:
        self.add_button.setEnabled(
            self.checked_card is not None
            and self.confirm_check.isChecked()
            and bool(self.new_name.text().strip())
        )

    def add(self) -> None:
        if self.checked_card is None or not self.add_button.isEnabled():
            return
        try:
            added = colleagues.add_colleague(
                self.context.vault,
                self.checked_card,
                now=self.context.now(),
                name=self.new_name.text(),
            )
        except ContactKeeperError as exc:
            show_error(self.add_error, exc.message)
            return
        self.paste_edit.clear()
        self.added_label.setText(
            _("{name} is now a colleague: you can share bundles with them.").format(
                name=isolate(added.name)
            )
        )
        self._announce()
        self.load()

    def _announce(self) -> None:
        self.context.announce(Changes.of(Kind.COLLEAGUE), self)

    # -- loading ------------------------------------------------------------------------

    def load(self) -> None:
        vault = self.context.vault
        card = identity.own_card(vault)
        if not self.name_edit.hasFocus():
            self.name_edit.setText(card.name)
        self.card_text.setPlainText(card.text())
        self.own_fingerprint.setText(identity.fingerprint_lines(card.fingerprint))
        self.qr.set_text(card.text())
        known = colleagues.list_colleagues(vault)
        self.table.setRowCount(len(known))
        for row, colleague in enumerate(known):
            confirmed = colleague.confirmed_at
            cells = [
                colleague.name,
                colleague.fingerprint,
                i18n.short_date(confirmed) if confirmed else _("not yet"),
                i18n.number(envelope.received_count(vault, colleague.id)),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, colleague.id)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.empty_label.setVisible(not known)
        self.remove_button.setEnabled(bool(known))
