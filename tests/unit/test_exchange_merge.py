"""Exchange between colleagues: payloads built in one vault and merged into another.

Two and three real vaults exchange payloads directly (the envelope that signs and encrypts
them is tested elsewhere): a process shared both ways, the same actor edited on both sides,
deletions, the same payload twice, an older payload, a chain A -> B -> C -> A.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from contactkeeper.errors import (
    ConflictSettled,
    NothingToShare,
    PayloadInvalid,
    PayloadTooLarge,
    PayloadTooNew,
)
from contactkeeper.exchange.team import selection as selection_module
from contactkeeper.exchange.team import sharing
from contactkeeper.exchange.team.sharing import RecordKind, Selection
from contactkeeper.records import actors, interactions, processes, trash
from contactkeeper.records.actors import NewActor
from contactkeeper.vault import Vault
from contactkeeper.vault.changes import Kind
from contactkeeper.vault.model import (
    Actor,
    AttributionRule,
    Base,
    Interaction,
    InteractionKind,
    ParticipationRole,
    Process,
    Sensitivity,
    TrashItem,
)

NOW = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)


@dataclass
class Shared:
    process: int
    convenor: int
    party: int
    interactions: list[int]


def _scenario(vault: Vault) -> Shared:
    process = processes.create_process(vault, "Valley water talks", description="Upstream talks")
    convenor = actors.create_actor(
        vault, NewActor("Amal Haddad", codename="Heron", country="Jordan"), NOW
    ).id
    party = actors.create_actor(
        vault, NewActor("Samir Khoury", codename="Osprey", notes="Prefers mornings"), NOW
    ).id
    processes.add_participant(vault, process.id, convenor, ParticipationRole.CONVENOR)
    processes.add_participant(vault, process.id, party, ParticipationRole.PARTY)
    logged = [
        interactions.log_interaction(
            vault,
            occurred_at=NOW - timedelta(days=d),
            kind=InteractionKind.MEETING,
            participants=[convenor, party],
            summary=f"Round {d} on the dam's quotas",
            process_id=process.id,
            attribution=AttributionRule.ON_RECORD,
        ).id
        for d in (1, 2, 3)
    ]
    return Shared(process.id, convenor, party, logged)


Model = type[Actor] | type[Process] | type[Interaction]


def _by_uuid(vault: Vault, model: Model, uuid: str) -> dict[str, object]:
    with vault.transaction() as session:
        row = session.execute(sa.select(model).where(model.uuid == uuid)).scalar_one_or_none()
        if row is None:
            return {}
        return {c.key: getattr(row, c.key) for c in sa.inspect(row).mapper.columns}


def _uuid(vault: Vault, model: Model, record_id: int) -> str:
    with vault.transaction() as session:
        return session.execute(sa.select(model.uuid).where(model.id == record_id)).scalar_one()


def _id(vault: Vault, model: Model, uuid: str) -> int:
    with vault.transaction() as session:
        return session.execute(sa.select(model.id).where(model.uuid == uuid)).scalar_one()


def _edit(vault: Vault, model: type[Actor], record_id: int, **values: object) -> None:
    with vault.transaction() as session:
        record = session.get_one(model, record_id)
        for name, value in values.items():
            setattr(record, name, value)


def _send(source: Vault, target: Vault, selection: Selection, sender: str) -> sharing.MergeReport:
    payload = sharing.build_payload(source, selection, sender_name=sender)
    return sharing.apply_payload(target, payload, sender=sender, received_at=NOW)


def _everything(vault: Vault) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, for 'nothing changed' checks."""
    with vault.transaction() as session:
        return {
            table.name: sorted(map(tuple, session.execute(sa.select(table))), key=repr)
            for table in Base.metadata.sorted_tables
        }


@pytest.fixture
def two(make_vault: Callable[..., Vault]) -> tuple[Vault, Vault]:
    return make_vault("amal"), make_vault("bruno")


def test_a_process_shared_arrives_whole_and_the_colleague_can_find_it(
    two: tuple[Vault, Vault],
) -> None:
    a, b = two
    shared = _scenario(a)
    preview = sharing.preview_payload(
        b,
        sharing.build_payload(
            a, Selection(process_ids=frozenset({shared.process})), sender_name="Amal"
        ),
        sender="Amal",
    )
    assert len(preview.new) > 0
    assert not preview.changed
    assert not preview.conflicts
    assert _by_uuid(b, Process, _uuid(a, Process, shared.process)) == {}  # a preview writes nothing

    report = _send(a, b, Selection(process_ids=frozenset({shared.process})), "Amal")

    assert {item.kind for item in report.new} >= {Kind.PROCESS, Kind.ACTOR, Kind.INTERACTION}
    assert Kind.INTERACTION in report.changes
    process = processes.get_process(b, _id(b, Process, _uuid(a, Process, shared.process)))
    assert process.name == "Valley water talks"
    assert len(process.participants) == 2
    osprey = _id(b, Actor, _uuid(a, Actor, shared.party))
    journal = interactions.journal(b, interactions.JournalFilter(actor_id=osprey))
    assert sorted(i.summary for i in journal) == [
        f"Round {d} on the dam's quotas" for d in (1, 2, 3)
    ]
    detail = actors.get_actor(b, osprey, NOW)
    assert detail.last_contact_at == NOW - timedelta(days=1)  # warmth follows the history
    assert detail.notes == ""  # private notes stay home unless included
    from contactkeeper.records import search

    assert len(search.search(b, "quotas")) >= 1
    assert len(search.search(b, "Osprey")) >= 1


def test_a_process_shared_both_ways_merges_field_by_field(two: tuple[Vault, Vault]) -> None:
    a, b = two
    shared = _scenario(a)
    selection = Selection(process_ids=frozenset({shared.process}))
    _send(a, b, selection, "Amal")
    heron_uuid = _uuid(a, Actor, shared.convenor)
    heron_b = _id(b, Actor, heron_uuid)
    # Both edit the same actor: different fields.
    _edit(a, Actor, shared.convenor, country="Lebanon")
    _edit(b, Actor, heron_b, languages="Arabic, French")
    process_b = _id(b, Process, _uuid(a, Process, shared.process))
    back = _send(b, a, Selection(process_ids=frozenset({process_b})), "Bruno")
    again = _send(a, b, selection, "Amal")

    assert not back.conflicts
    assert not again.conflicts
    for vault in (a, b):
        heron = _by_uuid(vault, Actor, heron_uuid)
        assert (heron["country"], heron["languages"]) == ("Lebanon", "Arabic, French")


def test_the_same_field_edited_on_both_sides_is_a_conflict_and_the_loser_is_kept(
    two: tuple[Vault, Vault],
) -> None:
    a, b = two
    shared = _scenario(a)
    selection = Selection(process_ids=frozenset({shared.process}))
    _send(a, b, selection, "Amal")
    heron_uuid = _uuid(a, Actor, shared.convenor)
    heron_b = _id(b, Actor, heron_uuid)
    _edit(a, Actor, shared.convenor, country="Lebanon")
    _edit(b, Actor, heron_b, country="Syria")

    report = _send(a, b, selection, "Amal")

    assert [item.fields for item in report.conflicts] == [("country",)]
    assert _by_uuid(b, Actor, heron_uuid)["country"] == "Syria"  # ours stays until settled
    [conflict] = sharing.pending_conflicts(b)
    assert (conflict.ours, conflict.theirs, conflict.sender) == ("Syria", "Lebanon", "Amal")
    assert "Lebanon" in conflict.line
    # The same payload again: the same conflict, not a second one.
    assert not _send(a, b, selection, "Amal").conflicts
    assert len(sharing.pending_conflicts(b)) == 1

    changed = sharing.settle_conflict(b, conflict.id, "theirs")

    assert Kind.ACTOR in changed
    assert _by_uuid(b, Actor, heron_uuid)["country"] == "Lebanon"
    assert sharing.pending_conflicts(b) == []
    [lost] = [h for h in sharing.record_history(b, heron_uuid) if h.field == "country"]
    assert (lost.value, lost.reason) == ("Syria", "lost")
    with pytest.raises(ConflictSettled):
        sharing.settle_conflict(b, conflict.id, "ours")
    # The settled value has seen both edits: it wins on the other side too, quietly.
    process_b = _id(b, Process, _uuid(a, Process, shared.process))
    back = _send(b, a, Selection(process_ids=frozenset({process_b})), "Bruno")
    assert not back.conflicts
    assert _by_uuid(a, Actor, heron_uuid)["country"] == "Lebanon"


def test_a_newer_edit_wins_and_the_replaced_value_goes_to_history_with_its_provenance(
    two: tuple[Vault, Vault],
) -> None:
    a, b = two
    shared = _scenario(a)
    selection = Selection(process_ids=frozenset({shared.process}))
    _send(a, b, selection, "Amal")
    heron_uuid = _uuid(a, Actor, shared.convenor)
    _edit(a, Actor, shared.convenor, country="Lebanon")

    report = _send(a, b, selection, "Amal")

    assert [item.fields for item in report.changed] == [("country",)]
    assert _by_uuid(b, Actor, heron_uuid)["country"] == "Lebanon"
    [replaced] = sharing.record_history(b, heron_uuid)
    assert (replaced.value, replaced.source, replaced.reason) == ("Jordan", "Amal", "replaced")
    assert replaced.line == "country: \u2068Jordan\u2069 (from \u2068Amal\u2069, 1 June 2026)"
    assert "1 record changed" in report.lines()
    assert any("country" in line for line in report.lines())


def test_the_same_payload_twice_changes_nothing(two: tuple[Vault, Vault]) -> None:
    a, b = two
    shared = _scenario(a)
    payload = sharing.build_payload(
        a, Selection(process_ids=frozenset({shared.process})), sender_name="Amal"
    )
    sharing.apply_payload(b, payload, sender="Amal", received_at=NOW)
    before = _everything(b)

    report = sharing.apply_payload(b, payload, sender="Amal", received_at=NOW)

    assert report.empty
    assert report.unchanged > 0
    assert sharing.preview_payload(b, payload, sender="Amal").empty
    assert _everything(b) == before


def test_an_older_payload_never_overwrites_newer_data(two: tuple[Vault, Vault]) -> None:
    a, b = two
    shared = _scenario(a)
    selection = Selection(process_ids=frozenset({shared.process}))
    old = sharing.build_payload(a, selection, sender_name="Amal")
    _edit(a, Actor, shared.convenor, country="Lebanon")
    new = sharing.build_payload(a, selection, sender_name="Amal")
    sharing.apply_payload(b, new, sender="Amal", received_at=NOW)
    before = _everything(b)

    report = sharing.apply_payload(b, old, sender="Amal", received_at=NOW)

    assert report.empty
    assert _by_uuid(b, Actor, _uuid(a, Actor, shared.convenor))["country"] == "Lebanon"
    assert _everything(b) == before


def test_a_deletion_travels_as_a_tombstone_to_the_trash_and_an_old_copy_stays_out(
    two: tuple[Vault, Vault],
) -> None:
    a, b = two
    shared = _scenario(a)
    selection = Selection(process_ids=frozenset({shared.process}))
    old = sharing.build_payload(a, selection, sender_name="Amal")
    sharing.apply_payload(b, old, sender="Amal", received_at=NOW)
    first = shared.interactions[0]
    with a.transaction() as session:
        uuid = session.get_one(Interaction, first).uuid
    trash.discard(a, Kind.INTERACTION, first, "Round 1", NOW)

    report = _send(a, b, selection, "Amal")

    assert [item.uuid for item in report.deleted] == [uuid]
    assert _by_uuid(b, Interaction, uuid) == {}
    assert [e.kind for e in trash.entries(b)] == [Kind.INTERACTION]  # in the trash, not gone
    assert sharing.apply_payload(b, old, sender="Amal", received_at=NOW).empty
    assert _by_uuid(b, Interaction, uuid) == {}


def test_a_deletion_that_has_not_seen_an_edit_waits_for_the_user(two: tuple[Vault, Vault]) -> None:
    a, b = two
    shared = _scenario(a)
    selection = Selection(process_ids=frozenset({shared.process}))
    _send(a, b, selection, "Amal")
    osprey_uuid = _uuid(a, Actor, shared.party)
    _edit(b, Actor, _id(b, Actor, osprey_uuid), country="Egypt")
    trash.discard(a, Kind.ACTOR, shared.party, "Osprey", NOW)

    report = _send(a, b, selection, "Amal")

    assert [item.fields for item in report.conflicts] == [("(deleted)",)]
    assert _by_uuid(b, Actor, osprey_uuid)["country"] == "Egypt"
    [conflict] = sharing.pending_conflicts(b)
    sharing.settle_conflict(b, conflict.id, "theirs")
    assert _by_uuid(b, Actor, osprey_uuid) == {}


def test_three_vaults_pass_edits_along_and_back(make_vault: Callable[..., Vault]) -> None:
    a, b, c = make_vault("amal"), make_vault("bruno"), make_vault("chen")
    shared = _scenario(a)
    heron_uuid = _uuid(a, Actor, shared.convenor)
    process_uuid = _uuid(a, Process, shared.process)
    _send(a, b, Selection(process_ids=frozenset({shared.process})), "Amal")
    _edit(b, Actor, _id(b, Actor, heron_uuid), languages="Arabic")
    _send(b, c, Selection(process_ids=frozenset({_id(b, Process, process_uuid)})), "Bruno")
    _edit(c, Actor, _id(c, Actor, heron_uuid), country="Iraq")
    _edit(a, Actor, shared.convenor, display_name="Amal H.")

    report = _send(c, a, Selection(process_ids=frozenset({_id(c, Process, process_uuid)})), "Chen")

    assert not report.conflicts
    heron = _by_uuid(a, Actor, heron_uuid)
    assert (heron["display_name"], heron["languages"], heron["country"]) == (
        "Amal H.",
        "Arabic",
        "Iraq",
    )
    assert len(interactions.journal(a, interactions.JournalFilter())) == 3  # nothing doubled
    # And back to B through A: B learns of C's edit without a conflict.
    back = _send(a, b, Selection(process_ids=frozenset({shared.process})), "Amal")
    assert not back.conflicts
    assert _by_uuid(b, Actor, heron_uuid)["country"] == "Iraq"


def test_nothing_of_a_high_risk_actor_leaves_unless_chosen(two: tuple[Vault, Vault]) -> None:
    a, _b = two
    shared = _scenario(a)
    falcon = actors.create_actor(
        a,
        NewActor(
            "Yusuf Darwish",
            codename="Falcon",
            sensitivity=Sensitivity.HIGH_RISK,
            notes="Safe house near the souk",
            name_variants=("يوسف درويش",),
        ),
        NOW,
    ).id
    processes.add_participant(a, shared.process, falcon, ParticipationRole.PARTY)
    interactions.log_interaction(
        a,
        occurred_at=NOW,
        kind=InteractionKind.MEETING,
        participants=[falcon, shared.party],
        summary="Quiet talk at the border crossing",
        process_id=shared.process,
        attribution=AttributionRule.ON_RECORD,
    )
    falcon_uuid = _uuid(a, Actor, falcon)
    selection = Selection(process_ids=frozenset({shared.process}))

    preview = sharing.preview_selection(a, selection)
    payload = sharing.build_payload(a, selection, sender_name="Amal")

    assert any("FALCON" in item.line for item in preview.left_out)
    assert any("high-risk" in line for line in preview.lines())
    text = payload.decode("utf-8")
    for secret in (
        "Yusuf",
        "Darwish",
        "Falcon",
        "يوسف",
        "Safe house",
        "border crossing",
        falcon_uuid,
    ):
        assert secret.lower() not in text.lower(), secret
    json.loads(text)  # the scan read the whole payload, which is JSON
    # Chosen explicitly, the actor goes.
    chosen = sharing.build_payload(
        a,
        Selection(process_ids=frozenset({shared.process}), include_high_risk=True),
        sender_name="Amal",
    )
    assert "FALCON" in chosen.decode("utf-8")
    assert falcon_uuid in chosen.decode("utf-8")


def test_restricted_interactions_and_private_notes_are_left_out_unless_included(
    two: tuple[Vault, Vault],
) -> None:
    a, _b = two
    shared = _scenario(a)
    interactions.log_interaction(
        a,
        occurred_at=NOW,
        kind=InteractionKind.CALL,
        participants=[shared.party],
        summary="Off the record about the quotas",
        process_id=shared.process,
        attribution=AttributionRule.CHATHAM_HOUSE,
    )
    selection = Selection(process_ids=frozenset({shared.process}))

    preview = sharing.preview_selection(a, selection)
    text = sharing.build_payload(a, selection, sender_name="Amal").decode("utf-8")

    assert preview.counts[RecordKind.INTERACTIONS] == 3
    assert any("attribution" in item.line for item in preview.left_out)
    assert any("private note" in item.line for item in preview.left_out)
    assert "Off the record" not in text
    assert "Prefers mornings" not in text
    everything = Selection(
        process_ids=frozenset({shared.process}), include_restricted=True, include_private_notes=True
    )
    text = sharing.build_payload(a, everything, sender_name="Amal").decode("utf-8")
    assert "Off the record" in text
    assert "Prefers mornings" in text


def test_a_local_edit_of_a_shared_field_bumps_its_version_and_a_derived_one_does_not(
    vault: Vault,
) -> None:
    shared = _scenario(vault)
    selection = Selection(process_ids=frozenset({shared.process}))

    def version(field: str) -> dict[str, int]:
        document = json.loads(sharing.build_payload(vault, selection, sender_name="A"))
        [actor] = [
            r for r in document["records"] if r["uuid"] == _uuid(vault, Actor, shared.convenor)
        ]
        found: dict[str, int] = actor["fields"][field]["version"]
        return found

    assert version("country") == {}
    actors.update_actor(vault, shared.convenor, NOW, country="Lebanon", cadence_days=12)
    first = version("country")
    assert list(first.values())
    assert all(v > 0 for v in first.values())
    actors.update_actor(vault, shared.convenor, NOW, country="Syria")
    assert next(iter(version("country").values())) > next(iter(first.values()))
    assert version("display_name") == {}  # untouched fields keep their version


@pytest.mark.parametrize(
    "payload",
    [
        b"",
        b"not json",
        b"[]",
        b'{"format": "something else"}',
        b'{"format": "contactkeeper-exchange-payload", "version": "1"}',
    ],
)
def test_a_payload_that_is_not_one_is_refused_and_nothing_changes(
    vault: Vault, payload: bytes
) -> None:
    with pytest.raises(PayloadInvalid):
        sharing.preview_payload(vault, payload, sender="Amal")


def test_a_hostile_value_is_refused_and_nothing_is_written(two: tuple[Vault, Vault]) -> None:
    a, b = two
    shared = _scenario(a)
    document = json.loads(
        sharing.build_payload(
            a, Selection(process_ids=frozenset({shared.process})), sender_name="Amal"
        )
    )
    [actor] = [r for r in document["records"] if r["type"] == "actor"][:1]
    actor["fields"]["sensitivity"]["value"] = "whatever"
    before = _everything(b)
    with pytest.raises(PayloadInvalid):
        sharing.apply_payload(b, json.dumps(document).encode(), sender="Amal", received_at=NOW)
    assert _everything(b) == before


def test_a_newer_format_is_refused_with_advice(vault: Vault) -> None:
    payload = json.dumps({"format": "contactkeeper-exchange-payload", "version": 99}).encode()
    with pytest.raises(PayloadTooNew):
        sharing.preview_payload(vault, payload, sender="Amal")


def test_the_payload_is_canonical(vault: Vault) -> None:
    shared = _scenario(vault)
    selection = Selection(process_ids=frozenset({shared.process}))
    first = sharing.build_payload(vault, selection, sender_name="A", now=NOW)
    assert first == sharing.build_payload(vault, selection, sender_name="A", now=NOW)
    assert (
        first
        == json.dumps(
            json.loads(first), sort_keys=True, separators=(",", ":"), ensure_ascii=False
        ).encode()
    )


def test_a_trashed_record_leaves_a_tombstone_and_restoring_it_removes_it(vault: Vault) -> None:
    shared = _scenario(vault)
    trash.discard(vault, Kind.ACTOR, shared.party, "Osprey", NOW)
    selection = Selection(process_ids=frozenset({shared.process}))
    document = json.loads(sharing.build_payload(vault, selection, sender_name="A"))
    assert "actor" in {t["type"] for t in document["tombstones"]}
    with vault.transaction() as session:
        item = session.scalars(sa.select(TrashItem)).one()
    trash.restore(vault, item.id)
    document = json.loads(sharing.build_payload(vault, selection, sender_name="A"))
    assert "actor" not in {t["type"] for t in document["tombstones"]}


def test_a_payload_naming_a_record_under_another_type_is_refused(two: tuple[Vault, Vault]) -> None:
    a, b = two
    shared = _scenario(a)
    selection = Selection(process_ids=frozenset({shared.process}))
    _send(a, b, selection, "Amal")
    document = json.loads(sharing.build_payload(a, selection, sender_name="Amal"))
    interaction = next(r for r in document["records"] if r["type"] == "interaction")
    actor = next(r for r in document["records"] if r["type"] == "actor")
    actor["uuid"] = interaction["uuid"]
    document["records"].remove(interaction)
    before = _everything(b)

    with pytest.raises(PayloadInvalid, match="type of another"):
        sharing.apply_payload(b, json.dumps(document).encode(), sender="Amal", received_at=NOW)

    assert _everything(b) == before


def test_a_deleted_process_goes_to_the_colleagues_trash_as_one_item(
    two: tuple[Vault, Vault],
) -> None:
    a, b = two
    shared = _scenario(a)
    selection = Selection(process_ids=frozenset({shared.process}))
    _send(a, b, selection, "Amal")
    process_uuid = _uuid(a, Process, shared.process)
    trash.discard(a, Kind.PROCESS, shared.process, "Valley water talks", NOW)

    # Any payload carries the tombstones: here, one of an actor who stays.
    report = _send(a, b, Selection(actor_ids=frozenset({shared.convenor})), "Amal")

    assert [item.kind for item in report.deleted] == [Kind.PROCESS]
    assert _by_uuid(b, Process, process_uuid) == {}
    [entry] = trash.entries(b)
    assert entry.kind == Kind.PROCESS
    trash.restore(b, entry.id)
    assert len(processes.get_process(b, _id(b, Process, process_uuid)).participants) == 2
    # Put back by the user, it is not deleted again by the same tombstone: the user decides.
    again = _send(a, b, Selection(actor_ids=frozenset({shared.convenor})), "Amal")
    assert not again.deleted
    assert [c.field for c in sharing.pending_conflicts(b)] == ["(deleted)"]


def test_a_selection_that_shares_nothing_writes_nothing(vault: Vault) -> None:
    falcon = actors.create_actor(
        vault, NewActor("Yusuf Darwish", sensitivity=Sensitivity.HIGH_RISK), NOW
    ).id
    with pytest.raises(NothingToShare):
        sharing.build_payload(vault, Selection(), sender_name="Amal")
    with pytest.raises(NothingToShare):
        sharing.build_payload(vault, Selection(actor_ids=frozenset({falcon})), sender_name="Amal")


def test_a_later_edit_from_the_same_side_replaces_the_conflict_waiting(
    two: tuple[Vault, Vault],
) -> None:
    a, b = two
    shared = _scenario(a)
    selection = Selection(process_ids=frozenset({shared.process}))
    _send(a, b, selection, "Amal")
    heron_b = _id(b, Actor, _uuid(a, Actor, shared.convenor))
    _edit(b, Actor, heron_b, country="Syria")
    _edit(a, Actor, shared.convenor, country="Lebanon")
    _send(a, b, selection, "Amal")
    _edit(a, Actor, shared.convenor, country="Iraq")

    _send(a, b, selection, "Amal")

    [conflict] = sharing.pending_conflicts(b)
    assert (conflict.ours, conflict.theirs) == ("Syria", "Iraq")


def test_a_new_record_missing_a_required_field_is_refused(two: tuple[Vault, Vault]) -> None:
    a, b = two
    shared = _scenario(a)
    document = json.loads(
        sharing.build_payload(
            a, Selection(process_ids=frozenset({shared.process})), sender_name="Amal"
        )
    )
    for record in document["records"]:
        if record["type"] == "interaction":
            del record["fields"]["occurred_at"]
            break
    with pytest.raises(PayloadInvalid):
        sharing.apply_payload(b, json.dumps(document).encode(), sender="Amal", received_at=NOW)


def test_only_the_kinds_chosen_are_shared(vault: Vault) -> None:
    shared = _scenario(vault)
    selection = Selection(
        process_ids=frozenset({shared.process}), kinds=frozenset({RecordKind.PROFILE})
    )

    document = json.loads(sharing.build_payload(vault, selection, sender_name="Amal"))

    assert {r["type"] for r in document["records"]} == {"actor", "process", "participation"}
    assert sharing.preview_selection(vault, selection).lines()[:2] == ["1 process", "2 actors"]


def test_a_payload_larger_than_the_bound_is_not_built(
    vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared = _scenario(vault)
    monkeypatch.setattr(selection_module, "MAX_PAYLOAD_BYTES", 1_000)
    with pytest.raises(PayloadTooLarge):
        sharing.build_payload(
            vault, Selection(process_ids=frozenset({shared.process})), sender_name="Amal"
        )
