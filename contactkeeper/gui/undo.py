"""Delete with undo: pages discard records here, Ctrl+Z restores the last one.

One controller per application: the main window makes it (``UndoController(context,
window)``) and pages find it with ``UndoController.for_context(context)`` when they delete
(one is made if none exists), so every page deletes through the same undo history. Deleting asks
first (``confirm``, replaceable in tests), moves the record and all that goes with it to the
trash (``trash.discard``), and ``undo()`` puts the last one back (``trash.restore``). Both
write inside ``context.writing(controller)``, so every view hears what came and went. A page
that changes a record in a dialog may also ``remember_change`` with a way to change it back.

``UndoKey`` makes Ctrl+Z reach the window's undo action even when a text field has the
keyboard, unless that field has typing of its own to undo.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from contactkeeper.errors import ContactKeeperError
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.presentation import Confirm, ask
from contactkeeper.i18n import N_, _, isolate

_ATTRIBUTE = "_contactkeeper_undo"

# The kinds of record as the undo sentences name them ("Deleted {kind} “…”"): the values of
# contactkeeper.vault.changes.Kind, spelt out so that the undo machinery (made with the first
# window) does not load SQLAlchemy with that module.
KIND_NAMES: dict[str, str] = {
    "actor": N_("actor"),
    "organization": N_("organization"),
    "affiliation": N_("affiliation"),
    "process": N_("process"),
    "participant": N_("participant"),
    "channel": N_("channel"),
    "interaction": N_("interaction"),
    "relationship": N_("relationship"),
    "cue kind": N_("cue kind"),
    "readiness cue": N_("readiness cue"),
    "follow-up": N_("follow-up"),
    "event": N_("event"),
    "transfer": N_("transfer"),
    "review": N_("review"),
    "tag": N_("tag"),
    "setting": N_("setting"),
}


def kind_name(kind: str) -> str:
    """A kind of record in words, in the current language."""
    return _(KIND_NAMES[kind]) if kind in KIND_NAMES else kind


@dataclass(frozen=True)
class Wording:
    """How a step is said, in three whole sentences with ``{kind}`` and ``{label}``: the
    menu entry that undoes it, the notice once done, the status once undone."""

    undo: str
    done: str
    undone: str


# Translators: {kind} is a kind of record ("actor", "process"), {label} what it is called.
DELETION = Wording(
    N_("&Undo delete of “{label}”"),
    N_("Deleted {kind} “{label}”."),
    N_("Restored {kind} “{label}”."),
)
# Translators: {kind} is a kind of record ("actor", "process"), {label} what it is called.
CHANGE = Wording(
    N_("&Undo change to “{label}”"),
    N_("Changed {kind} “{label}”."),
    N_("Changed back {kind} “{label}”."),
)
# Translators: {kind} is a kind of record ("actor"), {label} the actor merged away.
MERGE = Wording(
    N_("&Undo merge of “{label}”"),
    N_("Merged {kind} “{label}”."),
    N_("Unmerged {kind} “{label}”."),
)
# Wordings given as three fragments ("merge of", "Merged", "Unmerged"), as whole sentences.
_FRAGMENTS = {("merge of", "Merged", "Unmerged"): MERGE}


def _wording(given: Wording | tuple[str, str, str]) -> Wording:
    if isinstance(given, Wording):
        return given
    known = _FRAGMENTS.get(given)
    if known is not None:
        return known
    verb, done, undone = given
    return Wording(
        f"&Undo {verb} “{{label}}”",
        f"{done} {{kind}} “{{label}}”.",
        f"{undone} {{kind}} “{{label}}”.",
    )


@dataclass(frozen=True)
class _Step:
    """One thing Ctrl+Z can take back: a deletion (its trash entry) or a change."""

    kind: str
    label: str
    trash_id: int | None = None
    revert: Callable[[], object] | None = None
    # How a change is said, when not as a change (CHANGE) or a deletion (DELETION).
    wording: Wording | None = None

    def said(self, which: str, label: str) -> str:
        """The ``which`` sentence of this step (``undo``, ``done``, ``undone``)."""
        wording = self.wording or (DELETION if self.trash_id is not None else CHANGE)
        template = _(getattr(wording, which))
        return template.format(kind=kind_name(self.kind), label=isolate(label))


class UndoController(QObject):
    can_undo = Signal(bool)
    # A record was just deleted or changed: ``last_step_text`` says which (for a notice
    # with an Undo button).
    undoable = Signal()
    # Ctrl+Z (or an Undo button) took the last step back, or tried to.
    undone = Signal()

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent if parent is not None else context)
        self.context = context
        self.confirm: Confirm = ask
        self._history: list[_Step] = []
        context.vault_locked.connect(self._forget)
        context.vault_opened.connect(self._forget)
        # Labels may name people: menus redraw them by the privacy rule.
        context.names_changed.connect(self._relabel)
        # The newest controller is the application's: pages look it up when they delete.
        setattr(context, _ATTRIBUTE, self)

    @classmethod
    def for_context(cls, context: AppContext) -> UndoController:
        """The application's controller (made on first use if the window made none)."""
        found = getattr(context, _ATTRIBUTE, None)
        if isinstance(found, UndoController) and shiboken6.isValid(found):
            return found
        return cls(context)

    def action(self, parent: QWidget) -> QAction:
        """An "Undo delete" action (Ctrl+Z) for a menu or a window, enabled when useful."""
        action = _UndoAction(self, parent)
        parent.addAction(action)
        return action

    @property
    def undo_label(self) -> str:
        """What Ctrl+Z would bring back, for a menu entry ("Undo delete of ..."); labels are
        free text, hidden in privacy mode."""
        return self.context.shown_text(self._history[-1].label) if self._history else ""

    @property
    def undo_text(self) -> str:
        """The menu entry for Ctrl+Z: "&Undo delete of “…”", or "&Undo" with nothing to undo."""
        if not self._history:
            return _("&Undo")
        return self._history[-1].said("undo", self.undo_label)

    @property
    def last_step_text(self) -> str:
        """What was just done, in a sentence: "Deleted actor “Layla Haddad”."."""
        if not self._history:
            return ""
        return self._history[-1].said("done", self.undo_label)

    def discard(self, kind: str, record_id: int, label: str, parent: QWidget | None = None) -> bool:
        """Ask, then move the record to the trash. True when it was deleted.

        ``kind`` is one of ``trash.KINDS`` (a :class:`contactkeeper.vault.changes.Kind`).
        """
        question = _(
            "Delete the {kind} “{label}”?\n\nIt goes to the trash with everything that "
            "belongs to it; Ctrl+Z or the trash brings it back."
        ).format(kind=kind_name(kind), label=isolate(label))
        # Translators: the title of the question "Delete the {kind} “…”?".
        if not self.confirm(parent, _("Delete {kind}").format(kind=kind_name(kind)), question):
            return False
        from contactkeeper.records import trash  # the record services load with a vault

        try:
            with self.context.writing(self):
                entry = trash.discard(
                    self.context.vault, kind, record_id, label, self.context.now()
                )
        except ContactKeeperError as exc:
            self.context.status.emit(exc.message)
            return False
        self._push(_Step(kind, label, trash_id=entry.id))
        return True

    def remember_change(
        self,
        kind: str,
        label: str,
        revert: Callable[[], object],
        wording: Wording | tuple[str, str, str] | None = None,
    ) -> None:
        """A record of ``kind`` was just changed; ``revert`` changes it back (Ctrl+Z).

        ``wording`` says the change otherwise than as a change (:data:`CHANGE`): a merge
        is :data:`MERGE`. (Three fragments, ("merge of", "Merged", "Unmerged"), are still
        understood.)"""
        chosen = None if wording is None else _wording(wording)
        self._push(_Step(kind, label, revert=revert, wording=chosen))

    def _push(self, step: _Step) -> None:
        self._history.append(step)
        self.can_undo.emit(True)
        self.undoable.emit()

    def undo(self) -> bool:
        """Take back the last deletion or change made here. False when there was nothing to
        take back, or it could not be (the status bar says why)."""
        if not self._history:
            return False
        step = self._history.pop()
        self.can_undo.emit(bool(self._history))
        self.undone.emit()
        from contactkeeper.records import trash  # the record services load with a vault

        try:
            with self.context.writing(self):
                if step.trash_id is not None:
                    trash.restore(self.context.vault, step.trash_id)
                elif step.revert is not None:
                    step.revert()
        except ContactKeeperError as exc:
            self.context.status.emit(exc.message)
            return False
        self.context.status.emit(step.said("undone", self.context.shown_text(step.label)))
        return True

    def forget_entry(self, trash_id: int) -> None:
        """The trash dialog restored or emptied this entry: Ctrl+Z must not try it again."""
        self._history = [h for h in self._history if h.trash_id != trash_id]
        self.can_undo.emit(bool(self._history))

    def _relabel(self) -> None:
        self.can_undo.emit(bool(self._history))

    def _forget(self) -> None:
        self._history.clear()
        self.can_undo.emit(False)


class _UndoAction(QAction):
    def __init__(self, controller: UndoController, parent: QWidget) -> None:
        super().__init__(_("&Undo delete"), parent)
        self._controller = controller
        self.setShortcut(QKeySequence.StandardKey.Undo)
        self.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.triggered.connect(controller.undo)
        controller.can_undo.connect(self._update)
        self._update(bool(controller.undo_label))

    @Slot(bool)
    def _update(self, enabled: bool) -> None:
        self.setEnabled(enabled)
        self.setText(self._controller.undo_text)


def has_own_undo(widget: QWidget) -> bool:
    """Whether ``widget`` is a text field with typing of its own that Ctrl+Z would undo."""
    edit: QWidget | None = widget
    if isinstance(widget, QAbstractSpinBox):
        edit = widget.findChild(QLineEdit)
    elif isinstance(widget, QComboBox):
        edit = widget.lineEdit()
    if isinstance(edit, QLineEdit):
        return not edit.isReadOnly() and edit.isUndoAvailable()
    if isinstance(edit, QPlainTextEdit | QTextEdit):
        return not edit.isReadOnly() and edit.document().isUndoAvailable()
    return False


class UndoKey(QObject):
    """Ctrl+Z in ``window`` undoes the last deletion wherever the keyboard is, unless a
    text field has the keyboard and typing of its own to undo.

    Text fields claim Ctrl+Z for themselves even with nothing to undo; this filter, put on
    each text field of the window as it gets the keyboard, lets the key through to the
    window's action instead when the field has nothing to undo.
    """

    TEXT_FIELDS = (QLineEdit, QAbstractSpinBox, QComboBox, QPlainTextEdit, QTextEdit)

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_changed)

    @Slot(QWidget, QWidget)
    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if (
            isinstance(new, self.TEXT_FIELDS)
            and shiboken6.isValid(self.window)
            and new.window() is self.window
        ):
            new.removeEventFilter(self)  # at most once
            new.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Undo)
            and isinstance(watched, QWidget)
            and not has_own_undo(watched)
        ):
            event.ignore()  # not the field's: the window's shortcut takes it
            return True
        return super().eventFilter(watched, event)
