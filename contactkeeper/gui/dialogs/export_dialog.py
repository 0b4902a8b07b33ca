"""File > Export: the records to JSON, CSV, vCard or ICS, or redacted for sharing.

A format in clear needs its own confirmation, ticked by hand after a warning
(``PLAINTEXT_WARNING``); the redacted format is what to share.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from contactkeeper import i18n
from contactkeeper.exchange import exporting
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.dialogs.work_dialog import ProgressFn, WorkDialog
from contactkeeper.gui.forms.ui_export_dialog import Ui_ExportDialog
from contactkeeper.i18n import N_, _, isolate, ngettext

EXPORT_FORMATS: tuple[tuple[str, str, str, str], ...] = (
    # format, label, file suffix, what it holds
    (
        "redacted",
        N_("Redacted, for sharing (JSON)"),
        ".json",
        N_(
            "For colleagues or funders. Actors appear by codename only. Sensitive and "
            "high-risk actors are left out, with every interaction, relationship and "
            "readiness cue that involves them. Every name, note, summary and other free text "
            "is dropped, and dates are coarsened to the month. Kept: statuses, countries, "
            "cadences, process names and phases, kinds of contact and of readiness cue."
        ),
    ),
    (
        "json",
        N_("Everything (JSON)"),
        ".json",
        N_("Every record, in the documented JSON schema."),
    ),
    (
        "csv",
        N_("Actors (CSV)"),
        ".csv",
        N_("One row per actor: names, affiliations, channels, notes."),
    ),
    ("vcard", N_("Actors (vCard)"), ".vcf", N_("One vCard per actor, for an address book.")),
    ("ics", N_("Follow-ups (calendar, ICS)"), ".ics", N_("Open follow-ups as all-day events.")),
)
PLAINTEXT_WARNING = N_(
    "<b>This file is not encrypted.</b> It holds your records in clear: anyone who gets "
    "it, or the disk or stick it is on, can read them, and deleting it later may not wipe "
    "it. Share with the redacted format; keep safe copies as encrypted backups."
)


class ExportDialog(WorkDialog):
    """Choose a format and a new file; a format in clear needs a ticked confirmation."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.ui = Ui_ExportDialog()
        self.ui.setupUi(self)
        self.written: int | None = None
        ui = self.ui
        for fmt, label, _suffix, _help in EXPORT_FORMATS:
            ui.formatCombo.addItem(_(label), fmt)
        ui.warningLabel.setText(_(PLAINTEXT_WARNING))
        self._setup(
            [ui.formatCombo, ui.fileEdit, ui.browseButton, ui.confirmCheck],
            ui.progressBar,
            ui.messageLabel,
            ui.closeButton,
        )
        ui.resultLabel.hide()
        ui.formatCombo.currentIndexChanged.connect(self._format_changed)
        ui.confirmCheck.toggled.connect(self._update)
        ui.fileEdit.textChanged.connect(self._update)
        ui.browseButton.clicked.connect(self._browse)
        ui.exportButton.clicked.connect(self.export)
        self._format_changed()
        ui.formatCombo.setFocus()

    @property
    def fmt(self) -> str:
        return str(self.ui.formatCombo.currentData())

    def _spec(self) -> tuple[str, str, str, str]:
        return next(spec for spec in EXPORT_FORMATS if spec[0] == self.fmt)

    @property
    def in_clear(self) -> bool:
        return self.fmt in exporting.CLEAR_FORMATS

    def select_format(self, fmt: str) -> None:
        self.ui.formatCombo.setCurrentIndex(self.ui.formatCombo.findData(fmt))

    def _format_changed(self) -> None:
        ui = self.ui
        _fmt, _label, suffix, help_text = self._spec()
        ui.formatHelpLabel.setText(_(help_text))
        ui.warningLabel.setVisible(self.in_clear)
        ui.confirmCheck.setVisible(self.in_clear)
        ui.confirmCheck.setChecked(False)  # every clear format is confirmed on its own
        text = ui.fileEdit.text().strip()
        if text:
            ui.fileEdit.setText(str(Path(text).with_suffix(suffix)))
        self._update()

    def _browse(self) -> None:
        _fmt, label, suffix, _help = self._spec()
        start = self.ui.fileEdit.text() or f"export{suffix}"
        path = QFileDialog.getSaveFileName(self, _("Export to"), start, f"{_(label)} (*{suffix})")[
            0
        ]
        if path:
            self.ui.fileEdit.setText(path)

    def _update(self) -> None:
        ui = self.ui
        ui.exportButton.setEnabled(
            not self.running
            and bool(ui.fileEdit.text().strip())
            and (not self.in_clear or ui.confirmCheck.isChecked())
        )

    def export(self) -> None:
        ui = self.ui
        if self.running or not ui.exportButton.isEnabled():
            return
        fmt = self.fmt
        confirmed = self.in_clear and ui.confirmCheck.isChecked()
        path = Path(ui.fileEdit.text().strip()).expanduser()
        vault = self.context.vault
        now = self.context.now

        def work(progress: ProgressFn) -> int:
            return exporting.export(vault, fmt, path, i_understand_plaintext=confirmed, now=now)

        def done(count: int) -> None:
            self.written = count
            if confirmed:
                text = ngettext(
                    "<b>Exported {n} record</b> to {path}. It is not encrypted: delete it "
                    "once it has served.",
                    "<b>Exported {n} records</b> to {path}. It is not encrypted: delete it "
                    "once it has served.",
                    count,
                )
            else:
                text = ngettext(
                    "<b>Exported {n} record</b> to {path}.",
                    "<b>Exported {n} records</b> to {path}.",
                    count,
                )
            ui.resultLabel.setText(text.format(n=i18n.number(count), path=isolate(str(path))))
            ui.resultLabel.show()
            ui.confirmCheck.setChecked(False)
            self.context.status.emit(
                ngettext("Exported {n} record.", "Exported {n} records.", count).format(
                    n=i18n.number(count)
                )
            )

        self._run(work, done)
