"""Today: who is going cold, what is due; one click opens, one key logs a contact."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from contactkeeper.gui.context import AppContext
from contactkeeper.gui.main_window import Workspace
from contactkeeper.gui.presentation import long_date
from contactkeeper.gui.views.today import FOLLOW_UPS_SHOWN, TodayView
from contactkeeper.records import actors, followups, interactions
from contactkeeper.records.actors import NewActor
from contactkeeper.records.followups import NewFollowUp
from contactkeeper.vault.model import InteractionKind
from tests.conftest import FakeClock


@pytest.fixture
def view(qtbot, context: AppContext) -> TodayView:
    today = TodayView(context)
    qtbot.addWidget(today)
    today.resize(1100, 700)
    today.show()
    qtbot.waitExposed(today)
    today.reload()
    return today


def _actor(context: AppContext, name: str, cadence: int = 30) -> int:
    return actors.create_actor(
        context.vault, NewActor(name, cadence_days=cadence), context.now()
    ).id


def _met(context: AppContext, actor_id: int, days_ago: int) -> None:
    with context.writing():  # as the log dialog does
        interactions.log_interaction(
            context.vault,
            occurred_at=context.now() - timedelta(days=days_ago),
            kind=InteractionKind.MEETING,
            participants=[actor_id],
        )


def _going_cold(view: TodayView) -> list[tuple[str, str, str]]:
    model = view.going_cold.model
    return [
        (model.index(r, 0).data(), model.index(r, 1).data(), model.index(r, 2).data())
        for r in range(model.rowCount())
    ]


def test_a_new_vault_tells_the_user_what_to_do(view: TodayView) -> None:
    assert view.pages.currentWidget() is view.empty_state
    assert view.new_actor_button.isVisible()
    assert view.log_button.isVisible()


def test_an_actor_met_today_is_warm_and_an_old_one_is_going_cold(
    view: TodayView, context: AppContext
) -> None:
    amal = _actor(context, "Amal Haddad")
    boris = _actor(context, "Boris Antonov")
    _met(context, amal, days_ago=0)
    _met(context, boris, days_ago=70)  # past the maximum (60 days)
    assert view.pages.currentWidget() is not view.empty_state
    assert _going_cold(view) == [("Boris Antonov", "cold", "70 d ago, 40 d overdue")]
    assert view.going_cold.heading.text() == "Going cold (1)"
    assert actors.get_actor(context.vault, amal, context.now()).warmth.warmth.value == "warm"


def test_time_passing_turns_a_warm_actor_cold(
    view: TodayView, context: AppContext, clock: FakeClock
) -> None:
    amal = _actor(context, "Amal Haddad", cadence=10)
    _met(context, amal, days_ago=1)
    assert _going_cold(view) == []
    assert view.going_cold.placeholder.isVisible()
    clock.advance(days=9)
    view.reload()
    assert _going_cold(view) == []  # 10 days: the ideal, not past it
    clock.advance(days=2)
    view.reload()
    assert _going_cold(view) == [("Amal Haddad", "cooling", "12 d ago, 2 d overdue")]
    clock.advance(days=10)
    view.reload()
    assert _going_cold(view) == [("Amal Haddad", "cold", "22 d ago, 12 d overdue")]


def test_logging_a_contact_elsewhere_refreshes_today(view: TodayView, context: AppContext) -> None:
    boris = _actor(context, "Boris Antonov")
    _met(context, boris, days_ago=60)
    assert [row[0] for row in _going_cold(view)] == ["Boris Antonov"]
    _met(context, boris, days_ago=0)  # says what changed, as the log dialog does
    assert _going_cold(view) == []


def test_one_click_opens_the_actor(qtbot, view: TodayView, context: AppContext) -> None:
    boris = _actor(context, "Boris Antonov")
    _met(context, boris, days_ago=60)
    table = view.going_cold.table
    with qtbot.waitSignal(context.open_actor) as opened:
        qtbot.mouseClick(
            table.viewport(),
            Qt.MouseButton.LeftButton,
            pos=table.visualRect(view.going_cold.model.index(0, 0)).center(),
        )
    assert opened.args == [boris]


def test_l_on_a_selected_row_logs_a_contact_with_that_actor(
    qtbot, view: TodayView, context: AppContext
) -> None:
    _actor(context, "Amal Haddad")
    boris = _actor(context, "Boris Antonov")
    _met(context, boris, days_ago=60)
    table = view.going_cold.table
    table.setFocus()
    table.selectRow(0)
    assert view.selected_actor_ids() == [boris]
    with qtbot.waitSignal(context.log_contact) as asked:
        qtbot.keyClick(table, Qt.Key.Key_L)
    assert asked.args == [[boris]]


def test_locking_empties_today(view: TodayView, context: AppContext) -> None:
    boris = _actor(context, "Boris Antonov")
    _met(context, boris, days_ago=60)
    context.lock()
    assert [s.model.rowCount() for s in view.sections] == [0] * len(view.sections)
    assert view.heading.text() == "Today"


def test_the_empty_state_offers_the_first_steps(qtbot, view: TodayView, context) -> None:
    with qtbot.waitSignal(view.new_actor_requested):
        qtbot.mouseClick(view.new_actor_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(context.log_contact) as asked:
        qtbot.mouseClick(view.log_button, Qt.MouseButton.LeftButton)
    assert asked.args == [[]]


def test_a_window_left_open_shows_the_new_day(qtbot, context: AppContext, clock: FakeClock) -> None:
    workspace = Workspace(context)
    qtbot.addWidget(workspace)
    workspace.refresh()
    amal = _actor(context, "Amal Haddad", cadence=10)
    _met(context, amal, days_ago=1)
    assert _going_cold(workspace.today) == []
    clock.advance(days=30)
    workspace.tick.timeout.emit()  # what the timer does every few minutes
    assert [row[0] for row in _going_cold(workspace.today)] == ["Amal Haddad"]
    assert workspace.today.heading.text() == f"Today · {long_date(clock().astimezone().date())}"


def test_today_lists_the_first_follow_ups_due_and_leads_to_the_rest(
    qtbot, context: AppContext
) -> None:
    workspace = Workspace(context)
    qtbot.addWidget(workspace)
    workspace.refresh()
    workspace.show()
    qtbot.waitExposed(workspace)
    today = workspace.today
    layla = _actor(context, "Layla Haddad")
    day = context.now().astimezone().date()
    due = FOLLOW_UPS_SHOWN + 12
    with context.writing():
        for n in range(due):  # from 30 days overdue to a few days ahead
            followups.create_follow_up(
                context.vault,
                NewFollowUp(f"Task {n:03d}", day + timedelta(days=n % 34 - 30), actor_id=layla),
            )
        followups.create_follow_up(  # not due this week: in none of the counts
            context.vault, NewFollowUp("Next month", day + timedelta(days=30), actor_id=layla)
        )

    model = today.follow_ups.model
    assert model.rowCount() == FOLLOW_UPS_SHOWN
    assert today.follow_ups.heading.text() == f"Follow-ups due ({due})"
    assert model.index(0, 1).data() == "Task 000"  # the most overdue first
    more = today.more_follow_ups
    assert not more.isHidden()
    assert more.text().startswith("and 12 more — ")
    assert "see Follow-ups" in more.text()
    with qtbot.waitSignal(today.follow_ups_requested):
        more.linkActivated.emit("follow-ups")
    assert workspace.current_view() is workspace.follow_ups

    # Done with enough of them, every one due fits: no line (once Today is shown again).
    with context.writing():
        for follow_up in followups.due(context.vault, day, limit=12):
            followups.set_done(context.vault, follow_up.id, True, context.now())
    assert today.follow_ups.heading.text() == f"Follow-ups due ({due})"  # hidden: not yet
    workspace.show_section(0)
    assert model.rowCount() == FOLLOW_UPS_SHOWN
    assert today.follow_ups.heading.text() == f"Follow-ups due ({FOLLOW_UPS_SHOWN})"
    assert more.isHidden()

    context.lock()
    assert more.isHidden()
    assert model.rowCount() == 0
