"""Merging two actors that are one person: every record about the other moves to the
survivor, repetitions are dropped, both names are kept and search finds the survivor."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
import sqlalchemy as sa

from contactkeeper.errors import InvalidRecord
from contactkeeper.records import actors, bulk, merge, search, trash
from contactkeeper.vault import Vault
from contactkeeper.vault.model import (
    Actor,
    Affiliation,
    Base,
    Channel,
    ChannelHop,
    ChannelKind,
    CueKind,
    Direction,
    Event,
    EventRole,
    FollowUp,
    Interaction,
    InteractionKind,
    InteractionParticipant,
    Invitation,
    Organization,
    Participation,
    ParticipationRole,
    Process,
    ReadinessCue,
    Relationship,
    RelationshipKind,
    Transfer,
)

NOW = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)


def _actor(vault: Vault, name: str, *variants: str, **fields: object) -> int:
    new = actors.NewActor(name, name_variants=variants, **fields)  # type: ignore[arg-type]
    return actors.create_actor(vault, new, NOW).id


def _count(vault: Vault, query: sa.Select[tuple[int]]) -> int:
    with vault.transaction() as session:
        return session.scalar(query) or 0


def _everything(vault: Vault, survivor: int, other: int, friend: int) -> dict[str, int]:
    """A record of every kind about ``other`` (some repeating the survivor's)."""
    with vault.transaction() as session:
        org = Organization(name="Harbour Council")
        process = Process(name="Coastal dialogue")
        kind = session.scalar(sa.select(CueKind).limit(1))
        event = Event(title="Coastal workshop", starts_on=date(2026, 5, 1))
        session.add_all([org, process, event])
        session.flush()
        met = Interaction(occurred_at=NOW - timedelta(days=3), kind=InteractionKind.MEETING)
        both = Interaction(occurred_at=NOW - timedelta(days=30), kind=InteractionKind.CALL)
        session.add_all([met, both])
        session.flush()
        session.add_all(
            [
                InteractionParticipant(interaction_id=met.id, actor_id=other),
                InteractionParticipant(interaction_id=both.id, actor_id=other),
                InteractionParticipant(interaction_id=both.id, actor_id=survivor),
            ]
        )
        phone = Channel(actor_id=other, kind=ChannelKind.PHONE, label="+961 1 234 567")
        via_other = Channel(actor_id=friend, kind=ChannelKind.INDIRECT)
        own = Channel(actor_id=survivor, kind=ChannelKind.INDIRECT)
        session.add_all([phone, via_other, own])
        session.flush()
        session.add_all(
            [
                ChannelHop(channel_id=via_other.id, position=0, intermediary_id=other),
                ChannelHop(channel_id=own.id, position=0, intermediary_id=other),
                Relationship(from_actor_id=friend, to_actor_id=other, kind=RelationshipKind.TRUSTS),
                Relationship(
                    from_actor_id=other, to_actor_id=survivor, kind=RelationshipKind.FAMILY
                ),
                Affiliation(actor_id=other, organization_id=org.id, role="Adviser"),
                Participation(process_id=process.id, actor_id=other, role=ParticipationRole.PARTY),
                Participation(
                    process_id=process.id, actor_id=survivor, role=ParticipationRole.PARTY
                ),
                Participation(
                    process_id=process.id, actor_id=other, role=ParticipationRole.ADVISER
                ),
                ReadinessCue(
                    process_id=process.id,
                    actor_id=other,
                    reported_by_id=other,
                    kind_id=kind.id,
                    direction=Direction.TOWARD,
                    observed_on=date(2026, 5, 2),
                ),
                FollowUp(title="Call back", due_on=date(2026, 6, 5), actor_id=other),
                Invitation(event_id=event.id, actor_id=other, role=EventRole.PARTY_PARTICIPANT),
                Transfer(
                    content="A ceasefire map",
                    recipient_actor_id=other,
                    passed_on=date(2026, 5, 3),
                ),
            ]
        )
        return {"met": met.id, "phone": phone.id, "via_other": via_other.id, "own": own.id}


def test_everything_about_the_other_moves_to_the_survivor(vault: Vault) -> None:
    survivor = _actor(vault, "Muhammad Abbas", "Mohammed Abbas", tags=["ministry"])
    other = _actor(
        vault, "محمد عباس", "Abu Karim", "Mohammed Abbas", tags=["port"], notes="Met at the port."
    )
    friend = _actor(vault, "Layla Haddad")
    made = _everything(vault, survivor, other, friend)

    merge.merge_actors(vault, survivor, other)

    def about(model: type, column: str, actor_id: int) -> int:
        return _count(
            vault,
            sa.select(sa.func.count()).select_from(model).where(getattr(model, column) == actor_id),
        )

    assert _count(vault, sa.select(sa.func.count()).where(Actor.id == other)) == 0
    for model, column in (
        (InteractionParticipant, "actor_id"),
        (Channel, "actor_id"),
        (ChannelHop, "intermediary_id"),
        (Relationship, "from_actor_id"),
        (Relationship, "to_actor_id"),
        (Affiliation, "actor_id"),
        (Participation, "actor_id"),
        (ReadinessCue, "actor_id"),
        (ReadinessCue, "reported_by_id"),
        (FollowUp, "actor_id"),
        (Invitation, "actor_id"),
        (Transfer, "recipient_actor_id"),
    ):
        assert about(model, column, other) == 0, model
    assert about(InteractionParticipant, "actor_id", survivor) == 2  # once in the call
    assert about(Channel, "actor_id", survivor) == 2  # the phone, and the survivor's own
    assert about(Relationship, "to_actor_id", survivor) == 1  # the tie between the two goes
    assert about(Affiliation, "actor_id", survivor) == 1
    assert about(Participation, "actor_id", survivor) == 2  # party once, and adviser
    assert about(ReadinessCue, "reported_by_id", survivor) == 1
    assert about(FollowUp, "actor_id", survivor) == 1
    assert about(Invitation, "actor_id", survivor) == 1
    assert about(Transfer, "recipient_actor_id", survivor) == 1
    # The friend's channel now goes through the survivor; the survivor's own channel no
    # longer goes through the survivor.
    hops = _count(
        vault,
        sa.select(sa.func.count()).where(
            ChannelHop.channel_id == made["via_other"], ChannelHop.intermediary_id == survivor
        ),
    )
    assert hops == 1
    own_hops = sa.select(sa.func.count()).where(ChannelHop.channel_id == made["own"])
    assert _count(vault, own_hops) == 0

    detail = actors.get_actor(vault, survivor, NOW)
    assert detail.display_name == "Muhammad Abbas"
    assert [v.name for v in detail.name_variants] == ["Mohammed Abbas", "محمد عباس", "Abu Karim"]
    assert detail.tags == ("ministry", "port")
    assert "Met at the port." in detail.notes
    # The summaries follow the meeting that was the other's.
    assert detail.last_contact_at == NOW - timedelta(days=3)


def test_search_finds_the_survivor_by_the_other_names_at_once(vault: Vault) -> None:
    survivor = _actor(vault, "Muhammad Abbas")
    other = _actor(vault, "محمد عباس", "Abu Karim")

    merge.merge_actors(vault, survivor, other)

    for words in ("محمد", "Abu Karim", "Muhammad"):
        assert [h.id for h in search.search(vault, words, kinds=("actor",))] == [survivor]


def test_an_actor_cannot_be_merged_with_itself(vault: Vault) -> None:
    survivor = _actor(vault, "Muhammad Abbas")
    with pytest.raises(InvalidRecord):
        merge.merge_actors(vault, survivor, survivor)


def _dump(vault: Vault) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table (but the trash, when a row was last written, and the versions
    exchange keeps: the merge and its undoing are edits, versioned as such)."""
    with vault.transaction() as session:
        dump = {}
        for table in Base.metadata.sorted_tables:
            if table.name == "trash_items" or table.name.startswith("exchange_"):
                continue
            columns = [c for c in table.c if c.name != "updated_at"]
            rows = session.execute(sa.select(*columns)).all()
            dump[table.name] = sorted((tuple(r) for r in rows), key=repr)
        return dump


def test_undoing_a_merge_gives_back_every_record_as_it_was(vault: Vault) -> None:
    survivor = _actor(vault, "Muhammad Abbas", "Mohammed Abbas", tags=["ministry"])
    other = _actor(
        vault, "محمد عباس", "Abu Karim", "Mohammed Abbas", tags=["port"], notes="Met at the port."
    )
    friend = _actor(vault, "Layla Haddad")
    _everything(vault, survivor, other, friend)
    with vault.transaction() as session:  # the contact summaries, as the services keep them
        bulk.refresh_summaries(session)
    before = _dump(vault)

    plan = merge.merge_actors(
        vault, survivor, other, {"display_name": other, "codename": other}, NOW
    )
    assert _dump(vault) != before
    merge.unmerge(vault, plan)

    after = _dump(vault)
    for table, rows in before.items():
        assert after[table] == rows, table
    assert [h.id for h in search.search(vault, "Abu Karim", kinds=("actor",))] == [other]
    # Both are back; "Muhammad" finds the survivor by name first, the other by spelling
    # ("محمد عباس" reads "Muhammad Abbas").
    assert [h.id for h in search.search(vault, "Muhammad", kinds=("actor",))] == [
        survivor,
        other,
    ]
    assert actors.get_actor(vault, survivor, NOW).last_contact_at == NOW - timedelta(days=30)
    assert actors.get_actor(vault, other, NOW).last_contact_at == NOW - timedelta(days=3)
    assert trash.entries(vault) == []


def test_the_user_chooses_field_by_field(vault: Vault) -> None:
    survivor = _actor(vault, "Muhammad Abbas", country="Lebanon", notes="Ministry adviser.")
    other = _actor(vault, "محمد عباس", country="Syria", languages="ar", notes="Met at the port.")
    codename = actors.get_actor(vault, other, NOW).codename

    shown = merge.preview(vault, survivor, other)
    assert {d.key for d in shown.differences} >= {"display_name", "country", "notes"}
    assert "1 name" in shown.moves

    merge.merge_actors(
        vault,
        survivor,
        other,
        {"display_name": other, "codename": other, "languages": other, "notes": other},
        NOW,
    )

    detail = actors.get_actor(vault, survivor, NOW)
    assert detail.display_name == "محمد عباس"
    assert detail.codename == codename
    assert detail.country == "Lebanon"  # not chosen: the survivor's
    assert detail.languages == "ar"
    assert detail.notes == "Met at the port."
    # Both names are kept: the survivor's former one is a variant now.
    assert [v.name for v in detail.name_variants] == ["Muhammad Abbas"]
    assert [h.id for h in search.search(vault, "Muhammad", kinds=("actor",))] == [survivor]
    # The other went to the trash, whence an undo brings it back.
    assert [e.label for e in trash.entries(vault)] == ["محمد عباس (merged)"]


def test_a_choice_must_name_one_of_the_two(vault: Vault) -> None:
    survivor = _actor(vault, "Muhammad Abbas")
    other = _actor(vault, "Mohammed Abbas")
    with pytest.raises(InvalidRecord):
        merge.merge_actors(vault, survivor, other, {"display_name": 999})
    with pytest.raises(InvalidRecord):
        merge.merge_actors(vault, survivor, other, {"eye colour": other})


def test_a_merge_cannot_be_taken_back_once_the_trash_is_emptied(vault: Vault) -> None:
    survivor = _actor(vault, "Muhammad Abbas")
    other = _actor(vault, "Mohammed Abbas")
    plan = merge.merge_actors(vault, survivor, other, {"display_name": other}, NOW)
    trash.empty(vault)

    with pytest.raises(InvalidRecord, match="cannot be taken back"):
        merge.unmerge(vault, plan)
    # Nothing changed: the survivor keeps the name chosen.
    assert actors.get_actor(vault, survivor, NOW).display_name == "Mohammed Abbas"


def test_every_column_that_names_an_actor_is_moved_by_a_merge(vault: Vault) -> None:
    """A table added later that names actors must be taught to the merge (and its undo)."""
    survivor = _actor(vault, "Muhammad Abbas")
    other = _actor(vault, "Mohammed Abbas")
    plan = merge.merge_actors(vault, survivor, other, now=NOW)

    naming = {
        (fk.parent.table.name, fk.parent.name)
        for table in Base.metadata.sorted_tables
        for fk in table.foreign_keys
        if fk.column.table.name == "actors"
    }
    moved = {(table, column) for table, column, _ids in plan.moved}
    # The other's own name variants and tags go to the trash with it (copied, not moved).
    assert naming - moved == {("name_variants", "actor_id"), ("actor_tags", "actor_id")}
