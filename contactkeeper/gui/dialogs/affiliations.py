"""Affiliations seen from the organization's side: a new member, and the correction of an
affiliation (its role and dates), from the organization's page or an actor's.

Both save through one service call inside ``context.writing`` (as every record dialog does);
``AffiliationEditDialog`` also lets Ctrl+Z put the affiliation back as it was.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QCheckBox, QLineEdit, QWidget

from contactkeeper.errors import InvalidRecord
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.dialogs.records import RecordDialog
from contactkeeper.gui.presentation import today
from contactkeeper.gui.undo import UndoController
from contactkeeper.gui.widgets.actor_choice import ActorChoice
from contactkeeper.gui.widgets.optional_date import OptionalDateEdit
from contactkeeper.i18n import _
from contactkeeper.records import organizations
from contactkeeper.records.actors import AffiliationInfo
from contactkeeper.vault.changes import Kind


class _DatesDialog(RecordDialog):
    """A role, a start (optional) and an end (optional): what every affiliation holds."""

    def _dates(self) -> None:
        self.role = QLineEdit()
        self.role.setAccessibleName(_("Role"))
        self.started = OptionalDateEdit(_("not known"), _("Since (optional)"))
        self.ended_check = QCheckBox(_("&ended on"))
        self.ended_check.setAccessibleName(_("The affiliation has ended"))
        self.ended = OptionalDateEdit(_("not known"), _("Until"))
        self.ended.set_day(today(self.context.now()))
        self.ended.setEnabled(False)
        self.ended_check.toggled.connect(self.ended.setEnabled)
        self.row(_("&Role"), self.role)
        self.row(_("&Since"), self.started)
        self.row("", self.ended_check)
        self.row(_("&Until"), self.ended)

    def ended_on(self) -> date | None:
        if not self.ended_check.isChecked():
            return None
        return self.ended.day() or today(self.context.now())  # ended, day not known


class MemberDialog(_DatesDialog):
    """Someone joins the organization (or joined it once): who, in what role, since when."""

    def __init__(
        self, context: AppContext, organization_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(context, _("Add a member"), parent)
        self.organization_id = organization_id
        self.actor = ActorChoice(context, _("Member"))
        self.row(_("&Who"), self.actor)
        self._dates()

    def choose(self, actor_id: int, name: str) -> None:
        self.actor.choose(actor_id, name)

    def save(self) -> object:
        if self.actor.actor_id is None:
            raise InvalidRecord(_("Who"), _("choose the actor from the suggestions"))
        return organizations.add_affiliation(
            self.context.vault,
            self.actor.actor_id,
            self.organization_id,
            self.role.text(),
            self.started.day(),
            self.ended_on(),
        )


class AffiliationEditDialog(_DatesDialog):
    """Correct an affiliation: its role, when it began, whether and when it ended.

    ``label`` names it in the undo notice ("Layla Haddad at the Ministry of Water"), as
    the page may show it."""

    def __init__(
        self,
        context: AppContext,
        affiliation: AffiliationInfo,
        label: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, _("Edit the affiliation"), parent)
        self.before = affiliation
        self.label = label
        self._dates()
        self.keep(self.role, affiliation.role)
        self.started.set_day(affiliation.started_on)
        if affiliation.ended_on is not None:
            self.ended_check.setChecked(True)
            self.ended.set_day(affiliation.ended_on)

    def save(self) -> object:
        vault = self.context.vault
        saved = organizations.update_affiliation(
            vault,
            self.before.id,
            self.text_of(self.role),
            self.started.day(),
            self.ended_on(),
        )
        before = self.before
        UndoController.for_context(self.context).remember_change(
            Kind.AFFILIATION,
            self.label,
            lambda: organizations.update_affiliation(
                vault, before.id, before.role, before.started_on, before.ended_on
            ),
        )
        return saved
