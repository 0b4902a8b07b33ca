"""Reminders a practitioner controls: snooze an actor, mark them do not contact for now
(every reminder silenced, the page says so), Ctrl+Z takes it back; warmth explains itself
on the page, in the actors list and on Today."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from contactkeeper import i18n
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.undo import UndoController
from contactkeeper.gui.views.actor_page import ActorPage
from contactkeeper.gui.views.actors import WARMTH_COLUMN, ActorsView
from contactkeeper.gui.views.today import TodayView
from contactkeeper.records import actors, followups, interactions, today
from contactkeeper.records.actors import NewActor
from contactkeeper.records.followups import NewFollowUp
from contactkeeper.vault.model import ActorStatus, InteractionKind, Tier
from tests.gui.shown_text import visible
from tests.gui.window_helpers import show_active
from tests.helpers.ripening import ripening_process


def _cold(context: AppContext, name: str, days: int = 100) -> int:
    actor = actors.create_actor(context.vault, NewActor(name), context.now()).id
    with context.writing():
        interactions.log_interaction(
            context.vault,
            occurred_at=context.now() - timedelta(days=days),
            kind=InteractionKind.MEETING,
            participants=[actor],
        )
    return actor


def _today(context: AppContext, qtbot: QtBot) -> TodayView:
    view = TodayView(context)
    qtbot.addWidget(view)
    view.resize(1100, 700)
    show_active(qtbot, view)
    view.reload()
    return view


def _page(context: AppContext, qtbot: QtBot, actor_id: int) -> ActorPage:
    page = ActorPage(context)
    qtbot.addWidget(page)
    page.resize(1000, 600)
    show_active(qtbot, page)
    page.show_actor(actor_id)
    return page


def _cold_names(view: TodayView) -> list[str]:
    model = view.going_cold.model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_do_not_contact_from_the_page_silences_today_and_ctrl_z_takes_it_back(
    context: AppContext, qtbot: QtBot
) -> None:
    rami = _cold(context, "Rami Khoury")
    followups.create_follow_up(
        context.vault,
        NewFollowUp("Send Rami the paper", context.now().date(), actor_id=rami),
    )
    view = _today(context, qtbot)
    assert _cold_names(view) == ["Rami Khoury"]
    assert view.follow_ups.model.rowCount() == 1
    page = _page(context, qtbot, rami)
    assert not page.silenced_label.isVisible()

    page.reminders_button.do_not_contact_action.trigger()

    assert page.silenced_label.isVisible()
    assert page.silenced_label.text().startswith("Reminders are silenced. Do not contact")
    assert "do not contact" in page.sensitivity_chip.text()
    assert page.reminders_button.do_not_contact_action.isChecked()
    assert _cold_names(view) == []
    assert view.follow_ups.model.rowCount() == 0

    assert UndoController.for_context(context).undo()
    assert actors.get_actor(context.vault, rami, context.now()).status is ActorStatus.ACTIVE
    assert not page.silenced_label.isVisible()
    assert _cold_names(view) == ["Rami Khoury"]
    assert view.follow_ups.model.rowCount() == 1


def test_a_snooze_from_the_page_keeps_them_off_today_until_the_day_has_passed(
    context: AppContext, qtbot: QtBot
) -> None:
    leila = _cold(context, "Leila Nasser")
    view = _today(context, qtbot)
    page = _page(context, qtbot, leila)
    page.reminders_button.snooze_actions[0].trigger()  # a week
    until = context.now().astimezone().date() + timedelta(days=7)
    assert actors.get_actor(context.vault, leila, context.now()).snoozed_until == until
    assert page.silenced_label.text() == (
        f"Reminders are silenced. Snoozed until {i18n.long_date(until)}: not listed as going "
        "cold (nor as a broker going cold) until that day has passed."
    )
    assert page.form.ui.snoozeEdit.date().toPython() == until
    assert _cold_names(view) == []
    page.reminders_button.wake_action.trigger()
    assert _cold_names(view) == ["Leila Nasser"]
    assert UndoController.for_context(context).undo()  # snoozed again
    assert _cold_names(view) == []


def test_the_why_of_warmth_is_the_tooltip_on_the_page_today_and_the_list(
    context: AppContext, qtbot: QtBot
) -> None:
    carla = _cold(context, "Carla Haddad", days=100)
    page = _page(context, qtbot, carla)
    why = page.badge.toolTip()
    assert why.startswith("Cold: last substantive contact 100 days ago (a meeting on ")
    assert why.endswith("ideal every 30 days, at most 60: 40 days past the maximum.")
    assert "regular: ideal every 30 days, at most 60" in page.facts_label.text()
    view = _today(context, qtbot)
    model = view.going_cold.model
    assert model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole) == why
    assert model.index(0, 3).data() == "30/60 d"
    assert view.going_cold.heading.toolTip() == today.ORDER


def test_the_profile_sets_the_tier_and_the_maximum(context: AppContext, qtbot: QtBot) -> None:
    carla = _cold(context, "Carla Haddad", days=50)
    page = _page(context, qtbot, carla)
    assert page.badge.text() == "cooling"
    ui = page.form.ui
    ui.tierCombo.setCurrentIndex(ui.tierCombo.findData(Tier.INNER))
    ui.tierCombo.activated.emit(ui.tierCombo.currentIndex())
    assert ui.cadenceSpin.value() == 14  # the ideal followed the tier
    assert page.badge.text() == "cold"  # 50 days is past 28
    ui.tierCombo.setCurrentIndex(ui.tierCombo.findData(Tier.REGULAR))
    ui.tierCombo.activated.emit(ui.tierCombo.currentIndex())
    ui.maxSpin.setValue(45)
    ui.maxSpin.editingFinished.emit()
    detail = actors.get_actor(context.vault, carla, context.now())
    assert (detail.cadence_days, detail.max_interval_days) == (30, 45)
    assert page.badge.text() == "cold"
    assert "at most 45" in page.facts_label.text()


def test_the_actors_list_explains_warmth_and_says_when_reminders_are_off(
    context: AppContext, qtbot: QtBot
) -> None:
    rami = _cold(context, "Rami Khoury", days=100)
    with context.writing():
        actors.update_actor(context.vault, rami, context.now(), status=ActorStatus.DO_NOT_CONTACT)
    view = ActorsView(context)
    qtbot.addWidget(view)
    view.resize(1100, 700)
    show_active(qtbot, view)
    tip = view.model.index(0, WARMTH_COLUMN).data(Qt.ItemDataRole.ToolTipRole)
    first, second = tip.splitlines()
    assert first == (
        "Cold: last substantive contact 100 days ago; ideal every 30 days, at most 60: "
        "40 days past the maximum."
    )
    assert second.startswith("Do not contact for now: every reminder about them is silenced")


def test_today_puts_a_key_actor_of_a_ripening_process_first_once_worked_out(
    context: AppContext, qtbot: QtBot
) -> None:
    _cold(context, "Carla", days=101)  # 41 days past the maximum
    hassan = _cold(context, "Hassan Idris", days=96)  # 36: the same week
    ripening_process(context.vault, hassan)
    view = TodayView(context)
    qtbot.addWidget(view)
    view.resize(1100, 700)
    show_active(qtbot, view)
    with qtbot.waitSignal(view.insights_ready, timeout=10_000):
        view.reload()
    assert _cold_names(view) == ["Hassan Idris", "Carla"]
    tip = view.going_cold.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert visible(tip).endswith(
        "36 days past the maximum; on a side of Dry Valley, which is ripening"
    )
