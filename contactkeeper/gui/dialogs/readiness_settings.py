"""Readiness settings: how fast cues fade (the half-life) and the readiness at which a
process is suggested as ripening (the threshold), each with a sentence on what it means.

They are settings of the vault (kept inside it, :data:`readiness.SETTING_KEYS`), not of this
device: every view computes readiness with them. Saving writes them inside
``context.writing``, so the process chart and Today work their figures out again at once.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QDoubleSpinBox, QLabel, QWidget

from contactkeeper.gui.context import AppContext
from contactkeeper.gui.dialogs.records import RecordDialog
from contactkeeper.i18n import N_, _
from contactkeeper.records import readiness
from contactkeeper.records.ripeness import Settings

HALF_LIFE_MEANS = N_(
    "How fast a cue fades: after this many days it counts half as much, after twice as many "
    "a quarter; shorter follows the latest news, longer remembers."
)
THRESHOLD_MEANS = N_(
    "The readiness every party must reach for a process to be suggested as ripening on "
    "Today: a suggestion only, the moment is yours to flag."
)


def _explained(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setObjectName("hint")
    return label


class ReadinessSettingsDialog(RecordDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, _("Readiness settings"), parent)
        self.chosen = readiness.settings(context.vault)
        self.half_life = QDoubleSpinBox()
        self.half_life.setAccessibleName(_("Half-life of a cue, in days"))
        self.half_life.setDecimals(0)
        self.half_life.setRange(1, 3650)
        # Translators: after a number of days in a spin box ("30 days"), with its space.
        self.half_life.setSuffix(_(" days"))
        self.half_life.setValue(self.chosen.half_life_days)
        self.threshold = QDoubleSpinBox()
        self.threshold.setAccessibleName(_("Readiness threshold for a ripening process"))
        self.threshold.setDecimals(1)
        self.threshold.setRange(0.1, 100)
        self.threshold.setSingleStep(0.5)
        self.threshold.setValue(self.chosen.threshold)
        self.row(_("&Half-life"), self.half_life)
        self.form.addRow("", _explained(_(HALF_LIFE_MEANS)))
        self.row(_("&Threshold"), self.threshold)
        self.form.addRow("", _explained(_(THRESHOLD_MEANS)))

    def save(self) -> Settings:
        return readiness.set_settings(
            self.context.vault,
            replace(
                self.chosen,
                half_life_days=float(self.half_life.value()),
                threshold=float(self.threshold.value()),
            ),
        )
