"""Deleting an event or a transfer goes to the trash: what goes with it, what loses a link,
and how it all comes back (or goes for good)."""

from __future__ import annotations

from datetime import date

import pytest

from contactkeeper.errors import InvalidRecord, RecordNotFound
from contactkeeper.records import events, readiness, search, transfers, trash
from contactkeeper.records.readiness import NewCue
from contactkeeper.vault import Vault
from contactkeeper.vault.changes import Kind
from contactkeeper.vault.model import TransferResult
from tests.helpers.track_two import NOW, build


def _cue_at(vault: Vault, process_id: int, event_id: int) -> int:
    kind = readiness.cue_kinds(vault)[0]
    cue = readiness.record_cue(
        vault, NewCue(kind.id, date(2026, 10, 6), process_id=process_id, event_id=event_id)
    )
    return cue.id


def test_a_deleted_workshop_comes_back_with_its_people_outcomes_and_links(vault: Vault) -> None:
    story = build(vault)
    events.add_checklist_item(vault, story.event, "Visas for the eastern delegation", NOW.date())
    cue = _cue_at(vault, story.process, story.event)
    before = events.get_event(vault, story.event, NOW)

    entry = trash.discard(vault, Kind.EVENT, story.event, "Lakeside workshop", NOW)

    # Its list, outcomes and checklist went with it (the event, 2 invitations, 2 outcomes,
    # 1 task, 1 interaction's link to it).
    assert entry.kind == "event"
    assert entry.rows == 7
    with pytest.raises(RecordNotFound):
        events.get_event(vault, story.event, NOW)
    assert events.list_events(vault) == []
    # What pointed to it stays, without the link.
    moved = transfers.get_transfer(vault, story.transfer)
    assert (moved.event_id, moved.outcome_id, moved.event_title) == (None, None, "")
    assert readiness.get_cue(vault, cue).event_id is None
    assert events.event_of_interaction(vault, story.chatham_interaction) is None
    assert search.search(vault, "aquifer", kinds=["event"]) == []

    trash.restore(vault, entry.id)

    after = events.get_event(vault, story.event, NOW)
    assert after == before
    back = transfers.get_transfer(vault, story.transfer)
    assert (back.event_id, back.outcome_id) == (story.event, story.idea)
    assert readiness.get_cue(vault, cue).event_id == story.event
    assert events.event_of_interaction(vault, story.chatham_interaction) == story.event
    assert [h.id for h in search.search(vault, "aquifer", kinds=["event"])] == [story.event]
    assert trash.entries(vault) == []


def test_a_deleted_transfer_comes_back_with_its_follow_ups(vault: Vault) -> None:
    story = build(vault)
    transfers.add_follow_up(vault, story.transfer, "Ask the envoy again", date(2026, 11, 1))
    transfers.record_result(
        vault, story.transfer, TransferResult.ACKNOWLEDGED, date(2026, 10, 25), "Noted"
    )
    before = transfers.get_transfer(vault, story.transfer)
    assert before.open_follow_ups == 1

    entry = trash.discard(vault, Kind.TRANSFER, story.transfer, "A joint survey", NOW)

    assert entry.rows == 2
    assert transfers.list_transfers(vault) == []
    assert search.search(vault, "survey", kinds=["transfer"]) == []
    # The event and the outcome it came from are untouched.
    assert story.idea in [o.id for o in events.get_event(vault, story.event, NOW).outcomes]

    trash.restore(vault, entry.id)

    assert transfers.get_transfer(vault, story.transfer) == before
    assert [h.id for h in search.search(vault, "survey", kinds=["transfer"])] == [story.transfer]


def test_emptying_the_trash_deletes_an_event_for_good(vault: Vault) -> None:
    story = build(vault)
    entry = trash.discard(vault, Kind.EVENT, story.event, "Lakeside workshop", NOW)

    assert trash.empty(vault) == 1

    assert trash.entries(vault) == []
    with pytest.raises(RecordNotFound):
        trash.restore(vault, entry.id)
    # The transfer survives, pointing nowhere, and its own words are still found.
    assert transfers.get_transfer(vault, story.transfer).event_id is None
    assert [h.kind for h in search.search(vault, "aquifer")] == ["transfer"]


def test_a_transfer_whose_event_is_gone_cannot_come_back_half(vault: Vault) -> None:
    story = build(vault)
    gone = trash.discard(vault, Kind.TRANSFER, story.transfer, "A joint survey", NOW)
    trash.discard(vault, Kind.EVENT, story.event, "Lakeside workshop", NOW)
    # Restoring the transfer while its event is in the trash: refused, nothing changed.
    with pytest.raises(InvalidRecord, match="conflicts"):
        trash.restore(vault, gone.id)
    assert transfers.list_transfers(vault) == []
    assert len(trash.entries(vault)) == 2
