"""File > Exchange > Share with colleagues: choose records and colleagues, see the preview
(what goes, what is left out and why), and write a bundle file encrypted to them.

The preview is worked out off the UI thread a moment after each change of choice; the
bundle is written through ``WorkDialog``'s operation, so the window never freezes.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from contactkeeper import i18n
from contactkeeper.exchange.team import bundles, colleagues, envelope
from contactkeeper.exchange.team.sharing import RecordKind, Selection, SharePreview
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.dialogs.work_dialog import WorkDialog, message_for
from contactkeeper.gui.operations import Operation, run_in_background
from contactkeeper.gui.presentation import error_label
from contactkeeper.i18n import N_, _, isolate, ngettext
from contactkeeper.records import actors, processes
from contactkeeper.records.actors import ActorFilter

KIND_LABELS: dict[RecordKind, str] = {
    RecordKind.PROFILE: N_("Profiles"),
    RecordKind.CHANNELS: N_("Channels"),
    RecordKind.INTERACTIONS: N_("Interactions"),
    RecordKind.CUES: N_("Readiness cues"),
    RecordKind.FOLLOW_UPS: N_("Follow-ups"),
    RecordKind.EVENTS: N_("Events"),
}
PREVIEW_DELAY_MS = 300


class ShareDialog(WorkDialog):
    """What to share, with whom, the preview, and the file to write."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setWindowTitle(_("Share with colleagues"))
        self.resize(960, 540)
        self.chosen_actors: dict[int, str] = {}
        self.exported: bundles.Exported | None = None
        self.preview: SharePreview | None = None
        self._preview_operation: Operation | None = None
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.refresh_preview)
        context.vault_locked.connect(self._preview_timer.stop)
        grid = QGridLayout(self)
        grid.addWidget(self._what_box(), 0, 0)
        grid.addWidget(self._options_box(), 0, 1)
        grid.addWidget(self._colleagues_box(), 0, 2)
        grid.addWidget(self._preview_box(), 1, 0, 1, 3)
        grid.addLayout(self._bottom(), 2, 0, 1, 3)
        for column in range(3):
            grid.setColumnStretch(column, 1)
        grid.setRowStretch(0, 1)
        grid.setRowStretch(1, 1)
        self._setup(
            [self.what, self.options, self.colleague_box, self.file_edit, self.browse_button],
            self.progress,
            self.message,
            self.close_button,
        )
        self.result_label.hide()
        self.load()

    # -- the parts ----------------------------------------------------------------------

    def _what_box(self) -> QGroupBox:
        self.what = box = QGroupBox(_("What to share"))
        self.process_radio = QRadioButton(_("A &process, with its participants"))
        self.actors_radio = QRadioButton(_("Chosen &actors"))
        self.process_radio.setChecked(True)
        self.process_combo = QComboBox()
        self.actor_search = QLineEdit()
        self.actor_search.setPlaceholderText(_("Find actors by name"))
        self.actor_list = QListWidget()
        self.actor_list.setMinimumHeight(60)
        layout = QVBoxLayout(box)
        layout.addWidget(self.process_radio)
        layout.addWidget(self.process_combo)
        layout.addWidget(self.actors_radio)
        layout.addWidget(self.actor_search)
        layout.addWidget(self.actor_list, 1)
        self.process_radio.toggled.connect(self._choice_changed)
        self.process_combo.currentIndexChanged.connect(self._choice_changed)
        self.actor_search.textChanged.connect(self._search_actors)
        self.actor_list.itemChanged.connect(self._actor_ticked)
        return box

    def _options_box(self) -> QGroupBox:
        self.options = box = QGroupBox(_("Kinds of records"))
        self.kind_checks: dict[RecordKind, QCheckBox] = {}
        grid = QGridLayout(box)
        for index, kind in enumerate(RecordKind):
            check = QCheckBox(_(KIND_LABELS[kind]))
            check.setChecked(True)
            check.toggled.connect(self._choice_changed)
            self.kind_checks[kind] = check
            grid.addWidget(check, index // 2, index % 2)
        self.high_risk_check = QCheckBox(_("Include high-risk actors"))
        self.notes_check = QCheckBox(_("Include private notes"))
        self.restricted_check = QCheckBox(_("Include what attribution rules keep back"))
        for row, check in enumerate(
            (self.high_risk_check, self.notes_check, self.restricted_check), start=3
        ):
            check.toggled.connect(self._choice_changed)
            grid.addWidget(check, row, 0, 1, 2)
        return box

    def _colleagues_box(self) -> QGroupBox:
        self.colleague_box = box = QGroupBox(_("Colleagues to share with"))
        self.colleague_list = QListWidget()
        self.colleague_list.setMinimumHeight(60)
        self.colleague_list.itemChanged.connect(lambda _item: self._update())
        layout = QVBoxLayout(box)
        layout.addWidget(self.colleague_list, 1)
        return box

    def _preview_box(self) -> QGroupBox:
        box = QGroupBox(_("Preview"))
        self.preview_text = QPlainTextEdit()
        self.preview_text.setReadOnly(True)
        self.preview_text.setMinimumHeight(80)
        layout = QVBoxLayout(box)
        layout.addWidget(self.preview_text)
        return box

    def _bottom(self) -> QVBoxLayout:
        self.file_edit = QLineEdit()
        self.file_edit.setPlaceholderText(_("The bundle file to write"))
        self.file_edit.textChanged.connect(lambda _text: self._update())
        self.browse_button = QPushButton(_("&Browse…"))
        self.browse_button.clicked.connect(self._browse)
        self.share_button = QPushButton(_("&Write bundle"))
        self.share_button.setDefault(True)
        self.share_button.clicked.connect(self.share)
        self.close_button = QPushButton(_("&Close"))
        self.progress = QProgressBar()
        self.progress.setMaximum(0)
        self.message = error_label()
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(QLabel(_("File:")))
        row.addWidget(self.file_edit, 1)
        row.addWidget(self.browse_button)
        row.addWidget(self.share_button)
        row.addWidget(self.close_button)
        layout = QVBoxLayout()
        layout.addLayout(row)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.result_label)
        return layout

    # -- loading and choosing -----------------------------------------------------------

    def load(self) -> None:
        vault = self.context.vault
        self.process_combo.clear()
        for process in processes.list_processes(vault):
            self.process_combo.addItem(process.name, process.id)
        self.colleague_list.clear()
        known = colleagues.list_colleagues(vault)
        for colleague in known:
            item = QListWidgetItem(f"{colleague.name}  ({colleague.fingerprint[:11]}…)")
            item.setData(Qt.ItemDataRole.UserRole, colleague.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.colleague_list.addItem(item)
        if not known:  # said in the list itself: a wrapped label would make it taller
            hint = QListWidgetItem(_("No colleagues yet"))
            hint.setFlags(Qt.ItemFlag.NoItemFlags)
            hint.setToolTip(_("Add colleagues under File > Exchange > Colleagues."))
            self.colleague_list.addItem(hint)
        self._search_actors()
        self._choice_changed()

    def _search_actors(self) -> None:
        found = actors.list_actors(
            self.context.vault,
            self.context.now(),
            filters=ActorFilter(text=self.actor_search.text()),
            limit=100,
        )
        self.actor_list.blockSignals(True)
        self.actor_list.clear()
        for actor in found:
            name = self.context.shown_name(
                actor.id, actor.display_name, actor.codename, actor.sensitivity
            )
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, actor.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            ticked = actor.id in self.chosen_actors
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            self.actor_list.addItem(item)
        self.actor_list.blockSignals(False)

    def _actor_ticked(self, item: QListWidgetItem) -> None:
        actor_id = int(item.data(Qt.ItemDataRole.UserRole))
        if item.checkState() == Qt.CheckState.Checked:
            self.chosen_actors[actor_id] = item.text()
            self.actors_radio.setChecked(True)
        else:
            self.chosen_actors.pop(actor_id, None)
        self._choice_changed()

    def choose_process(self, process_id: int) -> None:
        self.process_radio.setChecked(True)
        self.process_combo.setCurrentIndex(self.process_combo.findData(process_id))

    def choose_colleagues(self, ids: set[int]) -> None:
        for row in range(self.colleague_list.count()):
            item = self.colleague_list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) is None:
                continue
            chosen = int(item.data(Qt.ItemDataRole.UserRole)) in ids
            item.setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)

    def selection(self) -> Selection:
        process_id = self.process_combo.currentData()
        by_process = self.process_radio.isChecked() and process_id is not None
        return Selection(
            process_ids=frozenset({int(process_id)}) if by_process else frozenset(),
            actor_ids=frozenset() if by_process else frozenset(self.chosen_actors),
            kinds=frozenset(k for k, check in self.kind_checks.items() if check.isChecked()),
            include_high_risk=self.high_risk_check.isChecked(),
            include_private_notes=self.notes_check.isChecked(),
            include_restricted=self.restricted_check.isChecked(),
        )

    def chosen_colleagues(self) -> list[int]:
        return [
            int(item.data(Qt.ItemDataRole.UserRole))
            for item in (self.colleague_list.item(r) for r in range(self.colleague_list.count()))
            if item.data(Qt.ItemDataRole.UserRole) is not None
            and item.checkState() == Qt.CheckState.Checked
        ]

    def _choice_changed(self) -> None:
        self.preview = None
        self._update()
        self._preview_timer.start()

    # -- the preview --------------------------------------------------------------------

    def refresh_preview(self) -> None:
        """Work out the preview of the current choice off the UI thread."""
        if not self.context.unlocked:
            return
        if self._preview_operation is not None:  # one at a time; asked again when it ends
            self._preview_timer.start()
            return
        selection = self.selection()
        vault = self.context.vault

        def done(preview: SharePreview) -> None:
            self._preview_operation = None
            if not self.context.unlocked:
                return
            if selection != self.selection():
                self._preview_timer.start()  # chosen again meanwhile
                return
            self.preview = preview
            self.preview_text.setPlainText("\n".join(preview.lines()))
            self._update()

        def failed(exc: Exception) -> None:
            self._preview_operation = None
            self.preview_text.setPlainText(message_for(exc))

        self._preview_operation = run_in_background(
            self, lambda: bundles.preview_share(vault, selection), done, failed
        )

    # -- writing ------------------------------------------------------------------------

    def _browse(self) -> None:
        start = self.file_edit.text() or f"bundle{envelope.SUFFIX}"
        path = QFileDialog.getSaveFileName(
            self,
            _("Write the bundle to"),
            start,
            _("Exchange bundles (*{suffix})").format(suffix=envelope.SUFFIX),
        )[0]
        if path:
            self.file_edit.setText(path)

    def _update(self) -> None:
        if not hasattr(self, "share_button"):
            return
        self.share_button.setEnabled(
            not self.running
            and self.preview is not None
            and not self.preview.empty
            and bool(self.chosen_colleagues())
            and bool(self.file_edit.text().strip())
        )

    def share(self) -> None:
        if self.running or not self.share_button.isEnabled():
            return
        selection = self.selection()
        chosen = self.chosen_colleagues()
        path = Path(self.file_edit.text().strip()).expanduser()
        if path.suffix != envelope.SUFFIX and not path.suffix:
            path = path.with_suffix(envelope.SUFFIX)
        vault = self.context.vault
        now = self.context.now()

        def work(progress: object) -> bundles.Exported:
            return bundles.export_bundle(vault, selection, chosen, path, now=now)

        def done(exported: bundles.Exported) -> None:
            self.exported = exported
            count = len(exported.bundle.recipients)
            self.result_label.setText(
                ngettext(
                    "<b>Wrote {path}</b>, encrypted to {n} colleague and signed. Send it by "
                    "any channel: only they can open it.",
                    "<b>Wrote {path}</b>, encrypted to {n} colleagues and signed. Send it by "
                    "any channel: only they can open it.",
                    count,
                ).format(path=isolate(str(path)), n=i18n.number(count))
            )
            self.result_label.show()
            self.context.status.emit(_("Wrote an exchange bundle."))

        self._run(work, done)
