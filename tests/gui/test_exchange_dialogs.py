"""File > Exchange, driven through the real dialogs over two real vaults.

Amal and Bruno each have a vault and a window's context. They add each other by pasting
cards (after the fingerprint step), Amal shares a process through the Share dialog, and
Bruno receives the file through the Receive dialog: Cancel writes nothing, Accept writes,
and the same file again is refused with the reason on screen. A conflict is then settled
in the Settle conflicts dialog.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from contactkeeper.exchange.team import colleagues, identity, sharing
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.dialogs.colleagues import ColleaguesDialog
from contactkeeper.gui.dialogs.exchange_actions import ExchangeActions
from contactkeeper.gui.dialogs.receive_bundle import ConflictsDialog, ReceiveDialog
from contactkeeper.gui.dialogs.share_bundle import ShareDialog
from contactkeeper.records import actors, interactions, processes
from contactkeeper.records.actors import NewActor
from contactkeeper.vault import Vault
from contactkeeper.vault.model import Actor, InteractionKind, ParticipationRole
from tests.conftest import FakeClock

WORK_TIMEOUT_MS = 60_000


def _context(vault: Vault, clock: FakeClock) -> AppContext:
    context = AppContext(clock=clock)
    context.open(vault)
    return context


@pytest.fixture
def pair(
    qapp: object, make_vault: Callable[..., Vault], clock: FakeClock
) -> Iterator[tuple[AppContext, AppContext]]:
    amal, bruno = _context(make_vault("amal"), clock), _context(make_vault("bruno"), clock)
    yield amal, bruno
    amal.lock()
    bruno.lock()


@pytest.fixture
def host(qtbot: QtBot) -> QWidget:
    """The window the dialogs open over (they close with it)."""
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(1000, 580)
    window.show()
    return window


def _click(qtbot: QtBot, button: QWidget) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _run(qtbot: QtBot, dialog: ShareDialog | ReceiveDialog, button: QWidget) -> None:
    with qtbot.waitSignal(dialog.operation_finished, timeout=WORK_TIMEOUT_MS):
        _click(qtbot, button)


def _add_by_pasting(
    qtbot: QtBot, host: QWidget, context: AppContext, card_text: str
) -> ColleaguesDialog:
    dialog = ColleaguesDialog(context, host)
    dialog.show()
    dialog.tabs.setCurrentIndex(2)
    dialog.paste_edit.setPlainText(card_text)
    _click(qtbot, dialog.check_button)
    assert dialog.confirm_box.isVisible()
    shown = "".join(dialog.new_fingerprint.text().split())
    assert shown == "".join(identity.parse_card(card_text).fingerprint.split())
    assert not dialog.add_button.isEnabled()  # not before the fingerprint is confirmed
    dialog.confirm_check.setChecked(True)
    _click(qtbot, dialog.add_button)
    return dialog


def _process(vault: Vault, clock: FakeClock) -> int:
    process = processes.create_process(vault, "Valley water talks")
    heron = actors.create_actor(vault, NewActor("Amal Haddad", codename="Heron"), clock()).id
    osprey = actors.create_actor(vault, NewActor("Samir Khoury", codename="Osprey"), clock()).id
    processes.add_participant(vault, process.id, heron, ParticipationRole.CONVENOR)
    processes.add_participant(vault, process.id, osprey, ParticipationRole.PARTY)
    interactions.log_interaction(
        vault,
        occurred_at=clock(),
        kind=InteractionKind.MEETING,
        participants=[heron, osprey],
        summary="First round",
        process_id=process.id,
    )
    return process.id


def test_adding_a_colleague_sharing_and_receiving_through_the_dialogs(
    qtbot: QtBot,
    host: QWidget,
    pair: tuple[AppContext, AppContext],
    clock: FakeClock,
    tmp_path: Path,
) -> None:
    amal, bruno = pair
    identity.set_card_name(amal.vault, "Amal")
    # My card: the text, the QR code and the fingerprint are shown.
    mine = ColleaguesDialog(bruno, host)
    mine.name_edit.setText("Bruno")
    _click(qtbot, mine.save_name_button)
    bruno_card = mine.card_text.toPlainText()
    assert bruno_card.startswith("ContactKeeper colleague card 1\nname: Bruno\n")
    assert mine.qr.matrix
    assert "".join(mine.own_fingerprint.text().split()) == "".join(
        identity.own_card(bruno.vault).fingerprint.split()
    )
    # A text that is no card is refused in place.
    wrong = ColleaguesDialog(amal, host)
    wrong.paste_edit.setPlainText("hello")
    _click(qtbot, wrong.check_button)
    assert "not a ContactKeeper colleague card" in wrong.add_error.text()
    # Each adds the other by pasting the card, after the fingerprint step.
    added = _add_by_pasting(qtbot, host, amal, bruno_card)
    assert "Bruno is now a colleague" in added.added_label.text().replace("\u2068", "").replace(
        "\u2069", ""
    )
    assert added.table.rowCount() == 1
    _add_by_pasting(qtbot, host, bruno, identity.own_card(amal.vault).text())

    # Amal shares the process with Bruno.
    process = _process(amal.vault, clock)
    share = ShareDialog(amal, host)
    share.show()
    share.choose_process(process)
    share.choose_colleagues({c.id for c in colleagues.list_colleagues(amal.vault)})
    qtbot.waitUntil(lambda: share.preview is not None, timeout=WORK_TIMEOUT_MS)
    assert "2 actors" in share.preview_text.toPlainText()
    path = tmp_path / "valley.ckbundle"
    share.file_edit.setText(str(path))
    assert share.share_button.isEnabled()
    _run(qtbot, share, share.share_button)
    assert path.is_file()
    assert share.result_label.isVisible()

    # Bruno opens it: the preview, then Cancel writes nothing.
    receive = ReceiveDialog(bruno, host)
    receive.show()
    receive.file_edit.setText(str(path))
    _run(qtbot, receive, receive.open_button)
    assert "From" in receive.from_label.text()
    assert "New actor" in receive.preview_text.toPlainText()
    assert receive.accept_button.isEnabled()
    _click(qtbot, receive.close_button)
    assert processes.list_processes(bruno.vault) == []
    # Opened again and accepted: written, and the views are told.
    receive = ReceiveDialog(bruno, host)
    receive.show()
    receive.file_edit.setText(str(path))
    _run(qtbot, receive, receive.open_button)
    with qtbot.waitSignal(bruno.changed, timeout=WORK_TIMEOUT_MS):
        _run(qtbot, receive, receive.accept_button)
    assert [p.name for p in processes.list_processes(bruno.vault)] == ["Valley water talks"]
    assert "Accepted" in receive.result_label.text()
    assert not receive.accept_button.isEnabled()
    # The same file again: refused, with the reason in place.
    again = ReceiveDialog(bruno, host)
    again.file_edit.setText(str(path))
    _run(qtbot, again, again.open_button)
    assert "already received" in again.message.text()
    assert not again.accept_button.isEnabled()


def test_a_conflict_is_settled_in_the_dialog_and_the_loser_kept(
    qtbot: QtBot, host: QWidget, pair: tuple[AppContext, AppContext], clock: FakeClock
) -> None:
    amal, bruno = pair
    for one, other in ((amal, bruno), (bruno, amal)):
        colleagues.add_colleague(one.vault, identity.own_card(other.vault), now=clock(), name="X")
    process = _process(amal.vault, clock)
    selection = sharing.Selection(process_ids=frozenset({process}), include_private_notes=True)
    payload = sharing.build_payload(amal.vault, selection, sender_name="Amal")
    sharing.apply_payload(bruno.vault, payload, sender="Amal", received_at=clock())
    with amal.vault.transaction() as session:
        heron = session.query(Actor).filter_by(codename="HERON").one()
        heron.notes, uuid = "Prefers tea", heron.uuid
    with bruno.vault.transaction() as session:
        session.query(Actor).filter_by(uuid=uuid).one().notes = "Prefers coffee"
    payload = sharing.build_payload(amal.vault, selection, sender_name="Amal")
    sharing.apply_payload(bruno.vault, payload, sender="Amal", received_at=clock())
    actions = ExchangeActions(bruno, host)
    actions.conflicts_action.trigger()
    dialog = actions.dialog
    assert isinstance(dialog, ConflictsDialog)
    assert dialog.table.rowCount() == 1
    texts = [dialog.table.item(0, c).text() for c in range(5)]  # type: ignore[union-attr]
    assert "Prefers coffee" in texts
    assert "Prefers tea" in texts
    with qtbot.waitSignal(bruno.changed):
        _click(qtbot, dialog.theirs_button)
    assert dialog.table.rowCount() == 0
    assert dialog.empty_label.isVisibleTo(dialog)
    with bruno.vault.transaction() as session:
        assert session.query(Actor).filter_by(uuid=uuid).one().notes == "Prefers tea"
    assert any(e.value == "Prefers coffee" for e in sharing.record_history(bruno.vault, uuid))
