"""The cue catalogue in the desktop: kinds by family with each family's description; add,
rename, retire and bring back; a kind in use is never deleted (the dialog says why and
offers to retire it), an unused one only after a confirmation. Reached from the menu and
from the cue dialog."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidgetItem
from pytestqt.qtbot import QtBot

from contactkeeper.gui.context import AppContext
from contactkeeper.gui.dialogs.cue_catalogue import CueCatalogueDialog
from contactkeeper.gui.dialogs.readiness_settings import ReadinessSettingsDialog
from contactkeeper.gui.dialogs.records import CueDialog
from contactkeeper.gui.main_window import MainWindow
from contactkeeper.records import processes, readiness
from contactkeeper.records.cue_catalogue import CatalogueKind
from contactkeeper.records.readiness import NewCue
from contactkeeper.vault.model import Dimension, Direction
from tests.gui.shell_helpers import settings_in
from tests.gui.window_helpers import show_active


class Answers:
    """The confirmation questions asked, answered as the test says."""

    def __init__(self, answer: bool) -> None:
        self.answer = answer
        self.asked: list[str] = []

    def __call__(self, _parent: object, title: str, text: str) -> bool:
        self.asked.append(f"{title} {text}")
        return self.answer


def _catalogue(context: AppContext, qtbot: QtBot, answer: bool = True) -> CueCatalogueDialog:
    dialog = CueCatalogueDialog(context, None, confirm=Answers(answer))
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    return dialog


def _families(dialog: CueCatalogueDialog) -> dict[str, QTreeWidgetItem]:
    tree = dialog.tree
    return {
        tree.topLevelItem(i).text(0): tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
    }


def _select(dialog: CueCatalogueDialog, label: str) -> CatalogueKind:
    for head in _families(dialog).values():
        for row in range(head.childCount()):
            item = head.child(row)
            if item.text(0).strip("\u2068").replace("\u2069 (retired)", "") == label:
                dialog.tree.setCurrentItem(item)
                chosen = dialog.current()
                assert chosen is not None
                return chosen
    raise AssertionError(f"{label} is not listed")


def _kind(context: AppContext, key: str) -> readiness.CueKindInfo:
    return next(k for k in readiness.cue_kinds(context.vault) if k.key == key)


def test_kinds_are_listed_by_family_with_each_familys_description(
    context: AppContext, qtbot: QtBot
) -> None:
    dialog = _catalogue(context, qtbot)
    families = _families(dialog)
    assert "Perceived hurting stalemate" in families
    assert "Counter-cues" in families
    stalemate = families["Perceived hurting stalemate"]
    assert "cannot win" in stalemate.toolTip(0)
    dialog.tree.setCurrentItem(stalemate)
    assert "cannot win" in dialog.about.text()  # the description, in words, when selected
    hardening = _kind(context, "hardening")
    chosen = _select(dialog, hardening.label)
    assert dialog.tree.currentItem().text(2) == "away from talks"
    assert dialog.tree.currentItem().text(3) == "0"
    assert chosen.kind.description in dialog.about.text()


def test_a_kind_is_added_to_a_family_and_offered_in_the_cue_dialog(
    context: AppContext, qtbot: QtBot
) -> None:
    dialog = _catalogue(context, qtbot)
    dialog.tree.setCurrentItem(_families(dialog)["Way out perceived"])
    adding = dialog.add_kind()
    assert adding.family.currentText() == "Way out perceived"  # the family selected
    qtbot.keyClicks(adding.label, "Commanders ask about an amnesty")
    adding.dimension.setCurrentIndex(adding.dimension.findData(Dimension.OPTIMISM.value))
    qtbot.keyClicks(adding.description, "Fighters' leaders sound out their future")
    with qtbot.waitSignal(context.changed):
        qtbot.mouseClick(adding.save_button, Qt.MouseButton.LeftButton)
    [added] = [k for k in readiness.cue_kinds(context.vault) if k.label.startswith("Commanders")]
    assert added.family == "way-out"
    assert added.dimension is Dimension.OPTIMISM
    assert added.usual_direction is Direction.TOWARD
    chosen = dialog.current()  # the new kind is selected, under its family
    assert chosen is not None
    assert chosen.kind.id == added.id
    assert dialog.tree.currentItem().parent().text(0) == "Way out perceived"
    cue = CueDialog(context, None)
    qtbot.addWidget(cue)
    assert cue.kind.findData(added.id) >= 0


def test_a_kind_is_renamed_and_its_cues_follow(context: AppContext, qtbot: QtBot) -> None:
    hardening = _kind(context, "hardening")
    talks = processes.create_process(context.vault, "Highland talks").id
    cue = readiness.record_cue(
        context.vault, NewCue(hardening.id, date(2026, 5, 1), process_id=talks)
    )
    dialog = _catalogue(context, qtbot)
    _select(dialog, hardening.label)
    dialog.rename("Leaders harden in public")
    assert readiness.get_cue(context.vault, cue.id).kind_label == "Leaders harden in public"
    assert dialog.tree.currentItem().text(0) == "Leaders harden in public"
    # A label another kind has already is refused, calmly, in place.
    way_out = _kind(context, "way-out")
    dialog.rename(way_out.label)
    assert "already in the catalogue" in dialog.message.text()


def test_a_kind_in_use_is_retired_instead_of_deleted_and_brought_back(
    context: AppContext, qtbot: QtBot
) -> None:
    hardening = _kind(context, "hardening")
    talks = processes.create_process(context.vault, "Highland talks").id
    readiness.record_cue(context.vault, NewCue(hardening.id, date(2026, 5, 1), process_id=talks))
    dialog = _catalogue(context, qtbot, answer=True)
    _select(dialog, hardening.label)
    assert dialog.tree.currentItem().text(3) == "1"
    dialog.delete_button.click()
    [question] = dialog.confirm.asked  # type: ignore[attr-defined]
    assert "used by 1 cue, so it cannot be deleted" in question
    assert "Retire it now?" in question
    assert hardening.id in [k.id for k in readiness.cue_kinds(context.vault)]  # never deleted
    kept = _select(dialog, hardening.label)
    assert kept.kind.retired
    assert dialog.tree.currentItem().text(0) == f"\u2068{hardening.label}\u2069 (retired)"
    assert dialog.retire_button.text() == "B&ring back"
    cue_dialog = CueDialog(context, talks)
    qtbot.addWidget(cue_dialog)
    assert cue_dialog.kind.findData(hardening.id) == -1  # not offered for new cues
    dialog.retire_button.click()
    assert not _select(dialog, hardening.label).kind.retired


def test_an_unused_kind_is_deleted_only_after_a_confirmation(
    context: AppContext, qtbot: QtBot
) -> None:
    added = readiness.add_cue_kind(context.vault, "Ceasefire violations drop", Direction.TOWARD)
    dialog = _catalogue(context, qtbot, answer=False)
    _select(dialog, added.label)
    dialog.delete_button.click()
    assert "No cue is recorded under it" in dialog.confirm.asked[0]  # type: ignore[attr-defined]
    assert added.id in [k.id for k in readiness.cue_kinds(context.vault)]  # answered No
    dialog.confirm = Answers(True)
    _select(dialog, added.label)
    with qtbot.waitSignal(context.changed):
        dialog.delete_button.click()
    assert added.id not in [k.id for k in readiness.cue_kinds(context.vault)]
    assert added.label not in [
        dialog.tree.topLevelItem(i).child(j).text(0)
        for i in range(dialog.tree.topLevelItemCount())
        for j in range(dialog.tree.topLevelItem(i).childCount())
    ]


def test_the_cue_dialog_opens_the_catalogue_and_offers_what_was_added(
    context: AppContext, qtbot: QtBot
) -> None:
    cue = CueDialog(context, None)
    qtbot.addWidget(cue)
    show_active(qtbot, cue)
    catalogue = cue.show_catalogue()
    assert isinstance(catalogue, CueCatalogueDialog)
    adding = catalogue.add_kind()
    qtbot.keyClicks(adding.label, "Diaspora funds dry up")
    qtbot.mouseClick(adding.save_button, Qt.MouseButton.LeftButton)
    catalogue.reject()
    [added] = [k for k in readiness.cue_kinds(context.vault) if k.label == "Diaspora funds dry up"]
    assert cue.kind.findData(added.id) >= 0


def test_the_file_menu_opens_the_catalogue_and_the_readiness_settings(
    context: AppContext, qtbot: QtBot, tmp_path: Path
) -> None:
    window = MainWindow(context, settings_in(tmp_path))
    qtbot.addWidget(window)
    actions = window.readiness_actions
    menu = window.file_menu.actions()
    assert actions.catalogue_action in menu
    assert actions.settings_action in menu
    actions.catalogue_action.trigger()
    assert isinstance(actions.dialog, CueCatalogueDialog)
    actions.dialog.reject()
    actions.settings_action.trigger()
    assert isinstance(actions.dialog, ReadinessSettingsDialog)
    actions.dialog.reject()
    context.lock()
    assert not actions.catalogue_action.isEnabled()
    assert not actions.settings_action.isEnabled()
