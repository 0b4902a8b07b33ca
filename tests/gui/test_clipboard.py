"""Copying a secret: marked for clipboard managers, gone after a while or when the vault locks,
and never taken back once the user copied something else."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QClipboard, QGuiApplication

from contactkeeper.gui.clipboard import (
    CONCEALED,
    EXCLUDE_FROM_MONITORS,
    KDE_HINT,
    copy_secret,
    secret_clipboard,
)
from contactkeeper.gui.context import AppContext
from tests.conftest import FakeClock


@pytest.fixture
def clipboard(qapp: object) -> Iterator[QClipboard]:
    board = QGuiApplication.clipboard()
    board.clear()
    yield board
    board.clear()


def test_a_copied_phone_number_is_marked_secret_for_clipboard_managers(
    context: AppContext, clipboard: QClipboard
) -> None:
    copy_secret("+961 1 234 567", context)
    mime = clipboard.mimeData()
    assert mime.text() == "+961 1 234 567"
    assert bytes(mime.data(KDE_HINT).data()) == b"secret"
    assert bytes(mime.data(CONCEALED).data()) == b"+961 1 234 567"
    assert bytes(mime.data(EXCLUDE_FROM_MONITORS).data()) == b"1"


def test_the_copied_secret_leaves_the_clipboard_after_thirty_seconds(
    context: AppContext, clipboard: QClipboard, clock: FakeClock
) -> None:
    guard = copy_secret("Amal's private number", context)
    assert guard.timer.isActive()
    clock.advance(seconds=29)
    guard.expire()  # the timer's slot, called by hand: no waiting
    assert clipboard.text() == "Amal's private number"
    clock.advance(seconds=1)
    guard.expire()
    assert clipboard.text() == ""
    assert not guard.holding
    assert not guard.timer.isActive()


def test_what_the_user_copied_afterwards_from_elsewhere_is_left_alone(
    context: AppContext, clipboard: QClipboard, clock: FakeClock
) -> None:
    guard = copy_secret("Amal's private number", context)
    clipboard.setText("a shopping list")
    clock.advance(minutes=5)
    guard.expire()
    assert clipboard.text() == "a shopping list"
    copy_secret("Amal's private number", context)
    clipboard.setText("an address from the browser")
    context.lock()
    assert clipboard.text() == "an address from the browser"


def test_locking_the_vault_clears_the_copied_secret_at_once(
    context: AppContext, clipboard: QClipboard
) -> None:
    copy_secret("Amal's private number", context)
    context.lock()
    assert clipboard.text() == ""
    assert not secret_clipboard(context).holding


def test_a_second_copy_restarts_the_wait_and_replaces_the_first(
    context: AppContext, clipboard: QClipboard, clock: FakeClock
) -> None:
    guard = copy_secret("first", context)
    clock.advance(seconds=20)
    assert copy_secret("second", context) is guard  # one guard per context
    clock.advance(seconds=20)
    guard.expire()
    assert clipboard.text() == "second"
    clock.advance(seconds=10)
    guard.expire()
    assert clipboard.text() == ""


def test_the_guard_keeps_a_digest_not_the_secret(
    context: AppContext, clipboard: QClipboard
) -> None:
    guard = copy_secret("CanaryNotKeptInMemory", context)
    kept = [repr(value) for value in vars(guard).values()]
    assert not any("CanaryNotKeptInMemory" in text for text in kept)
