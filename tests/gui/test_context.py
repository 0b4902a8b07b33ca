"""The shared application context: locking closes the vault and tells every view."""

from __future__ import annotations

from datetime import timedelta

import pytest

from contactkeeper.errors import VaultLocked
from contactkeeper.gui.context import HIDDEN, REVEAL_FOR, AppContext
from contactkeeper.vault.model import Sensitivity
from tests.conftest import FakeClock


def test_locking_closes_the_vault_and_tells_the_views(context: AppContext, qtbot) -> None:
    vault = context.vault
    with qtbot.waitSignal(context.vault_locked):
        context.lock()
    assert not vault.is_open
    assert not context.unlocked
    with pytest.raises(VaultLocked):
        _ = context.vault


# -- which name may be shown ---------------------------------------------------------------


def _names(context: AppContext) -> dict[Sensitivity, str]:
    return {
        s: context.shown_name(7, "Karim Nassar", "CEDAR HERON", s)
        for s in (Sensitivity.NORMAL, Sensitivity.SENSITIVE, Sensitivity.HIGH_RISK)
    }


def test_names_show_unless_privacy_mode_is_on_or_the_actor_is_high_risk(
    context: AppContext, qtbot
) -> None:
    assert not context.privacy
    assert _names(context) == {
        Sensitivity.NORMAL: "Karim Nassar",
        Sensitivity.SENSITIVE: "Karim Nassar",
        Sensitivity.HIGH_RISK: "CEDAR HERON",
    }
    assert context.shown_text("Met Karim Nassar at lunch.") == "Met Karim Nassar at lunch."
    with qtbot.waitSignals([context.privacy_changed, context.names_changed]):
        context.set_privacy(True)
    assert set(_names(context).values()) == {"CEDAR HERON"}
    assert context.shown_text("Met Karim Nassar at lunch.") == HIDDEN
    assert context.shown_text("") == ""  # nothing to hide: no placeholder either
    with qtbot.assertNotEmitted(context.names_changed):
        context.set_privacy(True)


def test_a_reveal_shows_a_high_risk_name_until_the_clock_passes_it(
    context: AppContext, clock: FakeClock, qtbot
) -> None:
    with qtbot.waitSignal(context.names_changed):
        context.reveal(7)
    assert context.revealed(7)
    assert not context.revealed(8)
    assert _names(context)[Sensitivity.HIGH_RISK] == "Karim Nassar"
    assert context.shown_name(8, "Yusuf Barakat", "ONYX FALCON", Sensitivity.HIGH_RISK) == (
        "ONYX FALCON"
    )
    clock.advance(seconds=REVEAL_FOR.total_seconds() - 1)
    with qtbot.assertNotEmitted(context.names_changed):
        context.expire_reveals()
    assert context.revealed(7)
    clock.advance(seconds=1)
    assert _names(context)[Sensitivity.HIGH_RISK] == "CEDAR HERON"  # even before the timer
    with qtbot.waitSignal(context.names_changed):
        context.expire_reveals()
    assert not context.revealed(7)


def test_privacy_mode_hides_a_revealed_name_and_locking_forgets_it(
    context: AppContext, qtbot
) -> None:
    context.reveal(7, until=context.now() + timedelta(hours=1))
    context.set_privacy(True)
    assert _names(context)[Sensitivity.HIGH_RISK] == "CEDAR HERON"
    context.set_privacy(False)
    assert _names(context)[Sensitivity.HIGH_RISK] == "Karim Nassar"
    with qtbot.waitSignal(context.names_changed):
        context.lock()
    assert not context.revealed(7)
