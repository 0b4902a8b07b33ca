"""No output that leaves the vault shows the source of an item that is not on the record.

Every export format and the process brief are scanned: wherever a Chatham House or a
non-attributable item appears (with everything the output links to it), its source's names
must not; codenames appear only where the rule allows them (on the record)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

import pytest

from contactkeeper.exchange import brief, exporting
from contactkeeper.records import actors, readiness
from contactkeeper.records.actors import NewActor
from contactkeeper.records.attribution import set_cue_rule
from contactkeeper.records.followups import NewFollowUp
from contactkeeper.records.interactions import log_interaction
from contactkeeper.records.readiness import NewCue
from contactkeeper.vault import Vault
from contactkeeper.vault.model import AttributionRule, InteractionKind
from tests.helpers.track_two import EAST_NAMES, NOW, WEST_NAMES, Story, build

CHATHAM = "Hinted the western council would accept a shared survey"
SECRET = "Villages ready to drop the precondition"
CUE_NOTE = "Council minutes mention the survey"
OPEN = "Spoke openly at the press conference"
OPEN_NAMES = ("Rana Khoury", "OPEN LARK")


@pytest.fixture
def story(vault: Vault) -> Story:
    made = build(vault)
    # A follow-up of the Chatham House talk (about its source), and a cue it gave.
    log_interaction(
        vault,
        occurred_at=datetime(2026, 10, 9, 9, tzinfo=UTC),
        kind=InteractionKind.MEETING,
        participants=[made.west],
        process_id=made.process,
        summary="",
        follow_up=NewFollowUp("Send the outline", date(2026, 12, 1)),
    )
    kind = readiness.cue_kinds(vault)[0].id
    cue = readiness.record_cue(
        vault,
        NewCue(kind, date(2026, 10, 6), process_id=made.process, actor_id=made.west, note=CUE_NOTE),
    )
    set_cue_rule(vault, cue.id, AttributionRule.CHATHAM_HOUSE)
    # The control: on the record, so its source may be shown (by codename where shared).
    rana = actors.create_actor(vault, NewActor(OPEN_NAMES[0], codename=OPEN_NAMES[1]), NOW).id
    log_interaction(
        vault,
        occurred_at=datetime(2026, 10, 10, 9, tzinfo=UTC),
        kind=InteractionKind.MEETING,
        participants=[rana],
        process_id=made.process,
        summary=OPEN,
    )
    return made


def _no_source(units: list[str], content: str, names: tuple[str, ...]) -> int:
    """How many units show ``content``; fails if one of them also shows a source name."""
    showing = [u for u in units if content in u]
    for unit in showing:
        for name in names:
            assert name not in unit, f"{name!r} shown with {content!r}"
    return len(showing)


def _full_json_units(text: str) -> list[str]:
    """Each interaction and cue with every row the export links to it."""
    tables: dict[str, list[dict[str, Any]]] = json.loads(text)["tables"]
    actor_rows = {a["id"]: a for a in tables["actors"]}
    channels = {c["id"]: c for c in tables["channels"]}
    units = []
    for row in tables["interactions"]:
        linked: list[Any] = [row]
        linked += [
            actor_rows[p["actor_id"]]
            for p in tables["interaction_participants"]
            if p["interaction_id"] == row["id"]
        ]
        if row["channel_id"] is not None:
            linked.append(actor_rows[channels[row["channel_id"]]["actor_id"]])
        for follow_up in tables["follow_ups"]:
            if follow_up["interaction_id"] == row["id"] and follow_up["actor_id"]:
                linked.append(actor_rows[follow_up["actor_id"]])
        units.append(json.dumps(linked, ensure_ascii=False))
    for row in tables["readiness_cues"]:
        linked = [row] + ([actor_rows[row["actor_id"]]] if row["actor_id"] else [])
        units.append(json.dumps(linked, ensure_ascii=False))
    return units


def test_the_full_json_export_unlinks_withheld_items_from_their_source(
    vault: Vault, story: Story
) -> None:
    text, _ = exporting.render_json(vault, NOW)
    units = _full_json_units(text)
    assert _no_source(units, CHATHAM, WEST_NAMES) == 1
    assert _no_source(units, SECRET, EAST_NAMES) == 1
    assert _no_source(units, CUE_NOTE, WEST_NAMES) == 1
    assert any(OPEN in u and OPEN_NAMES[0] in u for u in units)  # the scan sees links
    tables = json.loads(text)["tables"]
    assert {t for t in tables} >= {"events", "event_invitations", "event_outcomes", "transfers"}


def test_the_redacted_export_lists_no_participant_for_withheld_items(
    vault: Vault, story: Story
) -> None:
    body = json.loads(exporting.render_redacted(vault, NOW)[0])
    by_rule = {i["attribution"]: i["participants"] for i in body["interactions"]}
    assert by_rule[AttributionRule.CHATHAM_HOUSE.value] == []
    assert by_rule[AttributionRule.NON_ATTRIBUTABLE.value] == []
    assert by_rule[AttributionRule.ON_RECORD.value] == [OPEN_NAMES[1]]
    units = [json.dumps(i, ensure_ascii=False) for i in body["interactions"]]
    units += [json.dumps(c, ensure_ascii=False) for c in body["readiness_cues"]]
    for unit in units:
        if '"Chatham House"' in unit:
            assert not any(name in unit for name in WEST_NAMES)
        if '"non-attributable"' in unit:
            assert not any(name in unit for name in EAST_NAMES)
    assert [e["attended"] for e in body["events"]] == [2]
    assert [(t["to"], t["result"]) for t in body["transfers"]] == [
        ("BLUE FINCH", "awaiting a reaction")
    ]
    assert "A joint survey" not in json.dumps(body)  # no free text


@pytest.mark.parametrize("fmt", ["csv", "vcard", "ics"])
def test_formats_without_interactions_show_none_of_the_withheld_content(
    vault: Vault, story: Story, fmt: str
) -> None:
    text, _ = exporting.RENDERERS[fmt](vault, NOW)
    for content in (CHATHAM, SECRET, CUE_NOTE):
        assert content not in text
    if fmt == "ics":  # each calendar entry is a unit
        units = text.split("BEGIN:VEVENT")
        assert _no_source(units, CHATHAM, WEST_NAMES) == 0


def test_the_brief_shows_withheld_observations_without_their_source(
    vault: Vault, story: Story
) -> None:
    composed = brief.compose(vault, story.process, date(2026, 11, 20))
    lines = composed.text().splitlines()
    assert _no_source(lines, CHATHAM, (*WEST_NAMES, "Western bank")) == 1
    # Non-attributable: described by side at most, never by name or codename.
    assert _no_source(lines, SECRET, EAST_NAMES) == 1
    assert any(SECRET in line and "someone from the Eastern villages" in line for line in lines)
    assert any(OPEN in line and OPEN_NAMES[1] in line for line in lines)  # on the record
    # Nobody appears by name anywhere in the brief.
    for name in (WEST_NAMES[0], EAST_NAMES[0], OPEN_NAMES[0], "Marta Lindqvist"):
        assert name not in composed.text()


def test_names_typed_into_free_text_are_scrubbed_from_the_brief(vault: Vault, story: Story) -> None:
    log_interaction(
        vault,
        occurred_at=datetime(2026, 10, 12, 9, tzinfo=UTC),
        kind=InteractionKind.MEETING,
        participants=[story.west],
        process_id=story.process,
        summary="Ilan said Peretz family land is the real obstacle; Suha agrees",
    )
    log_interaction(
        vault,
        occurred_at=datetime(2026, 10, 13, 9, tzinfo=UTC),
        kind=InteractionKind.MEETING,
        participants=[story.envoy],
        process_id=story.process,
        summary="Marta will brief the minister after talking to Suha",
    )
    text = brief.compose(vault, story.process, date(2026, 11, 20)).text()
    for word in ("Ilan", "Peretz", "Suha", "Marta", "Mansour"):
        assert word not in text
    assert "[someone] said [someone] family land is the real obstacle; [someone] agrees" in text
    assert "[BLUE FINCH] will brief the minister after talking to [RED KITE]" in text
