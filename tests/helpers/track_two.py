"""A small track-two story for tests: a process with two sides, a workshop, its outcomes,
a transfer to track one, and material under each attribution rule, with names to scan for."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from contactkeeper.records import actors, events, organizations, processes, standing, transfers
from contactkeeper.records.actors import NewActor
from contactkeeper.records.events import NewEvent
from contactkeeper.records.interactions import log_interaction
from contactkeeper.records.transfers import NewTransfer
from contactkeeper.vault import Vault
from contactkeeper.vault.model import (
    ActorTrack,
    AttributionRule,
    EventRole,
    InteractionKind,
    InvitationStatus,
    OutcomeKind,
    ParticipationRole,
)

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Story:
    process: int
    event: int
    west: int  # Ilan Peretz, GREY HERON: speaks under Chatham House
    east: int  # Suha Mansour, RED KITE: non-attributable
    envoy: int  # Marta Lindqvist: track one
    ministry: int
    idea: int  # an outcome of the workshop
    transfer: int
    chatham_interaction: int
    secret_interaction: int


# Names that must never appear next to the material they are the source of.
WEST_NAMES = ("Ilan Peretz", "GREY HERON")
EAST_NAMES = ("Suha Mansour", "RED KITE")


def build(vault: Vault) -> Story:
    process = processes.create_process(vault, "Valley Water Dialogue").id
    west = actors.create_actor(vault, NewActor("Ilan Peretz", codename="GREY HERON"), NOW).id
    east = actors.create_actor(vault, NewActor("Suha Mansour", codename="RED KITE"), NOW).id
    envoy = actors.create_actor(vault, NewActor("Marta Lindqvist", codename="BLUE FINCH"), NOW).id
    standing.set_standing(vault, west, standing.Standing(attribution=AttributionRule.CHATHAM_HOUSE))
    standing.set_standing(
        vault, east, standing.Standing(attribution=AttributionRule.NON_ATTRIBUTABLE)
    )
    standing.set_standing(vault, envoy, standing.Standing(actor_track=ActorTrack.ONE))
    ministry = organizations.create_organization(vault, "Ministry of Water").id
    organizations.set_official(vault, ministry, True)
    for who in (west, east):
        processes.add_participant(vault, process, who, ParticipationRole.PARTY)
    processes.add_side(vault, process, "Western bank")
    info = processes.add_side(vault, process, "Eastern villages")
    by_actor = {p.actor_id: p.participation_id for p in info.participants}
    processes.set_participant_side(vault, by_actor[west], info.sides[0].id)
    processes.set_participant_side(vault, by_actor[east], info.sides[1].id)
    event = events.create_event(
        vault,
        NewEvent(
            "Lakeside workshop",
            date(2026, 10, 5),
            process_id=process,
            ends_on=date(2026, 10, 7),
            venue="Montreux",
            convenor="Alpine Dialogue Centre",
            funder="Lake Fund",
            ground_rules="Chatham House; no recording",
        ),
    )
    for who in (west, east):
        invitation = events.invite(vault, event, who, EventRole.PARTY_PARTICIPANT)
        events.set_invitation(vault, invitation, status=InvitationStatus.ATTENDED)
    idea = events.add_outcome(vault, event, OutcomeKind.IDEA, "A joint survey of the aquifer")
    events.add_outcome(vault, event, OutcomeKind.DISAGREEMENT, "Who pays for the pumping stations")
    chatham = log_interaction(
        vault,
        occurred_at=datetime(2026, 10, 6, 18, tzinfo=UTC),
        kind=InteractionKind.SIDELINES,
        participants=[west],
        process_id=process,
        event_id=event,
        summary="Hinted the western council would accept a shared survey",
    ).id
    secret = log_interaction(
        vault,
        occurred_at=datetime(2026, 10, 8, 11, tzinfo=UTC),
        kind=InteractionKind.CALL,
        participants=[east],
        process_id=process,
        summary="Villages ready to drop the precondition",
    ).id
    transfer = transfers.log_transfer(
        vault,
        NewTransfer(
            "A joint survey of the aquifer",
            date(2026, 10, 20),
            event_id=event,
            outcome_id=idea,
            recipient_actor_id=envoy,
            via="Embassy briefing",
        ),
    )
    return Story(process, event, west, east, envoy, ministry, idea, transfer, chatham, secret)
