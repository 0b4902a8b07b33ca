"""File > Back up now, Verify, Restore, Import, Export: driven through the real dialogs.

Real vaults, real age files and real address books on disk; the dialogs' work runs off the
UI thread, so every test waits for the dialog's ``operation_finished`` signal (a real event
loop). Backups are made for X25519 keys where the passphrase is not the point (cheap), and
dialogs are opened with ``open()`` (window-modal, never blocking).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from contactkeeper.exchange import backup
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.dialogs.backup_actions import (
    BACKUP_FOLDER_KEY,
    BackupActions,
    BackupDialog,
    ExportDialog,
    ImportDialog,
    OpenBackupDialog,
    counts_text,
    size_text,
)
from contactkeeper.records import actors
from contactkeeper.vault import Vault, inventory, pre_restore_path
from contactkeeper.vault.changes import Kind
from tests.conftest import FAST_KDF, FakeClock
from tests.gui.shell_helpers import settings_in

WORK_TIMEOUT_MS = 60_000
BACKUP_PASSPHRASE = "a different passphrase for the stick"
NEW_PASSPHRASE = "the passphrase on the new laptop"


@pytest.fixture(autouse=True)
def _private_app_data(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Verification works in the app's data folder: keep it inside the test's folder."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data-home"))


@pytest.fixture
def actions(qtbot: QtBot, context: AppContext, tmp_path: Path) -> BackupActions:
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(900, 700)
    window.show()
    actors.create_actor(context.vault, actors.NewActor("Layla Haddad"), now=context.now())
    return BackupActions(context, window, settings=settings_in(tmp_path), kdf=FAST_KDF)


@pytest.fixture
def keys(tmp_path: Path) -> tuple[Path, str]:
    """An age identity file (as ``age-keygen`` writes it) and its public key."""
    identity, recipient = backup.new_identity()
    path = tmp_path / "org-key.txt"
    path.write_text(f"# public key: {recipient}\n{identity}\n", encoding="utf-8")
    return path, recipient


def stick(tmp_path: Path) -> Path:
    folder = tmp_path / "stick"
    folder.mkdir(exist_ok=True)
    return folder


def run(qtbot: QtBot, dialog: object, button: QWidget) -> None:
    """Click ``button`` and wait until the dialog's background work has ended."""
    with qtbot.waitSignal(dialog.operation_finished, timeout=WORK_TIMEOUT_MS):  # type: ignore[attr-defined]
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def open_backup(actions: BackupActions, qtbot: QtBot, *, restore: bool = False) -> OpenBackupDialog:
    (actions.restore_action if restore else actions.verify_action).trigger()
    dialog = actions.dialog
    assert isinstance(dialog, OpenBackupDialog)
    qtbot.waitExposed(dialog)
    return dialog


def verify_with_key(qtbot: QtBot, dialog: OpenBackupDialog, path: Path, identity: Path) -> None:
    dialog.ui.fileEdit.setText(str(path))
    dialog.ui.identityRadio.setChecked(True)
    dialog.ui.identityEdit.setText(str(identity))
    run(qtbot, dialog, dialog.ui.verifyButton)


def make_backup(vault: Vault, folder: Path, recipient: str, clock: FakeClock) -> Path:
    target = folder / backup.default_name(clock())
    backup.create_backup(vault, target, recipients=[recipient], now=clock)
    return target


# -- back up and verify ----------------------------------------------------------------------


def test_backing_up_to_a_stick_through_the_dialog_writes_a_verified_file(
    qtbot: QtBot,
    actions: BackupActions,
    context: AppContext,
    tmp_path: Path,
    keys: tuple[Path, str],
    clock: FakeClock,
) -> None:
    kinds: set[Kind] = set()
    context.changed.connect(lambda changes, _initiator: kinds.update(changes.kinds))
    actions.back_up_action.trigger()
    dialog = actions.dialog
    assert isinstance(dialog, BackupDialog)
    qtbot.waitExposed(dialog)
    folder = stick(tmp_path)
    dialog.ui.folderEdit.setText(str(folder))
    qtbot.mouseClick(dialog.ui.keysRadio, Qt.MouseButton.LeftButton)
    assert dialog.ui.recipientsEdit.isVisible()
    assert not dialog.ui.passphraseEdit.isVisible()
    dialog.ui.recipientsEdit.setPlainText(keys[1] + "\n")

    with qtbot.waitSignal(dialog.operation_finished, timeout=WORK_TIMEOUT_MS):
        qtbot.mouseClick(dialog.ui.startButton, Qt.MouseButton.LeftButton)
        # While it works, nothing else can start and the dialog cannot be closed.
        assert not any(action.isEnabled() for action in actions.actions)
        assert not dialog.ui.closeButton.isEnabled()
        dialog.reject()
        assert dialog.isVisible()

    written = folder / backup.default_name(clock())
    assert [p.name for p in folder.iterdir()] == [written.name]
    result = dialog.ui.resultLabel.text()
    assert "verified" in result
    assert written.name in result
    assert "1 actor" in result
    assert Kind.SETTING in kinds  # the time of the last backup
    assert inventory.last_backup_at(context.vault) == clock()
    assert actions.settings.store.value(BACKUP_FOLDER_KEY) == str(folder)
    assert all(action.isEnabled() for action in actions.actions)

    # The folder is remembered for the next backup.
    actions.back_up_action.trigger()
    assert isinstance(actions.dialog, BackupDialog)
    assert actions.dialog.ui.folderEdit.text() == str(folder)

    verify = open_backup(actions, qtbot)
    verify_with_key(qtbot, verify, written, keys[0])
    summary = verify.ui.summaryLabel.text()
    assert "complete and authentic" in summary
    assert "1 actor" in summary
    assert "schema" in summary
    assert not verify.ui.messageLabel.isVisible()
    assert not verify.ui.restoreButton.isVisible()


def test_a_passphrase_backup_needs_the_same_passphrase_twice_and_a_wrong_one_is_named(
    qtbot: QtBot, actions: BackupActions, tmp_path: Path, clock: FakeClock
) -> None:
    actions.back_up_action.trigger()
    dialog = actions.dialog
    assert isinstance(dialog, BackupDialog)
    folder = stick(tmp_path)
    dialog.ui.folderEdit.setText(str(folder))
    qtbot.keyClicks(dialog.ui.passphraseEdit, BACKUP_PASSPHRASE)
    qtbot.keyClicks(dialog.ui.confirmEdit, BACKUP_PASSPHRASE + "!")
    qtbot.mouseClick(dialog.ui.startButton, Qt.MouseButton.LeftButton)
    assert "differ" in dialog.ui.messageLabel.text()
    assert list(folder.iterdir()) == []

    qtbot.keyClicks(dialog.ui.confirmEdit, BACKUP_PASSPHRASE)
    run(qtbot, dialog, dialog.ui.startButton)
    written = folder / backup.default_name(clock())
    assert written.is_file()
    assert dialog.ui.passphraseEdit.text() == ""
    assert dialog.ui.confirmEdit.text() == ""

    verify = open_backup(actions, qtbot)
    verify.ui.fileEdit.setText(str(written))
    qtbot.keyClicks(verify.ui.passphraseEdit, "not the passphrase")
    run(qtbot, verify, verify.ui.verifyButton)
    assert verify.ui.messageLabel.isVisible()
    assert "does not open this backup" in verify.ui.messageLabel.text()
    assert "damaged or was tampered" not in verify.ui.messageLabel.text()
    assert not verify.ui.summaryLabel.isVisible()


def test_a_damaged_backup_is_called_damaged_not_a_wrong_key(
    qtbot: QtBot,
    actions: BackupActions,
    context: AppContext,
    tmp_path: Path,
    keys: tuple[Path, str],
    clock: FakeClock,
) -> None:
    written = make_backup(context.vault, stick(tmp_path), keys[1], clock)
    data = bytearray(written.read_bytes())
    data[-100] ^= 0x01
    damaged = tmp_path / "damaged.age"
    damaged.write_bytes(bytes(data))

    verify = open_backup(actions, qtbot)
    verify_with_key(qtbot, verify, damaged, keys[0])
    assert "damaged or was tampered" in verify.ui.messageLabel.text()
    assert not verify.ui.summaryLabel.isVisible()


# -- restore ---------------------------------------------------------------------------------


def test_restoring_through_the_dialog_keeps_the_current_vault_as_pre_restore(
    qtbot: QtBot,
    actions: BackupActions,
    context: AppContext,
    tmp_path: Path,
    keys: tuple[Path, str],
    clock: FakeClock,
) -> None:
    vault_path = Path(context.vault.path).absolute()
    written = make_backup(context.vault, stick(tmp_path), keys[1], clock)
    actors.create_actor(context.vault, actors.NewActor("Made after the backup"), now=clock())
    restored: list[str] = []
    actions.restored.connect(restored.append)

    dialog = open_backup(actions, qtbot, restore=True)
    assert not dialog.ui.restoreButton.isEnabled()
    verify_with_key(qtbot, dialog, written, keys[0])
    # Verified first; then the confirmation says what happens to the current vault.
    assert dialog.ui.restoreGroup.isVisible()
    warning = dialog.ui.restoreWarningLabel.text().replace("\u2011", "-")  # unbroken hyphens
    assert pre_restore_path(vault_path).name in warning
    assert "kept" in warning
    assert context.unlocked
    qtbot.keyClicks(dialog.ui.newPassphraseEdit, NEW_PASSPHRASE)
    qtbot.keyClicks(dialog.ui.newConfirmEdit, NEW_PASSPHRASE)
    # The vault changed after the backup: restoring it needs a confirmation of its own.
    assert "older" in dialog.ui.replaceWarningLabel.text()
    assert not dialog.ui.restoreButton.isEnabled()
    dialog.ui.replaceAnywayCheck.setChecked(True)
    assert dialog.ui.restoreButton.isEnabled()

    run(qtbot, dialog, dialog.ui.restoreButton)

    assert not context.unlocked  # the app relocks; the user unlocks the restored vault
    assert dialog.isVisible()
    assert "Restored" in dialog.ui.summaryLabel.text()
    assert not dialog.ui.messageLabel.isVisible()
    assert restored == [str(vault_path)]
    kept = pre_restore_path(vault_path)
    assert kept.is_dir()
    with Vault.unlock(vault_path, NEW_PASSPHRASE) as back:
        assert inventory.counts(back)["actors"] == 1
    assert not any(action.isEnabled() for action in actions.actions)


def test_a_restore_waits_until_the_vault_kept_by_an_earlier_one_is_removed(
    qtbot: QtBot,
    actions: BackupActions,
    context: AppContext,
    tmp_path: Path,
    keys: tuple[Path, str],
    clock: FakeClock,
) -> None:
    written = make_backup(context.vault, stick(tmp_path), keys[1], clock)
    pre_restore_path(context.vault.path).mkdir()
    dialog = open_backup(actions, qtbot, restore=True)
    verify_with_key(qtbot, dialog, written, keys[0])
    qtbot.keyClicks(dialog.ui.newPassphraseEdit, NEW_PASSPHRASE)
    qtbot.keyClicks(dialog.ui.newConfirmEdit, NEW_PASSPHRASE)
    dialog.ui.replaceAnywayCheck.setChecked(True)  # the records were written after it (real time)
    qtbot.mouseClick(dialog.ui.restoreButton, Qt.MouseButton.LeftButton)
    assert "earlier restore" in dialog.ui.messageLabel.text()
    assert context.unlocked  # nothing was done


# -- import ----------------------------------------------------------------------------------

ADDRESS_BOOK = """\
BEGIN:VCARD
VERSION:3.0
FN:Salih Haddad
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:Mariam Qasim
ORG:Ministry of Water
END:VCARD
BEGIN:VCARD
VERSION:3.0
EMAIL:no-name@example.org
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:Yusuf Demir
END:VCARD
"""


def test_the_import_preview_shows_duplicates_and_invalid_lines_and_imports_on_request(
    qtbot: QtBot, actions: BackupActions, context: AppContext, tmp_path: Path, clock: FakeClock
) -> None:
    actors.create_actor(context.vault, actors.NewActor("Sálih Haddad"), now=clock())
    book = tmp_path / "contacts.vcf"
    book.write_text(ADDRESS_BOOK, encoding="utf-8")
    kinds: set[Kind] = set()
    context.changed.connect(lambda changes, _initiator: kinds.update(changes.kinds))
    actions.import_action.trigger()
    dialog = actions.dialog
    assert isinstance(dialog, ImportDialog)
    dialog.ui.fileEdit.setText(str(book))
    run(qtbot, dialog, dialog.ui.previewButton)

    model = dialog.model
    rows = [
        tuple(
            str(model.index(r, c).data()).replace("\u2068", "").replace("\u2069", "")
            for c in range(model.columnCount())
        )
        for r in range(model.rowCount())
    ]
    assert rows == [
        ("1", "Salih Haddad", "likely duplicate of Sálih Haddad"),
        ("5", "Mariam Qasim", "to create"),
        ("10", "", "invalid: this vCard has no name (FN or N)"),
        ("14", "Yusuf Demir", "to create"),
    ]
    summary = dialog.ui.summaryLabel.text()
    assert "2 new actors" in summary
    assert "1 likely duplicate" in summary
    assert "1 invalid entry" in summary
    # All or nothing by default: an invalid entry stops the import until it is skipped.
    assert not dialog.ui.importButton.isEnabled()
    dialog.ui.skipInvalidCheck.setChecked(True)
    dialog.ui.skipDuplicatesCheck.setChecked(True)
    assert dialog.ui.importButton.isEnabled()

    run(qtbot, dialog, dialog.ui.importButton)
    assert dialog.created is not None
    assert len(dialog.created) == 2
    assert "Imported 2 actors" in dialog.ui.resultLabel.text()
    assert Kind.ACTOR in kinds
    assert inventory.counts(context.vault)["actors"] == 4  # Layla, Sálih, Mariam, Yusuf
    assert not dialog.ui.importButton.isEnabled()  # the same plan is not imported twice


def test_an_unreadable_address_book_is_reported_calmly(
    qtbot: QtBot, actions: BackupActions, tmp_path: Path
) -> None:
    actions.import_action.trigger()
    dialog = actions.dialog
    assert isinstance(dialog, ImportDialog)
    dialog.ui.fileEdit.setText(str(tmp_path / "missing.vcf"))
    run(qtbot, dialog, dialog.ui.previewButton)
    assert "no file" in dialog.ui.messageLabel.text()
    assert dialog.model.rowCount() == 0
    assert not dialog.ui.importButton.isEnabled()


# -- export ----------------------------------------------------------------------------------


def test_a_plaintext_export_is_refused_until_the_warning_is_confirmed(
    qtbot: QtBot, actions: BackupActions, tmp_path: Path
) -> None:
    actions.export_action.trigger()
    dialog = actions.dialog
    assert isinstance(dialog, ExportDialog)
    qtbot.waitExposed(dialog)
    # The default is the redacted export, which explains what it drops.
    assert dialog.fmt == "redacted"
    assert "codename" in dialog.ui.formatHelpLabel.text()
    assert "dropped" in dialog.ui.formatHelpLabel.text()
    assert not dialog.ui.warningLabel.isVisible()
    assert not dialog.ui.confirmCheck.isVisible()

    target = tmp_path / "everything.json"
    dialog.select_format("json")
    dialog.ui.fileEdit.setText(str(target))
    assert dialog.ui.warningLabel.isVisible()
    assert "not encrypted" in dialog.ui.warningLabel.text()
    assert not dialog.ui.exportButton.isEnabled()
    qtbot.mouseClick(dialog.ui.exportButton, Qt.MouseButton.LeftButton)
    assert not target.exists()

    dialog.ui.confirmCheck.setChecked(True)
    dialog.select_format("csv")  # another clear format is confirmed on its own
    assert not dialog.ui.confirmCheck.isChecked()
    assert not dialog.ui.exportButton.isEnabled()
    assert dialog.ui.fileEdit.text() == str(tmp_path / "everything.csv")
    dialog.ui.confirmCheck.setChecked(True)
    assert dialog.ui.exportButton.isEnabled()
    run(qtbot, dialog, dialog.ui.exportButton)
    assert (tmp_path / "everything.csv").is_file()
    assert "Layla Haddad" in (tmp_path / "everything.csv").read_text(encoding="utf-8-sig")
    assert "not encrypted" in dialog.ui.resultLabel.text()


def test_a_redacted_export_needs_no_confirmation(
    qtbot: QtBot, actions: BackupActions, tmp_path: Path
) -> None:
    actions.export_action.trigger()
    dialog = actions.dialog
    assert isinstance(dialog, ExportDialog)
    target = tmp_path / "for-funders.json"
    dialog.ui.fileEdit.setText(str(target))
    assert dialog.ui.exportButton.isEnabled()
    run(qtbot, dialog, dialog.ui.exportButton)
    text = target.read_text(encoding="utf-8")
    assert "contactkeeper-redacted-export" in text
    assert "Layla Haddad" not in text


# -- the actions -----------------------------------------------------------------------------


def test_the_actions_are_off_while_the_vault_is_locked_and_its_dialog_closes(
    qtbot: QtBot, actions: BackupActions, context: AppContext
) -> None:
    assert all(action.isEnabled() for action in actions.actions)
    assert actions.back_up_action.shortcut().toString() == "Ctrl+B"
    actions.back_up_action.trigger()
    dialog = actions.dialog
    assert isinstance(dialog, BackupDialog)
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.ui.passphraseEdit, BACKUP_PASSPHRASE)
    context.lock()
    assert not dialog.isVisible()
    assert dialog.ui.passphraseEdit.text() == ""
    assert not any(action.isEnabled() for action in actions.actions)


def test_sizes_and_counts_read_as_words() -> None:
    assert size_text(512) == "512 bytes"
    assert size_text(320 * 1024) == "320 KB"
    assert size_text(int(4.2 * 1024 * 1024)) == "4.2 MB"
    counts = {"actors": 2, "processes": 1, "readiness cues": 1, "follow-ups": 0}
    assert counts_text(counts) == "2 actors, 1 process, 1 readiness cue"
    assert counts_text({"actors": 0}) == "no records"


def test_a_malformed_public_key_is_refused_calmly_and_nothing_is_written(
    qtbot: QtBot, actions: BackupActions, tmp_path: Path
) -> None:
    actions.back_up_action.trigger()
    dialog = actions.dialog
    assert isinstance(dialog, BackupDialog)
    folder = stick(tmp_path)
    dialog.ui.folderEdit.setText(str(folder))
    dialog.ui.keysRadio.setChecked(True)
    dialog.ui.recipientsEdit.setPlainText("ssh-rsa AAAAB3Nza")
    run(qtbot, dialog, dialog.ui.startButton)
    assert "not an age public key" in dialog.ui.messageLabel.text()
    assert list(folder.iterdir()) == []
    assert dialog.ui.startButton.isEnabled()  # correct the key and try again


def test_ctrl_b_opens_the_backup_dialog(qtbot: QtBot, actions: BackupActions) -> None:
    window = actions.parent_widget
    window.windowHandle().requestActivate()  # so that shortcuts work offscreen
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(actions.dialog, BackupDialog)
    assert actions.dialog.isVisible()
