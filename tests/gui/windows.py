"""Every window and dialog of the program, opened as the program opens them: the inventory
that the tests of small screens and of translations walk through."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtWidgets import QDialog

from contactkeeper.gui.app_state import Settings
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.dialogs import records
from contactkeeper.gui.dialogs.about import AboutDialog
from contactkeeper.gui.dialogs.affiliations import AffiliationEditDialog, MemberDialog
from contactkeeper.gui.dialogs.backup_actions import (
    BackupDialog,
    ExportDialog,
    ImportDialog,
    OpenBackupDialog,
)
from contactkeeper.gui.dialogs.colleagues import ColleaguesDialog
from contactkeeper.gui.dialogs.cue_catalogue import CueCatalogueDialog, NewCueKindDialog
from contactkeeper.gui.dialogs.log import LogDialog
from contactkeeper.gui.dialogs.merge import ChooseOtherDialog, MergeDialog
from contactkeeper.gui.dialogs.readiness_settings import ReadinessSettingsDialog
from contactkeeper.gui.dialogs.receive_bundle import ConflictsDialog, ReceiveDialog
from contactkeeper.gui.dialogs.reveal import RevealDialog
from contactkeeper.gui.dialogs.settings import SettingsDialog
from contactkeeper.gui.dialogs.share_bundle import ShareDialog
from contactkeeper.gui.dialogs.trash import TrashDialog
from contactkeeper.gui.dialogs.ways_in import WaysInDialog
from contactkeeper.gui.main_window import MainWindow
from contactkeeper.gui.views.actors import NewActorDialog
from contactkeeper.records import actors, interactions, merge, organizations, processes
from contactkeeper.records.actors import ActorFilter, AffiliationInfo
from tests.helpers.keyrings import MemoryKeyring

Opened = tuple[MainWindow, AppContext, Settings]


def main_pages(window: MainWindow, context: AppContext) -> Iterator[str]:
    """Show each page of the main window in turn; yields its name."""
    for row, name in enumerate(("today", "actors", "processes", "journal", "follow-ups")):
        window.show_section(row)
        yield name
    now = context.now()
    layla = actors.list_actors(context.vault, now, filters=ActorFilter(text="layla"))[0]
    context.open_actor.emit(layla.id)
    page = window.workspace.actor_page
    for tab in range(page.tabs.count()):
        page.tabs.setCurrentIndex(tab)
        yield f"actor page, tab {page.tabs.tabText(tab)}"
    context.open_process.emit(processes.list_processes(context.vault)[0].id)
    yield "process page"
    context.open_organization.emit(organization(context))
    org_page = window.workspace.organization_page
    for tab in range(org_page.tabs.count()):
        org_page.tabs.setCurrentIndex(tab)
        yield f"organization page, tab {org_page.tabs.tabText(tab)}"


def organization(context: AppContext) -> int:
    """The demo's organization with the most members."""
    on = context.now().date()
    return max(
        (o.id for o in organizations.list_organizations(context.vault)),
        key=lambda o: len(organizations.organization_overview(context.vault, o, on).members),
    )


def affiliation(context: AppContext) -> AffiliationInfo:
    now = context.now()
    layla = actors.list_actors(context.vault, now, filters=ActorFilter(text="layla"))[0].id
    return actors.get_actor(context.vault, layla, now).affiliations[0]


def ids(context: AppContext) -> tuple[int, int, int]:
    now = context.now()
    actor = actors.list_actors(context.vault, now, filters=ActorFilter(text="layla"))[0].id
    process = processes.list_processes(context.vault)[0].id
    interaction = interactions.journal(context.vault, interactions.JournalFilter(), limit=1)[0].id
    return actor, process, interaction


Maker = Callable[[MainWindow, AppContext, Settings], QDialog]


def _settings_after_remembering(w: MainWindow, c: AppContext, s: Settings) -> QDialog:
    dialog = SettingsDialog(c, s, w, backend=MemoryKeyring())
    dialog.remember()  # says what it did, below the settings
    return dialog


def _settings_destroy_page(window: MainWindow, context: AppContext, s: Settings) -> QDialog:
    dialog = SettingsDialog(context, s, window)
    dialog.ask_destroy()
    return dialog


def _adding_a_colleague(window: MainWindow, context: AppContext, s: Settings) -> QDialog:
    """The Colleagues dialog at its second step: a card checked, its fingerprint shown."""
    from contactkeeper.exchange.team import identity

    dialog = ColleaguesDialog(context, window)
    dialog.tabs.setCurrentIndex(2)
    card = identity.own_card(context.vault)
    other = card.text().replace(card.verify_key, "8wsrRjTAF28ZzcGEFK1z+bS77B/OufIAzrUEiCzCpek=")
    dialog.paste_edit.setPlainText(other.replace("name: ", "name: Bruno Ferreira"))
    dialog.check_card()
    return dialog


def _merge(window: MainWindow, context: AppContext, s: Settings) -> QDialog:
    """Two actors of the demo that differ in many fields, side by side."""
    layla = ids(context)[0]
    others = actors.list_actors(context.vault, context.now())
    other = next(a.id for a in others if a.id != layla)
    return MergeDialog(context, merge.preview(context.vault, layla, other), window)


DIALOGS: dict[str, Maker] = {
    "log a contact": lambda w, c, s: LogDialog(c, w, [ids(c)[0]]),
    "edit a contact": lambda w, c, s: LogDialog.edit(c, ids(c)[2], w),
    "new actor": lambda w, c, s: NewActorDialog(c, w),
    "channel": lambda w, c, s: records.ChannelDialog(c, ids(c)[0], w),
    "relationship": lambda w, c, s: records.RelationshipDialog(c, ids(c)[0], w),
    "affiliation": lambda w, c, s: records.AffiliationDialog(c, ids(c)[0], w),
    "participant": lambda w, c, s: records.ParticipantDialog(c, ids(c)[1], w),
    "readiness cue": lambda w, c, s: records.CueDialog(c, ids(c)[1], w),
    "readiness settings": lambda w, c, s: ReadinessSettingsDialog(c, w),
    "cue catalogue": lambda w, c, s: CueCatalogueDialog(c, w),
    "add a kind of cue": lambda w, c, s: NewCueKindDialog(c, "way-out", w),
    "follow-up": lambda w, c, s: records.FollowUpDialog(c, ids(c)[0], w),
    "member": lambda w, c, s: MemberDialog(c, organization(c), w),
    "edit an affiliation": lambda w, c, s: AffiliationEditDialog(c, affiliation(c), "", w),
    "ways in": lambda w, c, s: WaysInDialog(c, w),
    "merge two actors": _merge,
    "merge with another actor": lambda w, c, s: ChooseOtherDialog(c, ids(c)[0], "Layla", w),
    "settings": lambda w, c, s: SettingsDialog(c, s, w),
    "settings, remembered": _settings_after_remembering,
    "settings, destroy": _settings_destroy_page,
    "trash": lambda w, c, s: TrashDialog(c, w),
    "about": lambda w, c, s: AboutDialog(w),
    "reveal a name": lambda w, c, s: RevealDialog(c, ids(c)[0], "AMBER WREN", w),
    "back up": lambda w, c, s: BackupDialog(c, s, w),
    "verify a backup": lambda w, c, s: OpenBackupDialog(c, w),
    "restore a backup": lambda w, c, s: OpenBackupDialog(c, w, restore=True),
    "import": lambda w, c, s: ImportDialog(c, w),
    "export": lambda w, c, s: ExportDialog(c, w),
    "colleagues": lambda w, c, s: ColleaguesDialog(c, w),
    "add a colleague": _adding_a_colleague,
    "share with colleagues": lambda w, c, s: ShareDialog(c, w),
    "receive a bundle": lambda w, c, s: ReceiveDialog(c, w),
    "settle conflicts": lambda w, c, s: ConflictsDialog(c, w),
}
