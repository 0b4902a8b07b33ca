"""Do not contact for now silences every reminder about an actor; a snooze keeps them off
the going-cold lists until its day has passed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from contactkeeper.records import (
    actors,
    channels,
    followups,
    interactions,
    processes,
    relationships,
    today,
)
from contactkeeper.records.actors import NewActor
from contactkeeper.records.followups import NewFollowUp
from contactkeeper.vault import Vault
from contactkeeper.vault.model import (
    ActorStatus,
    ChannelKind,
    InteractionKind,
    ParticipationRole,
    RelationshipKind,
)

NOW = datetime(2026, 6, 1, 9, tzinfo=UTC)
DAY = NOW.astimezone().date()


def _cold(vault: Vault, name: str) -> int:
    actor = actors.create_actor(vault, NewActor(name), NOW).id
    interactions.log_interaction(
        vault,
        occurred_at=NOW - timedelta(days=90),
        kind=InteractionKind.MEETING,
        participants=[actor],
    )
    return actor


def _names(vault: Vault, now: datetime = NOW) -> list[str]:
    return [g.display_name for g in today.going_cold(vault, now)]


def test_do_not_contact_silences_going_cold_and_follow_ups_about_them(vault: Vault) -> None:
    rami = _cold(vault, "Rami Khoury")
    followups.create_follow_up(vault, NewFollowUp("Send Rami the paper", DAY, actor_id=rami))
    followups.create_follow_up(vault, NewFollowUp("Book the venue", DAY))
    summary = today.today(vault, NOW)
    assert _names(vault) == ["Rami Khoury"]
    assert (summary.follow_ups_due, len(summary.follow_ups)) == (2, 2)

    detail = actors.update_actor(vault, rami, NOW, status=ActorStatus.DO_NOT_CONTACT)
    assert "every reminder about them is silenced" in detail.silenced(DAY)
    summary = today.today(vault, NOW)
    assert summary.going_cold == ()
    assert [f.title for f in summary.follow_ups] == ["Book the venue"]
    assert summary.follow_ups_due == 1
    # The follow-up is kept, and listed where you look for it yourself.
    assert len(followups.list_follow_ups(vault, actor_id=rami)) == 1

    actors.update_actor(vault, rami, NOW, status=ActorStatus.ACTIVE)
    assert today.today(vault, NOW).follow_ups_due == 2
    assert actors.get_actor(vault, rami, NOW).silenced(DAY) == ""


def test_a_snoozed_actor_comes_back_once_the_day_has_passed(vault: Vault) -> None:
    _cold(vault, "Amal Haddad")
    leila = _cold(vault, "Leila Nasser")
    until = DAY + timedelta(days=10)
    detail = actors.update_actor(vault, leila, NOW, snoozed_until=until)
    assert detail.silenced(DAY).startswith("Snoozed until 11 June 2026:")
    assert _names(vault) == ["Amal Haddad"]
    assert _names(vault, NOW + timedelta(days=10)) == ["Amal Haddad"]  # the day itself
    assert detail.silenced(until)
    assert not detail.silenced(until + timedelta(days=1))
    assert _names(vault, NOW + timedelta(days=11)) == ["Amal Haddad", "Leila Nasser"]
    # Follow-ups you set yourself still come due while snoozed.
    followups.create_follow_up(vault, NewFollowUp("Call Leila", DAY, actor_id=leila))
    assert today.today(vault, NOW).follow_ups_due == 1
    assert actors.update_actor(vault, leila, NOW, snoozed_until=None).silenced(DAY) == ""
    assert _names(vault) == ["Amal Haddad", "Leila Nasser"]


def test_a_silenced_broker_is_not_warned_about(vault: Vault) -> None:
    ids = {
        name: actors.create_actor(vault, NewActor(name), NOW).id
        for name in ("Fr. Pavel", "Bishop Nikolai", "Anna Petrova")
    }
    talks = processes.create_process(vault, "Verenia talks").id
    for name in ("Bishop Nikolai", "Anna Petrova"):
        processes.add_participant(vault, talks, ids[name], ParticipationRole.PARTY)
    for name, days in (("Fr. Pavel", 80), ("Anna Petrova", 5)):
        channels.add_channel(vault, ids[name], NOW, kind=ChannelKind.PHONE, trust=4)
        interactions.log_interaction(
            vault,
            occurred_at=NOW - timedelta(days=days),
            kind=InteractionKind.MEETING,
            participants=[ids[name]],
        )
    relationships.add_relationship(
        vault,
        ids["Fr. Pavel"],
        ids["Bishop Nikolai"],
        RelationshipKind.CAN_INTRODUCE,
        strength=4,
        confidence=4,
    )
    assert [b.display_name for b in today.cold_brokers(vault, NOW)] == ["Fr. Pavel"]
    actors.update_actor(vault, ids["Fr. Pavel"], NOW, snoozed_until=DAY + timedelta(days=3))
    assert today.cold_brokers(vault, NOW) == []
    actors.update_actor(vault, ids["Fr. Pavel"], NOW, snoozed_until=None)
    actors.update_actor(vault, ids["Fr. Pavel"], NOW, status=ActorStatus.DO_NOT_CONTACT)
    assert today.cold_brokers(vault, NOW) == []
