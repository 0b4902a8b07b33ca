"""Merging two actors from the Possible duplicates view: only the fields where they differ
are offered, the user chooses whose value to keep, the kept actor's page opens, the other is
gone from the list and from search, and Ctrl+Z brings both back with their records."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from contactkeeper.errors import RecordNotFound
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.dialogs.merge import ChooseOtherDialog, MergeDialog
from contactkeeper.gui.main_window import MainWindow
from contactkeeper.i18n import isolate
from contactkeeper.records import actors, channels, search, trash
from contactkeeper.records.actors import NewActor
from contactkeeper.vault import Vault
from contactkeeper.vault.model import ChannelKind, Sensitivity
from tests.conftest import FakeClock
from tests.gui.shell_helpers import make_window

DUPLICATES_SECTION = 7


def _exists(context: AppContext, actor_id: int) -> bool:
    try:
        actors.get_actor(context.vault, actor_id, context.now())
    except RecordNotFound:
        return False
    return True


def _found(context: AppContext, words: str) -> list[int]:
    return [h.id for h in search.search(context.vault, words, kinds=("actor",))]


def _open_merge(qtbot: QtBot, window: MainWindow) -> MergeDialog:
    workspace = window.workspace
    workspace.show_section(DUPLICATES_SECTION)
    view = workspace.duplicates
    qtbot.waitUntil(lambda: view.loaded and view.model.rowCount() == 1)
    assert not view.merge_button.isEnabled()  # no pair chosen yet
    view.table.selectRow(0)
    qtbot.mouseClick(view.merge_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert isinstance(dialog, MergeDialog)
    qtbot.waitExposed(dialog)
    return dialog


def test_merge_a_pair_choosing_the_others_name_then_undo_it(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock, vault: Vault
) -> None:
    window, context, _ = make_window(qtbot, tmp_path, clock)
    kept = actors.create_actor(vault, NewActor("Muhammad Abbas", country="Lebanon"), clock()).id
    other = actors.create_actor(
        vault, NewActor("محمد عباس", name_variants=("Abu Karim",), country="Lebanon"), clock()
    ).id
    channels.add_channel(vault, other, clock(), kind=ChannelKind.PHONE, label="+961 1 234 567")
    context.open(vault)

    dialog = _open_merge(qtbot, window)
    # Only where the two differ: the names and codenames, not the country they share.
    assert set(dialog.groups) == {"display_name", "codename"}
    assert "1 channel" in dialog.summary.text()
    assert "2 names" in dialog.summary.text()
    dialog.groups["display_name"].button(other).click()
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)

    workspace = window.workspace
    assert not dialog.isVisible()
    assert workspace.current_view() is workspace.actor_page
    assert workspace.actor_page.actor_id == kept
    assert workspace.actor_page.name_label.text() == "محمد عباس"
    assert not _exists(context, other)
    assert _found(context, "Abu Karim") == [kept]
    assert _found(context, "Muhammad") == [kept]  # the former name is a variant now
    assert len(channels.list_channels(vault, kept, clock())) == 1
    workspace.show_section(1)
    qtbot.waitUntil(lambda: workspace.actors.model.rowCount() == 1)
    assert window.undo_notice.label.text() == f"Merged actor “{isolate('محمد عباس')}”."

    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)

    assert _exists(context, other)
    assert actors.get_actor(vault, kept, clock()).display_name == "Muhammad Abbas"
    assert actors.get_actor(vault, other, clock()).display_name == "محمد عباس"
    assert len(channels.list_channels(vault, other, clock())) == 1
    assert channels.list_channels(vault, kept, clock()) == []
    assert _found(context, "Abu Karim") == [other]
    qtbot.waitUntil(lambda: workspace.actors.model.rowCount() == 2)


def test_a_high_risk_actors_identifying_fields_stay_hidden(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock, vault: Vault
) -> None:
    window, context, _ = make_window(qtbot, tmp_path, clock)
    actors.create_actor(vault, NewActor("Omar Farouk", country="Jordan"), clock())
    hidden = actors.create_actor(
        vault,
        NewActor("Umar Faruq", country="Syria", sensitivity=Sensitivity.HIGH_RISK),
        clock(),
    )
    context.open(vault)

    dialog = _open_merge(qtbot, window)
    texts = [b.text() for g in dialog.groups.values() for b in g.buttons()]
    shown = " ".join([*texts, dialog.summary.text(), dialog.windowTitle()])
    assert "Umar" not in shown
    assert "Syria" not in shown
    assert hidden.codename in texts
    assert "Jordan" in texts
    dialog.reject()


def test_merge_with_another_actor_from_the_actor_page(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock, vault: Vault
) -> None:
    window, context, _ = make_window(qtbot, tmp_path, clock)
    kept = actors.create_actor(vault, NewActor("Layla Haddad"), clock()).id
    other = actors.create_actor(vault, NewActor("L. Haddad", country="Lebanon"), clock()).id
    context.open(vault)
    workspace = window.workspace
    workspace.show_actor(kept)
    page = workspace.actor_page

    qtbot.mouseClick(page.merge_button, Qt.MouseButton.LeftButton)
    chooser = page.dialog
    assert isinstance(chooser, ChooseOtherDialog)
    assert not chooser.next_button.isEnabled()
    chooser.choice.choose(kept, "Layla Haddad")  # the page's own actor: refused
    assert not chooser.next_button.isEnabled()
    chooser.choice.choose(other, "L. Haddad")
    qtbot.mouseClick(chooser.next_button, Qt.MouseButton.LeftButton)
    dialog = chooser.merge_dialog
    assert isinstance(dialog, MergeDialog)
    qtbot.waitExposed(dialog)
    dialog.groups["country"].button(other).click()
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)

    assert not _exists(context, other)
    detail = actors.get_actor(vault, kept, clock())
    assert (detail.display_name, detail.country) == ("Layla Haddad", "Lebanon")
    assert page.actor_id == kept
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _exists(context, other)
    assert actors.get_actor(vault, kept, clock()).country == ""


def test_privacy_mode_shows_codenames_and_hides_notes(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock, vault: Vault
) -> None:
    window, context, _ = make_window(qtbot, tmp_path, clock)
    kept = actors.create_actor(vault, NewActor("Yitzhak Levi", notes="Knesset aide."), clock())
    other = actors.create_actor(vault, NewActor("יצחק לוי", notes="Met in Haifa."), clock())
    context.open(vault)
    context.set_privacy(True)

    dialog = _open_merge(qtbot, window)
    texts = [b.text() for g in dialog.groups.values() for b in g.buttons()]
    shown = " ".join([*texts, dialog.summary.text(), dialog.merge_button.text()])
    for secret in ("Yitzhak", "יצחק", "Knesset", "Haifa"):
        assert secret not in shown
    assert {kept.codename, other.codename} <= set(texts)
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    # The trash, where the other waits for an undo, names them by codename too.
    assert [e.label for e in trash.entries(vault)] == [f"{other.codename} (merged)"]
