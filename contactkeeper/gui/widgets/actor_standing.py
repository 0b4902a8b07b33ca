"""An actor's track-two attributes on their profile: track, access to decision-makers,
standing with their own community, trust in you, personal risk (which raises their
sensitivity), the default attribution rule of what they say, and their side in each process.
Saved with one button, through :func:`contactkeeper.records.standing.set_standing`."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QSpinBox,
    QWidget,
)

from contactkeeper.errors import ContactKeeperError
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.presentation import error_label, show_error, word
from contactkeeper.i18n import N_, _, isolate, pgettext
from contactkeeper.records import standing
from contactkeeper.records.attribution import EXPLAINED
from contactkeeper.vault.model import ActorTrack, AttributionRule

NOT_JUDGED = N_("not judged")


def _judged(accessible: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(0, 5)
    spin.setSpecialValueText(_(NOT_JUDGED))
    spin.setAccessibleName(accessible)
    return spin


class ActorStanding(QGroupBox):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(_("Track two"), parent)
        self.context = context
        self.actor_id: int | None = None
        self.track = QComboBox()
        self.track.setAccessibleName(_("Track"))
        self.track.addItem(_(NOT_JUDGED), None)
        for track in ActorTrack:
            self.track.addItem(word(track), track.value)
        self.access = _judged(_("Access to decision-makers, 1 to 5"))
        self.standing = _judged(_("Standing with their own community, 1 to 5"))
        self.trust = _judged(_("Their trust in you, 1 to 5"))
        self.risk = _judged(_("Personal risk of contact with them, 1 to 5"))
        self.risk.setToolTip(_("4 makes the actor at least sensitive, 5 high-risk"))
        self.rule = QComboBox()
        self.rule.setAccessibleName(_("Default attribution rule of what they say"))
        for rule in AttributionRule:
            self.rule.addItem(word(rule), rule.value)
            self.rule.setItemData(
                self.rule.count() - 1, _(EXPLAINED[rule]), Qt.ItemDataRole.ToolTipRole
            )
        self.sides = QLabel()
        self.sides.setWordWrap(True)
        self.sides.setAccessibleName(_("Their side in each process"))
        self.save_button = QPushButton(_("Save track t&wo"))
        self.message = error_label()
        form = QFormLayout(self)
        for label, widget in (
            (_("Track"), self.track),
            (_("Access"), self.access),
            (pgettext("with their community", "Standing"), self.standing),
            (_("Trust in you"), self.trust),
            (_("Personal risk"), self.risk),
            (_("Attribution"), self.rule),
            (_("Sides"), self.sides),
        ):
            form.addRow(label, widget)
        form.addRow(self.message)
        form.addRow(self.save_button)
        self.save_button.clicked.connect(self.save)

    def show_actor(self, actor_id: int | None) -> None:
        self.actor_id = actor_id
        show_error(self.message, "")
        if actor_id is None or not self.context.unlocked:
            self.sides.clear()
            for spin in (self.access, self.standing, self.trust, self.risk):
                spin.setValue(0)
            self.track.setCurrentIndex(0)
            return
        found = standing.get_standing(self.context.vault, actor_id)
        self.track.setCurrentIndex(
            self.track.findData(found.actor_track.value if found.actor_track else None)
        )
        for spin, value in (
            (self.access, found.access),
            (self.standing, found.standing),
            (self.trust, found.trust_in_me),
            (self.risk, found.personal_risk),
        ):
            spin.setValue(value or 0)
        self.rule.setCurrentIndex(self.rule.findData(found.attribution.value))
        sides = standing.sides_of(self.context.vault, actor_id)
        self.sides.setText(
            # Translators: between the sides an actor holds in several processes.
            pgettext("list separator", "; ").join(
                # Translators: a process and the actor's side in it.
                _("{process}: {side}").format(
                    process=isolate(s.process_name),
                    side=isolate(s.side) if s.side else _("no side"),
                )
                for s in sides
            )
            or _("not in any process")
        )

    def save(self) -> None:
        if self.actor_id is None:
            return
        track = self.track.currentData()
        new = standing.Standing(
            actor_track=None if track is None else ActorTrack(track),
            access=self.access.value() or None,
            standing=self.standing.value() or None,
            trust_in_me=self.trust.value() or None,
            personal_risk=self.risk.value() or None,
            attribution=AttributionRule(self.rule.currentData()),
        )
        try:
            with self.context.writing(self):
                standing.set_standing(self.context.vault, self.actor_id, new)
        except ContactKeeperError as exc:
            show_error(self.message, exc.message)
            return
        show_error(self.message, "")
