"""Writes say what they changed: the vault collects the kinds (and ids) of every commit."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime

import pytest
import sqlalchemy as sa

from contactkeeper.records import actors, bulk, interactions, trash
from contactkeeper.records.actors import NewActor
from contactkeeper.records.bulk import NewInteraction
from contactkeeper.vault import Vault
from contactkeeper.vault.changes import NO_CHANGES, Changes, Kind, kind_of
from contactkeeper.vault.exchange_model import (
    ExchangeClock,
    FieldHistory,
    FieldVersion,
    PendingConflict,
    Tombstone,
)
from contactkeeper.vault.model import (
    Actor,
    ActorTag,
    Affiliation,
    Base,
    Channel,
    ChannelHop,
    ChannelKind,
    Colleague,
    CueKind,
    Direction,
    Event,
    EventOutcome,
    EventRole,
    ExchangeIdentity,
    FollowUp,
    Interaction,
    InteractionEvent,
    InteractionKind,
    InteractionParticipant,
    Invitation,
    NameVariant,
    Organization,
    OutcomeKind,
    Participation,
    ParticipationRole,
    Process,
    ReadinessCue,
    ReceivedBundle,
    Relationship,
    RelationshipKind,
    Review,
    ReviewDecision,
    Setting,
    Side,
    Tag,
    TheoryOfChange,
    Transfer,
    TrashItem,
)

T0 = datetime(2026, 5, 1, 9, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Existing:
    """Records made before the recording starts, for the new ones to point at."""

    actor: int
    other: int
    organization: int
    process: int
    channel: int
    interaction: int
    cue_kind: int
    tag: int
    event: int
    colleague: int


@pytest.fixture
def existing(vault: Vault) -> Existing:
    with vault.transaction() as s:
        actor = Actor(display_name="Layla Haddad", codename="AMBER HERON")
        other = Actor(display_name="Karim Nassar", codename="SLATE WREN")
        organization = Organization(name="Coastal Fishers Union")
        process = Process(name="Harbour talks")
        tag = Tag(name="water")
        s.add_all([actor, other, organization, process, tag])
        s.flush()
        channel = Channel(actor_id=actor.id, kind=ChannelKind.PHONE)
        interaction = Interaction(occurred_at=T0, kind=InteractionKind.CALL)
        event = Event(title="Harbour workshop", starts_on=date(2026, 5, 2))
        colleague = Colleague(name="Amal", age_recipient="age1x", verify_key="k", fingerprint="1")
        s.add_all([channel, interaction, event, colleague])
        cue_kind = s.scalars(sa.select(CueKind).limit(1)).one()
        s.flush()
        return Existing(
            actor.id,
            other.id,
            organization.id,
            process.id,
            channel.id,
            interaction.id,
            cue_kind.id,
            tag.id,
            event.id,
            colleague.id,
        )


# One new object of every model class, and the record it counts for when not itself (a name
# variant counts as a change of its actor).
NEW: dict[type[Base], Callable[[Existing], tuple[Base, int | None]]] = {
    Actor: lambda e: (Actor(display_name="Tarek", codename="DUNE OWL"), None),
    NameVariant: lambda e: (NameVariant(actor_id=e.actor, name="ليلى"), e.actor),
    ActorTag: lambda e: (ActorTag(actor_id=e.other, tag_id=e.tag), e.other),
    Tag: lambda e: (Tag(name="fisheries"), None),
    Organization: lambda e: (Organization(name="Port Authority"), None),
    Affiliation: lambda e: (Affiliation(actor_id=e.actor, organization_id=e.organization), None),
    Process: lambda e: (Process(name="Water forum"), None),
    Participation: lambda e: (
        Participation(process_id=e.process, actor_id=e.actor, role=ParticipationRole.PARTY),
        None,
    ),
    Channel: lambda e: (Channel(actor_id=e.other, kind=ChannelKind.EMAIL), None),
    ChannelHop: lambda e: (
        ChannelHop(channel_id=e.channel, position=0, intermediary_id=e.other),
        e.channel,
    ),
    Side: lambda e: (Side(process_id=e.process, name="Eastern villages"), e.process),
    Interaction: lambda e: (Interaction(occurred_at=T0, kind=InteractionKind.MEETING), None),
    InteractionParticipant: lambda e: (
        InteractionParticipant(interaction_id=e.interaction, actor_id=e.actor),
        e.interaction,
    ),
    Relationship: lambda e: (
        Relationship(from_actor_id=e.actor, to_actor_id=e.other, kind=RelationshipKind.KNOWS),
        None,
    ),
    CueKind: lambda e: (CueKind(key="harbour-strike", label="Harbour strike"), None),
    ReadinessCue: lambda e: (
        ReadinessCue(
            process_id=e.process,
            kind_id=e.cue_kind,
            direction=Direction.TOWARD,
            observed_on=date(2026, 5, 1),
        ),
        None,
    ),
    FollowUp: lambda e: (
        FollowUp(title="Call back", due_on=date(2026, 5, 8), actor_id=e.actor),
        None,
    ),
    Event: lambda e: (Event(title="Second round", starts_on=date(2026, 6, 1)), None),
    Invitation: lambda e: (
        Invitation(event_id=e.event, actor_id=e.actor, role=EventRole.PARTY_PARTICIPANT),
        e.event,
    ),
    EventOutcome: lambda e: (
        EventOutcome(event_id=e.event, kind=OutcomeKind.IDEA, text="A joint survey"),
        e.event,
    ),
    InteractionEvent: lambda e: (
        InteractionEvent(interaction_id=e.interaction, event_id=e.event),
        e.interaction,
    ),
    Transfer: lambda e: (Transfer(content="A joint survey", passed_on=date(2026, 6, 2)), None),
    TheoryOfChange: lambda e: (TheoryOfChange(process_id=e.process, text="If..."), e.process),
    Review: lambda e: (
        Review(process_id=e.process, held_on=date(2026, 6, 3), decision=ReviewDecision.GO_ON),
        None,
    ),
    Setting: lambda e: (Setting(key="colour", value="blue"), None),
    TrashItem: lambda e: (TrashItem(deleted_at=T0, kind="actor", label="x", payload="{}"), None),
    Colleague: lambda e: (
        Colleague(name="Omar", age_recipient="age1y", verify_key="v", fingerprint="2"),
        None,
    ),
    ReceivedBundle: lambda e: (
        ReceivedBundle(bundle_id="b", colleague_id=e.colleague, created_at=T0, payload_sha256=""),
        e.colleague,
    ),
    ExchangeIdentity: lambda e: (
        ExchangeIdentity(age_identity="s", age_recipient="r", signing_key="k", verify_key="v"),
        None,
    ),
    ExchangeClock: lambda e: (ExchangeClock(vault_id="another", counter=1), None),
    FieldVersion: lambda e: (
        FieldVersion(record_uuid="u", field="f", vector="{}", edited_at=T0),
        None,
    ),
    Tombstone: lambda e: (
        Tombstone(record_uuid="u", table_name="actors", vector="{}", deleted_at=T0),
        None,
    ),
    PendingConflict: lambda e: (
        PendingConflict(
            record_uuid="u",
            table_name="actors",
            field="f",
            theirs="1",
            their_vector="{}",
            received_at=T0,
        ),
        None,
    ),
    FieldHistory: lambda e: (
        FieldHistory(
            record_uuid="u",
            table_name="actors",
            field="f",
            value="1",
            vector="{}",
            replaced_at=T0,
            reason="lost",
        ),
        None,
    ),
}


def test_every_model_class_has_a_kind_and_every_kind_a_class() -> None:
    classes = {mapper.class_ for mapper in Base.registry.mappers}
    assert set(NEW) == classes
    assert {kind_of(cls) for cls in classes} == set(Kind)


@pytest.mark.parametrize("model", list(NEW), ids=lambda m: m.__name__)
def test_a_flush_of_each_model_class_yields_its_kind_and_id(
    vault: Vault, existing: Existing, model: type[Base]
) -> None:
    obj, owner = NEW[model](existing)
    with vault.recording() as recorded, vault.transaction() as s:
        s.add(obj)
    kind = kind_of(model)
    assert recorded.changes.kinds == {kind}
    if model in (Setting, ExchangeIdentity) or kind is Kind.EXCHANGE:
        assert recorded.changes.ids_of(kind) is None  # settings have names, not ids
    else:
        record_id = owner if owner is not None else sa.inspect(obj).identity[0]
        assert recorded.changes.ids_of(kind) == {record_id}


def test_an_edit_yields_its_kind_and_an_edit_to_the_same_value_yields_nothing(
    vault: Vault, existing: Existing
) -> None:
    with vault.recording() as same, vault.transaction() as s:
        s.get_one(Actor, existing.actor).display_name = "Layla Haddad"
    assert same.changes == NO_CHANGES
    with vault.recording() as edited, vault.transaction() as s:
        s.get_one(Actor, existing.actor).display_name = "Layla H."
    assert edited.changes.kinds == {Kind.ACTOR}
    assert edited.changes.ids_of(Kind.ACTOR) == {existing.actor}


def test_a_delete_yields_what_the_database_deletes_with_it(
    vault: Vault, existing: Existing
) -> None:
    with vault.recording() as recorded, vault.transaction() as s:
        s.delete(s.get_one(Process, existing.process))
    changes = recorded.changes
    assert Kind.PROCESS in changes
    assert changes.ids_of(Kind.PROCESS) == {existing.process}
    # Cascades and unlinked rows: which ones is not known, so any may have changed.
    for kind in (Kind.PARTICIPANT, Kind.READINESS_CUE, Kind.FOLLOW_UP, Kind.INTERACTION):
        assert changes.touches(kind, 12345)
    assert Kind.ORGANIZATION not in changes


def _cancelled_write(vault: Vault) -> None:
    with vault.transaction() as s:
        s.add(Actor(display_name="Never saved", codename="GHOST"))
        s.flush()
        bulk.insert(s, Organization, [{"name": "Never saved either"}])
        raise RuntimeError("the user cancelled")


def test_a_rolled_back_unit_of_work_yields_nothing(vault: Vault, existing: Existing) -> None:
    with vault.recording() as recorded:
        with pytest.raises(RuntimeError, match="cancelled"):
            _cancelled_write(vault)
        with vault.transaction() as s:  # the next unit of work starts clean
            s.get_one(Organization, existing.organization).notes = "quay 4"
    assert recorded.changes.kinds == {Kind.ORGANIZATION}
    assert recorded.changes.ids_of(Kind.ORGANIZATION) == {existing.organization}


def test_services_called_in_one_recording_add_up(vault: Vault) -> None:
    with vault.recording() as recorded:
        layla = actors.create_actor(vault, NewActor("Layla Haddad", tags=["water"]), T0)
        logged = interactions.log_interaction(
            vault, occurred_at=T0, kind=InteractionKind.MEETING, participants=[layla.id]
        )
    changes = recorded.changes
    assert changes.kinds == {Kind.ACTOR, Kind.TAG, Kind.INTERACTION}
    assert changes.ids_of(Kind.INTERACTION) == {logged.id}
    assert changes.touches(Kind.ACTOR, layla.id)
    assert not changes.touches(Kind.ACTOR, layla.id + 1)


def test_nothing_is_collected_outside_a_recording(vault: Vault) -> None:
    actors.create_actor(vault, NewActor("Before"), T0)
    with vault.recording() as recorded:
        pass
    assert recorded.changes == NO_CHANGES
    assert not recorded.changes


def test_bulk_paths_say_what_they_wrote(vault: Vault, existing: Existing) -> None:
    with vault.recording() as recorded, vault.transaction() as s:
        ids = bulk.add_actors(s, [NewActor("Amal", tags=["fisheries"]), NewActor("Boris")])
    assert recorded.changes.kinds == {Kind.ACTOR, Kind.TAG}
    assert recorded.changes.ids_of(Kind.ACTOR) == set(ids)

    with vault.recording() as recorded, vault.transaction() as s:
        (new,) = bulk.add_interactions(
            s,
            [NewInteraction(T0, InteractionKind.CALL, [ids[0]], channel_id=existing.channel)],
        )
    assert recorded.changes.kinds == {Kind.INTERACTION, Kind.ACTOR, Kind.CHANNEL}
    assert recorded.changes.ids_of(Kind.INTERACTION) == {new}
    assert recorded.changes.ids_of(Kind.ACTOR) == {ids[0]}
    assert recorded.changes.ids_of(Kind.CHANNEL) == {existing.channel}

    with vault.recording() as recorded, vault.transaction() as s:
        bulk.refresh_summaries(s)
    assert recorded.changes.kinds == {Kind.ACTOR, Kind.CHANNEL}
    assert recorded.changes.ids_of(Kind.ACTOR) is None  # every actor: not listed
    assert recorded.changes.touches(Kind.ACTOR, existing.other)


def test_restoring_from_the_trash_says_what_came_back(vault: Vault, existing: Existing) -> None:
    layla = actors.create_actor(vault, NewActor("Layla Haddad", name_variants=["ليلى"]), T0)
    entry = trash.discard(vault, Kind.ACTOR, layla.id, "Layla Haddad", T0)
    with vault.recording() as recorded:
        trash.restore(vault, entry.id)
    assert {Kind.ACTOR, Kind.TRASH} <= recorded.changes.kinds
    assert recorded.changes.touches(Kind.ACTOR, layla.id)
    assert recorded.changes.ids_of(Kind.TRASH) == {entry.id}


def test_a_recording_sees_only_its_own_thread(vault: Vault, existing: Existing) -> None:
    def elsewhere() -> None:
        with vault.transaction() as s:
            s.get_one(Process, existing.process).description = "written by another thread"

    with vault.recording() as recorded:
        worker = threading.Thread(target=elsewhere)
        worker.start()
        worker.join()
        with vault.transaction() as s:
            s.get_one(Organization, existing.organization).notes = "here"
    assert recorded.changes.kinds == {Kind.ORGANIZATION}


def test_changes_combine_and_keep_unknown_ids_unknown() -> None:
    known = Changes(frozenset({Kind.ACTOR}), {Kind.ACTOR: frozenset({1})})
    more = Changes(frozenset({Kind.ACTOR, Kind.TAG}), {Kind.ACTOR: frozenset({2})})
    assert (known | more).ids_of(Kind.ACTOR) == {1, 2}
    assert (known | more).ids_of(Kind.TAG) is None
    assert (known | Changes.of(Kind.ACTOR)).ids_of(Kind.ACTOR) is None
    assert (known | NO_CHANGES) == known
    assert Changes.of(Kind.FOLLOW_UP).any_of({Kind.FOLLOW_UP, Kind.ACTOR})
    assert not Changes.of(Kind.TRASH).any_of({Kind.FOLLOW_UP, Kind.ACTOR})
