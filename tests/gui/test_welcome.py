"""Start and unlock: a new user creates a vault, a returning one unlocks it, anyone can try
the demo. Real vaults on disk (cheap key derivation), real widgets offscreen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from contactkeeper.errors import WrongPassphrase
from contactkeeper.gui.views.welcome import passphrase_strength
from contactkeeper.vault import Vault, is_vault
from tests.conftest import FAST_KDF, PASSPHRASE, FakeClock
from tests.gui.shell_helpers import OPEN_TIMEOUT_MS, file_digests, make_window, settings_in


@pytest.fixture
def existing_vault(tmp_path: Path) -> Path:
    """A vault made earlier (and closed), remembered in this test's settings."""
    path = tmp_path / "field-notes"
    Vault.create(path, PASSPHRASE, kdf=FAST_KDF).close()
    settings_in(tmp_path).remember_vault(path)
    return path


def test_with_no_vault_the_welcome_screen_offers_create_open_and_demo(
    qtbot, tmp_path: Path, clock: FakeClock
) -> None:
    window, context, _ = make_window(qtbot, tmp_path, clock)
    ui = window.start.welcome.ui
    assert window.start.currentWidget() is window.start.welcome
    assert [b.text() for b in (ui.createButton, ui.openButton, ui.demoButton)] == [
        "&Create a vault…",
        "&Open a vault…",
        "&Explore the demo",
    ]
    assert not context.unlocked


def test_a_new_user_creates_a_vault_from_the_keyboard(
    qtbot, tmp_path: Path, clock: FakeClock
) -> None:
    window, context, settings = make_window(qtbot, tmp_path, clock)
    qtbot.keyClick(window.start.welcome.ui.createButton, Qt.Key.Key_Space)
    ui = window.start.create_page.ui
    assert window.start.currentWidget() is window.start.create_page
    assert ui.locationEdit.text() == str(tmp_path / "default-vault")
    target = tmp_path / "my-vault"
    ui.locationEdit.selectAll()
    qtbot.keyClicks(ui.locationEdit, str(target))
    qtbot.keyClick(ui.locationEdit, Qt.Key.Key_Return)
    assert ui.passphraseEdit.hasFocus()
    qtbot.keyClicks(ui.passphraseEdit, PASSPHRASE)
    qtbot.keyClick(ui.passphraseEdit, Qt.Key.Key_Return)
    assert not target.exists()  # nothing is written until confirmed
    qtbot.keyClicks(ui.confirmEdit, PASSPHRASE)
    with qtbot.waitSignal(context.vault_opened, timeout=OPEN_TIMEOUT_MS):
        qtbot.keyClick(ui.confirmEdit, Qt.Key.Key_Return)
    assert is_vault(target)
    assert window.screens.currentWidget() is window.workspace
    assert settings.recent_vaults() == [target]
    assert PASSPHRASE not in (tmp_path / "settings.ini").read_text()
    assert ui.passphraseEdit.text() == ""
    assert ui.confirmEdit.text() == ""


def test_mismatched_passphrases_are_refused_and_nothing_is_written(
    qtbot, tmp_path: Path, clock: FakeClock
) -> None:
    window, context, _ = make_window(qtbot, tmp_path, clock)
    window.start.show_create()
    ui = window.start.create_page.ui
    qtbot.keyClicks(ui.passphraseEdit, PASSPHRASE)
    qtbot.keyClicks(ui.confirmEdit, "correct horse battery stapel")
    assert ui.adviceLabel.text() == "The two passphrases differ."
    qtbot.keyClick(ui.confirmEdit, Qt.Key.Key_Return)
    # Said once, on the advice line, now a warning (not again under it).
    assert ui.adviceLabel.text() == "The two passphrases differ. Type the same one twice."
    assert ui.adviceLabel.property("warning") is True
    assert ui.messageLabel.text() == ""
    assert not (tmp_path / "default-vault").exists()
    assert not context.unlocked
    assert QApplication.activeModalWidget() is None  # said in place, no dialog


def test_a_short_passphrase_is_refused_with_advice(qtbot, tmp_path: Path, clock: FakeClock) -> None:
    window, _, _ = make_window(qtbot, tmp_path, clock)
    window.start.show_create()
    ui = window.start.create_page.ui
    qtbot.keyClicks(ui.passphraseEdit, "kiwi")
    assert ui.strengthBar.format() == "weak"
    assert "at least 8 characters" in ui.adviceLabel.text()
    qtbot.keyClicks(ui.confirmEdit, "kiwi")
    qtbot.keyClick(ui.confirmEdit, Qt.Key.Key_Return)
    assert "at least 8 characters" in ui.adviceLabel.text()
    assert ui.adviceLabel.property("warning") is True
    assert ui.messageLabel.text() == ""
    assert not (tmp_path / "default-vault").exists()


def test_creating_a_vault_in_a_folder_that_holds_files_is_refused_and_touches_nothing(
    qtbot, tmp_path: Path, clock: FakeClock
) -> None:
    window, context, settings = make_window(qtbot, tmp_path, clock)
    papers = tmp_path / "papers"
    papers.mkdir()
    (papers / "minutes.txt").write_text("minutes of the last round")
    before = file_digests(papers)
    window.start.show_create()
    ui = window.start.create_page.ui
    ui.locationEdit.setText(str(papers))
    qtbot.keyClicks(ui.passphraseEdit, PASSPHRASE)
    qtbot.keyClicks(ui.confirmEdit, PASSPHRASE)
    with qtbot.waitSignal(window.start.failed, timeout=OPEN_TIMEOUT_MS):
        qtbot.keyClick(ui.confirmEdit, Qt.Key.Key_Return)
    assert "already holds a vault or other files" in ui.messageLabel.text()
    assert file_digests(papers) == before
    assert not context.unlocked
    assert settings.recent_vaults() == []
    assert window.start.create_page.isEnabled()


def test_the_suggested_folder_is_never_one_already_in_use(
    qtbot, tmp_path: Path, clock: FakeClock
) -> None:
    for name in ("default-vault", "default-vault-2"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "notes.txt").write_text("in use")
    window, _, _ = make_window(qtbot, tmp_path, clock)
    window.start.show_create()
    assert window.start.create_page.ui.locationEdit.text() == str(tmp_path / "default-vault-3")


def test_the_strength_meter_grows_with_length() -> None:
    scores = [passphrase_strength(p)[0] for p in ("abc", "tangerine", PASSPHRASE + " again")]
    assert scores == sorted(scores)
    assert scores[-1] >= 90


def test_a_known_vault_opens_on_the_unlock_screen_with_the_field_focused(
    qtbot, tmp_path: Path, clock: FakeClock, existing_vault: Path
) -> None:
    window, _, _ = make_window(qtbot, tmp_path, clock)
    ui = window.start.unlock_page.ui
    assert window.start.currentWidget() is window.start.unlock_page
    # The whole path, elided in the middle if it is long.
    assert ui.vaultLabel.toolTip() == str(existing_vault)
    assert ui.vaultLabel.text().startswith("Vault: /")
    assert ui.vaultLabel.text().endswith("field-notes")
    window.activateWindow()
    qtbot.waitUntil(ui.passphraseEdit.hasFocus)


def test_a_wrong_passphrase_says_so_under_the_field_and_changes_no_file(
    qtbot, tmp_path: Path, clock: FakeClock, existing_vault: Path
) -> None:
    before = file_digests(existing_vault)
    window, context, _ = make_window(qtbot, tmp_path, clock)
    ui = window.start.unlock_page.ui
    qtbot.keyClicks(ui.passphraseEdit, "correct horse battery stable")
    with qtbot.waitSignal(window.start.failed, timeout=OPEN_TIMEOUT_MS):
        qtbot.keyClick(ui.passphraseEdit, Qt.Key.Key_Return)
        # The key derivation runs off the UI thread: meanwhile a busy bar, no second try.
        assert ui.busyBar.isVisible()
        assert not window.start.unlock_page.isEnabled()
    assert not ui.busyBar.isVisible()
    assert ui.messageLabel.text() == WrongPassphrase().message
    assert not context.unlocked
    assert window.start.currentWidget() is window.start.unlock_page
    assert QApplication.activeModalWidget() is None
    assert file_digests(existing_vault) == before
    # The field is ready for another try, and the right passphrase opens the vault.
    assert ui.passphraseEdit.selectedText() == "correct horse battery stable"
    qtbot.keyClicks(ui.passphraseEdit, PASSPHRASE)
    with qtbot.waitSignal(context.vault_opened, timeout=OPEN_TIMEOUT_MS):
        qtbot.keyClick(ui.passphraseEdit, Qt.Key.Key_Return)
    assert window.screens.currentWidget() is window.workspace
    assert ui.messageLabel.text() == ""


def test_recent_vaults_are_listed_by_folder_name_only(
    qtbot, tmp_path: Path, clock: FakeClock, existing_vault: Path
) -> None:
    other = tmp_path / "travel"
    Vault.create(other, PASSPHRASE, kdf=FAST_KDF).close()
    settings_in(tmp_path).remember_vault(other)
    window, _, _ = make_window(qtbot, tmp_path, clock)
    recent = window.start.unlock_page.ui.recentList
    assert [recent.item(i).text() for i in range(recent.count())] == ["travel", "field-notes"]
    qtbot.mouseClick(
        recent.viewport(),
        Qt.MouseButton.LeftButton,
        pos=recent.visualRect(recent.model().index(1, 0)).center(),
    )
    assert window.start.unlock_page.path == existing_vault
    assert window.start.unlock_page.ui.vaultLabel.toolTip() == str(existing_vault)


def test_opening_a_folder_that_is_not_a_vault_says_so_calmly(
    qtbot, tmp_path: Path, clock: FakeClock
) -> None:
    window, _, _ = make_window(qtbot, tmp_path, clock)
    holiday = tmp_path / "holiday-photos"
    holiday.mkdir()
    assert not window.start.open_vault_at(holiday)
    message = window.start.welcome.ui.messageLabel.text()
    assert "is not a ContactKeeper vault" in message
    assert "vault.key" in message
    assert list(holiday.iterdir()) == []
    assert QApplication.activeModalWidget() is None


def test_the_demo_opens_labelled_demo_and_is_gone_once_locked(
    qtbot, tmp_path: Path, clock: FakeClock
) -> None:
    window, context, settings = make_window(qtbot, tmp_path, clock)
    with qtbot.waitSignal(context.vault_opened, timeout=OPEN_TIMEOUT_MS):
        qtbot.mouseClick(window.start.welcome.ui.demoButton, Qt.MouseButton.LeftButton)
    assert context.demo
    assert "DEMO" in window.windowTitle()
    assert window.workspace.demo_banner.isVisible()
    assert "DEMO" in window.workspace.demo_banner.text()
    demo_folder = window.start.demo_path
    assert demo_folder is not None
    assert demo_folder.parent == tmp_path / "demo"
    assert oct(demo_folder.stat().st_mode & 0o777) == "0o700"
    assert settings.recent_vaults() == []  # a demo is not a vault to come back to
    assert window.workspace.today.going_cold.model.rowCount() > 0
    context.lock()
    assert not demo_folder.exists()
    assert window.start.currentWidget() is window.start.welcome
    assert "DEMO" not in window.windowTitle()


def test_several_wrong_passphrases_in_a_row_make_the_next_try_wait(
    qtbot, tmp_path: Path, clock: FakeClock, existing_vault: Path
) -> None:
    window, context, _ = make_window(qtbot, tmp_path, clock)
    ui = window.start.unlock_page.ui

    def attempt(passphrase: str) -> None:
        ui.passphraseEdit.setText(passphrase)
        with qtbot.waitSignal(window.start.failed, timeout=OPEN_TIMEOUT_MS):
            qtbot.keyClick(ui.passphraseEdit, Qt.Key.Key_Return)

    for _ in range(3):  # typing mistakes happen: the first few cost nothing more
        attempt("correct horse battery stable")
        assert ui.messageLabel.text() == WrongPassphrase().message
    attempt("correct horse battery stable")
    assert "Wait 2 seconds before trying again" in ui.messageLabel.text()
    countdown = window.start.countdown
    assert countdown.isVisible()
    assert countdown.text() == "Try again in 2 s"
    # Too early: the field and the button are off; even called directly, nothing is tried.
    assert not ui.passphraseEdit.isEnabled()
    assert not ui.unlockButton.isEnabled()
    ui.passphraseEdit.setText(PASSPHRASE)
    window.start.unlock()
    assert not window.start.busy
    assert not context.unlocked
    assert "before trying again" in ui.messageLabel.text()
    clock.advance(seconds=2)
    countdown.refresh()  # what its timer does a few times a second
    assert not countdown.isVisible()
    assert ui.passphraseEdit.isEnabled()
    assert ui.messageLabel.text() == "You may try again now."
    with qtbot.waitSignal(context.vault_opened, timeout=OPEN_TIMEOUT_MS):
        qtbot.keyClick(ui.passphraseEdit, Qt.Key.Key_Return)
    assert window.start.throttle.failures == 0
