"""Every word the dialogs show goes through the translation catalogue.

Each dialog is opened in the pseudo-language, which wraps every translated word in ``⟦…⟧``:
a title, a button, a form label, a placeholder or an accessible name shown without the
brackets was never marked for translation, and a French or Arabic user would read it in
English. Qt's own standard buttons (Save, Cancel) are Qt's to translate, and the shared
widgets (the actor choice, the scale) are checked where they are defined. Counted words
and the vault's choices are checked in English and in the pseudo-language.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from contactkeeper import i18n
from contactkeeper.gui import translation
from contactkeeper.gui.app_state import Settings
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.dialogs.about import AboutDialog
from contactkeeper.gui.dialogs.affiliations import MemberDialog
from contactkeeper.gui.dialogs.backup_dialog import BackupDialog
from contactkeeper.gui.dialogs.choices import choice_word, record_kind_word
from contactkeeper.gui.dialogs.cue_catalogue import CueCatalogueDialog, NewCueKindDialog
from contactkeeper.gui.dialogs.export_dialog import ExportDialog
from contactkeeper.gui.dialogs.import_dialog import ImportDialog
from contactkeeper.gui.dialogs.log import LogDialog
from contactkeeper.gui.dialogs.merge import ChooseOtherDialog
from contactkeeper.gui.dialogs.open_backup_dialog import OpenBackupDialog
from contactkeeper.gui.dialogs.readiness_settings import ReadinessSettingsDialog
from contactkeeper.gui.dialogs.records import (
    AffiliationDialog,
    ChannelDialog,
    CueDialog,
    FollowUpDialog,
    ParticipantDialog,
    RelationshipDialog,
)
from contactkeeper.gui.dialogs.reveal import RevealDialog
from contactkeeper.gui.dialogs.settings import SettingsDialog
from contactkeeper.gui.dialogs.track_two import (
    EventDialog,
    InviteDialog,
    OutcomeDialog,
    TaskDialog,
    TransferDialog,
)
from contactkeeper.gui.dialogs.trash import TrashDialog
from contactkeeper.gui.dialogs.ways_in import WaysInDialog
from contactkeeper.gui.dialogs.work_dialog import counts_text, size_text
from contactkeeper.records import events
from contactkeeper.vault.model import OrganizationKind, ParticipationRole
from tests.helpers.track_two import Story, build

OPEN, CLOSE = i18n.PSEUDO_OPEN, i18n.PSEUDO_CLOSE
FILE_NAME = re.compile(r"[\w-]+\.[a-z]+")
Opener = Callable[[AppContext, Story, Path], QDialog]

DIALOGS: dict[str, Opener] = {
    "about": lambda c, s, t: AboutDialog(),
    "member": lambda c, s, t: MemberDialog(c, s.ministry),
    "backup": lambda c, s, t: BackupDialog(c, _settings(t)),
    "cue catalogue": lambda c, s, t: CueCatalogueDialog(c),
    "new cue kind": lambda c, s, t: NewCueKindDialog(c, ""),
    "export": lambda c, s, t: ExportDialog(c),
    "import": lambda c, s, t: ImportDialog(c),
    "log": lambda c, s, t: LogDialog(c, None, [s.west]),
    "merge": lambda c, s, t: ChooseOtherDialog(c, s.west, "Ilan Peretz"),
    "verify": lambda c, s, t: OpenBackupDialog(c),
    "restore": lambda c, s, t: OpenBackupDialog(c, restore=True),
    "readiness settings": lambda c, s, t: ReadinessSettingsDialog(c),
    "channel": lambda c, s, t: ChannelDialog(c, s.west),
    "relationship": lambda c, s, t: RelationshipDialog(c, s.west),
    "affiliation": lambda c, s, t: AffiliationDialog(c, s.west),
    "participant": lambda c, s, t: ParticipantDialog(c, s.process),
    "cue": lambda c, s, t: CueDialog(c, s.process),
    "follow-up": lambda c, s, t: FollowUpDialog(c, s.west),
    "reveal": lambda c, s, t: RevealDialog(c, s.east, "RED KITE"),
    "settings": lambda c, s, t: SettingsDialog(c, _settings(t)),
    "event": lambda c, s, t: EventDialog(c),
    "invite": lambda c, s, t: InviteDialog(c, s.event),
    "outcome": lambda c, s, t: OutcomeDialog(c, _event(c, s)),
    "task": lambda c, s, t: TaskDialog(c, _event(c, s)),
    "transfer": lambda c, s, t: TransferDialog(c, _event(c, s)),
    "trash": lambda c, s, t: TrashDialog(c),
    "ways in": lambda c, s, t: WaysInDialog(c),
}


def _settings(folder: Path) -> Settings:
    store = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    return Settings(store, vault_dir=folder / "vaults")


def _event(context: AppContext, story: Story) -> events.EventInfo:
    return events.get_event(context.vault, story.event, context.now())


@pytest.fixture
def pseudo(qapp: QApplication) -> Iterator[None]:
    """The pseudo-language for the test, then English again, as the other tests expect."""
    locale, direction = QLocale(), qapp.layoutDirection()
    translation.install(qapp, i18n.PSEUDO)
    yield
    for translator in translation.install(qapp, i18n.ENGLISH):
        qapp.removeTranslator(translator)
    qapp.setLayoutDirection(direction)
    QLocale.setDefault(locale)


def _shared_widget(widget: QWidget) -> bool:
    """Inside one of the shared widgets (``gui/widgets``), checked where it is defined."""
    current: QWidget | None = widget
    while current is not None:
        if type(current).__module__.startswith("contactkeeper.gui.widgets."):
            return True
        current = current.parentWidget()
    return False


def _standard_button(button: QAbstractButton) -> bool:
    box = button.parentWidget()
    while box is not None and not isinstance(box, QDialogButtonBox):
        box = box.parentWidget()
    return isinstance(box, QDialogButtonBox) and (
        box.standardButton(button) != QDialogButtonBox.StandardButton.NoButton
    )


def shown_words(dialog: QDialog) -> list[str]:
    """What a person reads on the dialog that is the program's own wording."""
    words = [dialog.windowTitle()]
    for button in dialog.findChildren(QAbstractButton):
        if button.text() and not _standard_button(button) and not _shared_widget(button):
            words.append(button.text())
    for label in dialog.findChildren(QLabel):
        if label.buddy() is not None and label.text():
            words.append(label.text())
    edits: list[QLineEdit | QPlainTextEdit] = [
        *dialog.findChildren(QLineEdit),
        *dialog.findChildren(QPlainTextEdit),
    ]
    for edit in edits:
        if not _shared_widget(edit) and not isinstance(edit.parentWidget(), QComboBox):
            words += [edit.placeholderText(), edit.accessibleName()]
    for field in [*dialog.findChildren(QComboBox), *dialog.findChildren(QDateEdit)]:
        if not _shared_widget(field):
            words.append(field.accessibleName())
    # A file name shown as an example ("backup-YYYYMMDD-HHMMSS.age") is no word to translate.
    return [word for word in words if word.strip() and not FILE_NAME.fullmatch(word)]


@pytest.mark.parametrize("name", sorted(DIALOGS))
def test_every_word_of_the_dialog_is_translated(
    qtbot: QtBot, context: AppContext, tmp_path: Path, pseudo: None, name: str
) -> None:
    story = build(context.vault)
    dialog = DIALOGS[name](context, story, tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()

    words = shown_words(dialog)
    assert words
    assert [word for word in words if OPEN not in word] == []


def test_the_vault_choices_are_translated_with_their_field(pseudo: None) -> None:
    # "party" is a kind of organization and a role in a process: two entries, two contexts.
    assert choice_word(OrganizationKind.PARTY) == i18n.pseudo("party")
    assert choice_word(ParticipationRole.PARTY) == i18n.pseudo("party")
    assert record_kind_word("readiness cue") == i18n.pseudo("readiness cue")
    assert counts_text({"processes": 2}).startswith(OPEN)


def test_counts_and_sizes_are_counted_in_words() -> None:
    assert counts_text({"processes": 1, "readiness cues": 2, "follow-ups": 1}) == (
        "1 process, 2 readiness cues, 1 follow-up"
    )
    assert counts_text({"actors": 1_234}) == "1,234 actors"
    assert size_text(1) == "1 byte"
    assert size_text(1_610_612_736) == "1.5 GB"


def test_a_vault_choice_is_saved_as_stored_whatever_the_language(
    qtbot: QtBot, context: AppContext, pseudo: None
) -> None:
    story = build(context.vault)
    dialog = ParticipantDialog(context, story.process)
    qtbot.addWidget(dialog)
    roles = dialog.role
    index = roles.findData(ParticipationRole.SPOILER.value)

    assert roles.itemText(index) == i18n.pseudo("spoiler")
    assert roles.itemData(index) == "spoiler"
