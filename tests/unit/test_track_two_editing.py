"""Changing track-two records after the fact: a transfer (all or nothing, its rule never
loosened) and a readiness cue that points to an event."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from contactkeeper.errors import InvalidRecord
from contactkeeper.records import events, readiness, transfers
from contactkeeper.records.followups import NewFollowUp
from contactkeeper.records.interactions import log_interaction
from contactkeeper.records.readiness import NewCue
from contactkeeper.records.transfers import Outcome
from contactkeeper.vault import Vault
from contactkeeper.vault.model import (
    AttributionRule,
    InteractionKind,
    ReadinessCue,
    TransferResult,
)
from tests.helpers.track_two import NOW, build


def test_a_transfer_changed_with_its_result_and_a_follow_up(vault: Vault) -> None:
    story = build(vault)
    before = transfers.get_transfer(vault, story.transfer)
    transfers.update_transfer(
        vault,
        story.transfer,
        replace(transfers.as_new(before), via="Phone call", outcome_id=None),
        outcome=Outcome(TransferResult.ACKNOWLEDGED, date(2026, 10, 25), "Thanked us"),
        follow_up=NewFollowUp("Ask what came of it", date(2026, 11, 15)),
    )
    after = transfers.get_transfer(vault, story.transfer)
    assert (after.via, after.outcome_id, after.event_id) == ("Phone call", None, story.event)
    assert (after.result, after.result_on, after.result_note) == (
        TransferResult.ACKNOWLEDGED,
        date(2026, 10, 25),
        "Thanked us",
    )
    assert after.open_follow_ups == 1
    # The workshop's rule still applies: editing never loosens it.
    assert after.attribution is AttributionRule.CHATHAM_HOUSE


def test_a_refused_change_to_a_transfer_changes_nothing(vault: Vault) -> None:
    story = build(vault)
    before = transfers.get_transfer(vault, story.transfer)
    with pytest.raises(InvalidRecord, match="Follow-up"):
        transfers.update_transfer(
            vault,
            story.transfer,
            transfers.as_new(before),
            outcome=Outcome(TransferResult.REJECTED, date(2026, 10, 25)),
            follow_up=NewFollowUp("   ", date(2026, 11, 15)),
        )
    assert transfers.get_transfer(vault, story.transfer) == before


def test_a_cue_heard_at_a_workshop_takes_its_rule_and_is_listed_there(vault: Vault) -> None:
    story = build(vault)
    kind = readiness.cue_kinds(vault)[0].id
    cue = readiness.record_cue(
        vault, NewCue(kind, date(2026, 10, 6), process_id=story.process, event_id=story.event)
    )
    assert cue.event_id == story.event
    stored = readiness.update_cue(vault, cue.id, readiness.as_new(cue))
    assert stored.event_id == story.event
    logged = log_interaction(
        vault,
        occurred_at=datetime(2026, 10, 6, 20, tzinfo=UTC),
        kind=InteractionKind.SIDELINES,
        participants=[story.east],
        event_id=story.event,
        cue=NewCue(kind, date(2026, 10, 6), note="Ready for a second round"),
    )
    info = events.get_event(vault, story.event, NOW)
    assert info.cues[0].id == cue.id
    assert len(info.cues) == 2
    assert {c.attribution for c in info.cues} == {
        AttributionRule.CHATHAM_HOUSE,  # the workshop's
        AttributionRule.NON_ATTRIBUTABLE,  # the stricter rule of the one who said it
    }
    assert logged.id in [i.id for i in info.interactions]
    # Moved off the event, the cue keeps its rule (never loosened by an edit).
    moved = readiness.update_cue(vault, cue.id, replace(readiness.as_new(cue), event_id=None))
    assert moved.event_id is None
    with vault.transaction() as session:
        kept = session.get(ReadinessCue, cue.id)
        assert kept is not None
        assert kept.attribution is AttributionRule.CHATHAM_HOUSE
