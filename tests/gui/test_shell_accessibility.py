"""Every control of the start screens, Today and Actors can be named by a screen reader."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from contactkeeper.gui.views.actors import NewActorDialog
from tests.conftest import FakeClock
from tests.gui.shell_helpers import make_window

CONTROLS = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractItemView,
    QAbstractSpinBox,
    QPlainTextEdit,
)


def _part_of_another_control(widget: QWidget) -> bool:
    """Qt's own inner widgets: a spin box's editor, a combo's list, a line edit's buttons,
    a table's corner button. They are named through the control they belong to."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, (QComboBox, QAbstractSpinBox, QLineEdit, QAbstractItemView)):
            return True
        parent = parent.parentWidget()
    return False


def _unnamed(root: QWidget) -> list[str]:
    buddies = {id(label.buddy()) for label in root.findChildren(QLabel) if label.buddy()}
    missing = []
    for control in root.findChildren(QWidget):
        if not isinstance(control, CONTROLS) or _part_of_another_control(control):
            continue
        if control.accessibleName() or id(control) in buddies:
            continue
        if isinstance(control, QAbstractButton) and control.text().replace("&", "").strip():
            continue
        missing.append(f"{type(control).__name__} {control.objectName()!r}")
    return missing


def test_start_screens_today_and_actors_name_every_control(
    qtbot, tmp_path: Path, clock: FakeClock
) -> None:
    window, _, _ = make_window(qtbot, tmp_path, clock)
    workspace = window.workspace
    for root in (window.start, workspace.today, workspace.actors):
        assert _unnamed(root) == [], type(root).__name__
    top_bar = [workspace.search, workspace.lock_button, workspace.sidebar]
    assert [w.accessibleName() for w in top_bar] == [
        "Search everything",
        "Lock the vault",
        "Sections",
    ]


def test_the_new_actor_form_names_every_field(qtbot, context) -> None:
    dialog = NewActorDialog(context)
    qtbot.addWidget(dialog)
    assert _unnamed(dialog) == []
