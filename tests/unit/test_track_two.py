"""Track two as it is practised: events and their people, outcomes, transfers to track one,
attribution defaults, participants' standing, reviews and unexpected openings."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from contactkeeper import cli
from contactkeeper.errors import InvalidRecord
from contactkeeper.records import actors, events, reviews, standing, transfers
from contactkeeper.records.actors import NewActor
from contactkeeper.records.interactions import get_interaction, log_interaction
from contactkeeper.records.transfers import NewTransfer
from contactkeeper.vault import Vault, inventory
from contactkeeper.vault.model import (
    AttributionRule,
    EventRole,
    InteractionKind,
    InvitationStatus,
    ReviewDecision,
    Sensitivity,
    TransferResult,
)
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.helpers.text import plain
from tests.helpers.track_two import NOW, build


def test_an_event_lists_its_people_with_their_side_warmth_and_answer(vault: Vault) -> None:
    story = build(vault)
    observer = actors.create_actor(vault, NewActor("Noor Saleh"), NOW).id
    invitation = events.invite(vault, story.event, observer, EventRole.OBSERVER)
    events.set_invitation(vault, invitation, status=InvitationStatus.DECLINED)
    event = events.get_event(vault, story.event, NOW)
    assert [(i.display_name, i.side, i.status) for i in event.invitations] == [
        ("Ilan Peretz", "Western bank", InvitationStatus.ATTENDED),
        ("Suha Mansour", "Eastern villages", InvitationStatus.ATTENDED),
        ("Noor Saleh", "", InvitationStatus.DECLINED),
    ]
    assert event.balance_of_sides() == {"Eastern villages": 1, "Western bank": 1}
    # The western participant was last met on the workshop's sidelines.
    assert event.invitations[0].warmth.days_since_contact == 44
    assert event.invitations[2].warmth.label == "never contacted"
    assert [row.title for row in events.list_events(vault, story.process)] == ["Lakeside workshop"]
    assert events.list_events(vault)[0].attended == 2


def test_one_actor_is_invited_once(vault: Vault) -> None:
    story = build(vault)
    with pytest.raises(InvalidRecord, match="already on this event's list"):
        events.invite(vault, story.event, story.west, EventRole.OBSERVER)


def test_a_checklist_item_is_a_follow_up_of_the_event_and_its_process(vault: Vault) -> None:
    story = build(vault)
    events.add_checklist_item(
        vault, story.event, "Visas for the eastern delegation", date(2026, 9, 1)
    )
    (item,) = events.get_event(vault, story.event, NOW).checklist
    assert item.title == "Visas for the eastern delegation"
    assert item.process_id == story.process


def test_outcomes_and_interactions_at_an_event_take_at_least_its_rule(vault: Vault) -> None:
    story = build(vault)
    event = events.get_event(vault, story.event, NOW)
    assert {o.attribution for o in event.outcomes} == {AttributionRule.CHATHAM_HOUSE}
    assert event.interaction_ids == (story.chatham_interaction,)
    # Said on the record, at a Chatham House workshop: Chatham House.
    on_record = actors.create_actor(vault, NewActor("Open Speaker"), NOW).id
    logged = log_interaction(
        vault,
        occurred_at=datetime(2026, 10, 6, 9, tzinfo=UTC),
        kind=InteractionKind.MEETING,
        participants=[on_record],
        event_id=story.event,
    )
    assert logged.attribution is AttributionRule.CHATHAM_HOUSE


def test_an_interaction_takes_the_strictest_default_of_its_participants(vault: Vault) -> None:
    story = build(vault)
    assert get_interaction(vault, story.secret_interaction).attribution is (
        AttributionRule.NON_ATTRIBUTABLE
    )
    both = log_interaction(
        vault,
        occurred_at=NOW,
        kind=InteractionKind.MEETING,
        participants=[story.west, story.east],
    )
    assert both.attribution is AttributionRule.NON_ATTRIBUTABLE
    chosen = log_interaction(
        vault,
        occurred_at=NOW,
        kind=InteractionKind.MEETING,
        participants=[story.west],
        attribution=AttributionRule.SUMMARY_ONLY,
    )
    assert chosen.attribution is AttributionRule.SUMMARY_ONLY


def test_a_transfer_goes_only_to_the_official_track(vault: Vault) -> None:
    story = build(vault)
    with pytest.raises(InvalidRecord, match="not marked as track one"):
        transfers.log_transfer(
            vault, NewTransfer("An idea", date(2026, 10, 21), recipient_actor_id=story.west)
        )
    with pytest.raises(InvalidRecord, match="official track"):
        transfers.log_transfer(vault, NewTransfer("An idea", date(2026, 10, 21)))
    to_ministry = transfers.log_transfer(
        vault,
        NewTransfer("A message", date(2026, 10, 22), recipient_organization_id=story.ministry),
    )
    assert transfers.get_transfer(vault, to_ministry).recipient_organization == (
        "Ministry of Water"
    )


def test_a_transfer_keeps_its_origin_its_rule_and_what_came_of_it(vault: Vault) -> None:
    story = build(vault)
    transfer = transfers.get_transfer(vault, story.transfer)
    assert transfer.process_id == story.process  # from its event
    assert plain(transfer.origin) == "the Lakeside workshop"
    assert transfer.attribution is AttributionRule.CHATHAM_HOUSE
    assert [t.id for t in transfers.list_transfers(vault, awaiting_only=True)] == [story.transfer]
    transfers.add_follow_up(vault, story.transfer, "Ask the envoy", date(2026, 11, 3))
    assert transfers.get_transfer(vault, story.transfer).open_follow_ups == 1
    transfers.record_result(
        vault, story.transfer, TransferResult.TAKEN_UP, date(2026, 11, 10), "In the draft text"
    )
    transfer = transfers.get_transfer(vault, story.transfer)
    assert (transfer.result, transfer.result_on) == (TransferResult.TAKEN_UP, date(2026, 11, 10))
    assert transfers.list_transfers(vault, awaiting_only=True) == []


def test_personal_risk_raises_the_default_sensitivity_and_never_lowers_it(vault: Vault) -> None:
    actor = actors.create_actor(vault, NewActor("Omar Haddad"), NOW).id
    assert standing.set_standing(vault, actor, standing.Standing(personal_risk=5)) is (
        Sensitivity.HIGH_RISK
    )
    assert standing.set_standing(vault, actor, standing.Standing(personal_risk=1)) is (
        Sensitivity.HIGH_RISK
    )
    with pytest.raises(InvalidRecord, match="from 1 to 5"):
        standing.set_standing(vault, actor, standing.Standing(access=9))


def test_an_actor_has_a_side_in_each_process(vault: Vault) -> None:
    story = build(vault)
    (side,) = standing.sides_of(vault, story.west)
    assert (side.process_name, side.side) == ("Valley Water Dialogue", "Western bank")


def test_a_theory_of_change_keeps_its_history_and_reviews_fall_due(vault: Vault) -> None:
    story = build(vault)
    reviews.set_theory_of_change(vault, story.process, "Shared data builds trust", NOW)
    reviews.set_theory_of_change(
        vault, story.process, "Shared data, then shared management", NOW.replace(day=21)
    )
    assert [t.text for t in reviews.theory_history(vault, story.process)] == [
        "Shared data, then shared management",
        "Shared data builds trust",
    ]
    reviews.set_review_cadence(vault, story.process, 30)
    reviews.record_review(
        vault,
        story.process,
        date(2026, 10, 1),
        ReviewDecision.GO_ON,
        "Both sides came",
        "Meet nearer home",
    )
    assert reviews.reviews_due(vault, date(2026, 10, 30)) == []
    (due,) = reviews.reviews_due(vault, date(2026, 10, 31))
    assert (due.process_name, due.due_on) == ("Valley Water Dialogue", date(2026, 10, 31))


def test_an_unexpected_opening_shows_on_its_process(vault: Vault) -> None:
    story = build(vault)
    reviews.mark_unexpected_opening(vault, story.secret_interaction)
    assert [o.interaction_id for o in reviews.unexpected_openings(vault, story.process)] == [
        story.secret_interaction
    ]


def test_info_counts_events_transfers_and_reviews(vault: Vault) -> None:
    story = build(vault)
    reviews.record_review(vault, story.process, date(2026, 10, 1), ReviewDecision.PAUSE)
    counts = inventory.counts(vault)
    assert (counts["events"], counts["transfers"], counts["reviews"]) == (1, 1, 1)


def test_today_lists_reviews_due_and_transfers_awaiting_a_reaction(vault: Vault) -> None:
    from contactkeeper.records.today import track_two_lines

    story = build(vault)
    reviews.set_review_cadence(vault, story.process, 30)
    reviews.record_review(vault, story.process, date(2026, 10, 1), ReviewDecision.GO_ON)
    lines = track_two_lines(vault, date(2026, 11, 20))
    assert [(line.what, line.on, line.detail) for line in lines] == [
        ("review due", date(2026, 10, 31), "decide whether to go on, pause or stop"),
        ("awaiting a reaction", date(2026, 10, 20), "A joint survey of the aquifer"),
    ]
    transfers.record_result(vault, story.transfer, TransferResult.ACKNOWLEDGED, date(2026, 11, 1))
    reviews.record_review(vault, story.process, date(2026, 11, 15), ReviewDecision.GO_ON)
    assert track_two_lines(vault, date(2026, 11, 20)) == []


def test_contactkeeper_info_counts_events_and_transfers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "vault"
    with Vault.create(path, PASSPHRASE, kdf=FAST_KDF) as made:
        build(made)
    monkeypatch.setenv(cli.PASSPHRASE_ENV, PASSPHRASE)
    assert cli.main(["info", "--vault", str(path), "--json"]) == 0
    counts = json.loads(capsys.readouterr().out)["counts"]
    assert (counts["events"], counts["transfers"]) == (1, 1)
    assert cli.main(["info", "--vault", str(path)]) == 0
    lines = [line.split() for line in capsys.readouterr().out.splitlines()]
    assert ["events:", "1"] in lines
    assert ["transfers:", "1"] in lines
