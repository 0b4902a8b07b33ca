"""Follow-ups due: the first ones only, when asked, and how many in all."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import event

from contactkeeper.records import actors, followups, today
from contactkeeper.records.actors import NewActor
from contactkeeper.records.followups import NewFollowUp
from contactkeeper.vault import Vault
from contactkeeper.vault.model import ActorStatus

TODAY = date(2026, 6, 1)


def _follow_ups(vault: Vault) -> None:
    """Five due (two overdue, three within the week), one done, one next month."""
    for offset in (3, -2, 0, -10, 7):
        followups.create_follow_up(
            vault, NewFollowUp(f"due {offset:+d}", TODAY + timedelta(days=offset))
        )
    done = followups.create_follow_up(vault, NewFollowUp("done", TODAY - timedelta(days=1)))
    followups.set_done(vault, done.id, True, datetime(2026, 6, 1, 9, tzinfo=UTC))
    followups.create_follow_up(vault, NewFollowUp("later", TODAY + timedelta(days=30)))


def test_due_lists_every_open_follow_up_due_within_the_week_earliest_first(vault: Vault) -> None:
    _follow_ups(vault)
    assert [f.title for f in followups.due(vault, TODAY)] == [
        "due -10",
        "due -2",
        "due +0",
        "due +3",
        "due +7",
    ]
    assert followups.count_due(vault, TODAY) == 5


def test_a_limit_keeps_the_earliest_and_the_count_still_says_how_many_in_all(
    vault: Vault,
) -> None:
    _follow_ups(vault)
    assert [f.title for f in followups.due(vault, TODAY, limit=2)] == ["due -10", "due -2"]
    assert followups.due(vault, TODAY, limit=0) == []
    assert len(followups.due(vault, TODAY, limit=50)) == 5
    assert followups.count_due(vault, TODAY) == 5
    assert followups.count_due(vault, TODAY, within_days=0) == 3
    with pytest.raises(ValueError, match="negative"):
        followups.due(vault, TODAY, limit=-1)


def test_nothing_due_counts_zero(vault: Vault) -> None:
    assert followups.due(vault, TODAY, limit=10) == []
    assert followups.count_due(vault, TODAY) == 0


def test_today_shows_the_first_follow_ups_due_and_counts_them_all(vault: Vault) -> None:
    _follow_ups(vault)
    now = datetime(2026, 6, 1, 9, tzinfo=UTC)
    view = today.today(vault, now, follow_ups_shown=2)
    assert [f.title for f in view.follow_ups] == ["due -10", "due -2"]
    assert view.follow_ups_due == 5
    assert today.today(vault, now).follow_ups_due == 5


def test_the_count_due_is_kept_but_follows_every_write_and_the_day(vault: Vault) -> None:
    """Today asks for the count on every refresh: it is kept, and still right after each
    kind of write that changes it, and on another day."""
    _follow_ups(vault)
    assert followups.count_due(vault, TODAY) == 5
    statements: list[str] = []

    def note(_conn: object, _cursor: object, statement: str, *_rest: object) -> None:
        statements.append(statement)

    event.listen(vault.engine, "before_cursor_execute", note)
    try:
        assert followups.count_due(vault, TODAY) == 5
    finally:
        event.remove(vault.engine, "before_cursor_execute", note)
    assert statements == []  # kept: nothing read again
    added = followups.create_follow_up(vault, NewFollowUp("call back", TODAY))
    assert followups.count_due(vault, TODAY) == 6
    followups.set_done(vault, added.id, True, datetime(2026, 6, 1, 10, tzinfo=UTC))
    assert followups.count_due(vault, TODAY) == 5
    now = datetime(2026, 6, 1, 9, tzinfo=UTC)
    rami = actors.create_actor(vault, NewActor(display_name="Rami Khoury"), now).id
    followups.create_follow_up(vault, NewFollowUp("send Rami the paper", TODAY, actor_id=rami))
    assert followups.count_due(vault, TODAY) == 6
    actors.update_actor(vault, rami, now, status=ActorStatus.DO_NOT_CONTACT)
    assert followups.count_due(vault, TODAY) == 5  # silenced by a write to actors
    assert followups.count_due(vault, TODAY, within_days=0) == 3
    assert followups.count_due(vault, TODAY + timedelta(days=25)) == 6  # "later" is near
