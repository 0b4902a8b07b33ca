"""Exchange between colleagues end to end: bundle files written by one vault, carried as
files, opened and merged by others, and refused whole on any doubt.

Two and three real vaults, each with its own keys, colleagues added by their cards: a
process shared both ways, the same actor edited on both sides, a deletion, the same bundle
twice, an older bundle after a newer one, a bundle from an unknown key, a bundle for
someone else, the command line, and a scan of the decrypted bundle for a high-risk actor.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pyrage  # type: ignore[import-untyped]
import pytest
import sqlalchemy as sa

from contactkeeper import cli
from contactkeeper.errors import (
    BundleAlreadyReceived,
    BundleNotForUs,
    BundleTampered,
    BundleUnknownSender,
    ExchangeError,
)
from contactkeeper.exchange.team import bundles, colleagues, envelope, identity, sharing
from contactkeeper.exchange.team.sharing import Selection
from contactkeeper.records import actors, interactions, processes, trash
from contactkeeper.records.actors import NewActor
from contactkeeper.vault import Vault
from contactkeeper.vault.changes import Kind
from contactkeeper.vault.model import (
    Actor,
    Base,
    InteractionKind,
    ParticipationRole,
    Sensitivity,
    TrashItem,
)
from tests.conftest import PASSPHRASE

NOW = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)


@dataclass
class Team:
    vaults: dict[str, Vault]
    folder: Path

    def __getitem__(self, name: str) -> Vault:
        return self.vaults[name]

    def colleague(self, holder: str, name: str) -> int:
        return next(c.id for c in colleagues.list_colleagues(self[holder]) if c.name == name)

    def send(
        self, sender: str, to: list[str], selection: Selection, *, when: datetime = NOW
    ) -> Path:
        """``sender`` writes a bundle for ``to``; the file's path."""
        path = self.folder / f"{sender}-{len(list(self.folder.glob('*.ckbundle')))}.ckbundle"
        ids = [self.colleague(sender, name) for name in to]
        bundles.export_bundle(self[sender], selection, ids, path, now=when)
        return path

    def receive(self, receiver: str, path: Path, *, when: datetime = NOW) -> sharing.MergeReport:
        received = bundles.preview_bundle_file(self[receiver], path)
        return bundles.accept_bundle(self[receiver], received, now=when)


def _team(make_vault: Callable[..., Vault], folder: Path, *names: str) -> Team:
    vaults = {name: make_vault(name) for name in names}
    for name, vault in vaults.items():
        identity.set_card_name(vault, name)
    for name, vault in vaults.items():
        for other, theirs in vaults.items():
            if other != name:
                card = identity.parse_card(identity.own_card(theirs).text())
                colleagues.add_colleague(vault, card, now=NOW)
    folder.mkdir()
    return Team(vaults, folder)


@pytest.fixture
def two(make_vault: Callable[..., Vault], tmp_path: Path) -> Team:
    return _team(make_vault, tmp_path / "carried", "Amal", "Bruno")


@pytest.fixture
def three(make_vault: Callable[..., Vault], tmp_path: Path) -> Team:
    return _team(make_vault, tmp_path / "carried", "Amal", "Bruno", "Chen")


def _process(vault: Vault) -> tuple[int, int, int]:
    """A process with a convenor and a party, and two meetings; (process, convenor, party)."""
    process = processes.create_process(vault, "Valley water talks", description="Upstream")
    convenor = actors.create_actor(vault, NewActor("Amal Haddad", codename="Heron"), NOW).id
    party = actors.create_actor(vault, NewActor("Samir Khoury", codename="Osprey"), NOW).id
    processes.add_participant(vault, process.id, convenor, ParticipationRole.CONVENOR)
    processes.add_participant(vault, process.id, party, ParticipationRole.PARTY)
    for days in (1, 2):
        interactions.log_interaction(
            vault,
            occurred_at=NOW - timedelta(days=days),
            kind=InteractionKind.MEETING,
            participants=[convenor, party],
            summary=f"Round {days} on the dam's quotas",
            process_id=process.id,
        )
    return process.id, convenor, party


def _actor(vault: Vault, uuid: str) -> Actor | None:
    with vault.transaction() as session:
        actor = session.scalars(sa.select(Actor).where(Actor.uuid == uuid)).one_or_none()
        if actor is not None:
            session.expunge(actor)
        return actor


def _uuid(vault: Vault, actor_id: int) -> str:
    with vault.transaction() as session:
        return session.get_one(Actor, actor_id).uuid


def _id(vault: Vault, uuid: str) -> int:
    found = _actor(vault, uuid)
    assert found is not None
    return found.id


def _edit(vault: Vault, actor_id: int, **values: object) -> None:
    with vault.transaction() as session:
        actor = session.get_one(Actor, actor_id)
        for name, value in values.items():
            setattr(actor, name, value)


def _everything(vault: Vault) -> dict[str, list[str]]:
    with vault.transaction() as session:
        return {
            table.name: sorted(repr(tuple(row)) for row in session.execute(sa.select(table)))
            for table in Base.metadata.sorted_tables
        }


# -- sharing and merging through bundle files -------------------------------------------


def test_a_process_shared_both_ways_merges_field_by_field_and_conflicts_keep_the_loser(
    two: Team,
) -> None:
    process, convenor, _party = _process(two["Amal"])
    whole = Selection(process_ids=frozenset({process}))
    report = two.receive("Bruno", two.send("Amal", ["Bruno"], whole))
    assert len(report.new) >= 5  # the process, two actors, two meetings
    heron = _uuid(two["Amal"], convenor)
    at_bruno = _id(two["Bruno"], heron)
    # Both edit the convenor: different fields, and the same field.
    _edit(two["Amal"], convenor, country="Jordan", notes="Prefers tea")
    _edit(two["Bruno"], at_bruno, languages="Arabic, French", notes="Prefers coffee")
    bruno_process = next(p.id for p in processes.list_processes(two["Bruno"]))
    back = Selection(process_ids=frozenset({bruno_process}), include_private_notes=True)
    two.receive("Amal", two.send("Bruno", ["Amal"], back))
    there = Selection(process_ids=frozenset({process}), include_private_notes=True)
    two.receive("Bruno", two.send("Amal", ["Bruno"], there))
    for name in ("Amal", "Bruno"):
        merged = _actor(two[name], heron)
        assert merged is not None
        assert merged.country == "Jordan"
        assert merged.languages == "Arabic, French"
    conflicts = sharing.pending_conflicts(two["Amal"])
    assert [c.field for c in conflicts] == ["notes"]
    sharing.settle_conflict(two["Amal"], conflicts[0].id, "theirs")
    settled = _actor(two["Amal"], heron)
    assert settled is not None
    assert settled.notes == "Prefers coffee"
    history = sharing.record_history(two["Amal"], heron)
    assert any(entry.value == "Prefers tea" for entry in history)


def test_a_deletion_travels_in_a_bundle_to_the_colleague_s_trash(two: Team) -> None:
    process, _convenor, party = _process(two["Amal"])
    whole = Selection(process_ids=frozenset({process}))
    two.receive("Bruno", two.send("Amal", ["Bruno"], whole))
    osprey = _uuid(two["Amal"], party)
    trash.discard(two["Amal"], Kind.ACTOR, party, "Samir Khoury", NOW)
    two.receive("Bruno", two.send("Amal", ["Bruno"], whole))
    assert _actor(two["Bruno"], osprey) is None
    with two["Bruno"].transaction() as session:
        assert (session.scalar(sa.select(sa.func.count(TrashItem.id))) or 0) >= 1


def test_the_same_bundle_twice_is_refused_and_changes_nothing(two: Team) -> None:
    process, _convenor, _party = _process(two["Amal"])
    path = two.send("Amal", ["Bruno"], Selection(process_ids=frozenset({process})))
    two.receive("Bruno", path)
    before = _everything(two["Bruno"])
    with pytest.raises(BundleAlreadyReceived, match="already received"):
        bundles.preview_bundle_file(two["Bruno"], path)
    assert _everything(two["Bruno"]) == before


def test_an_older_bundle_received_after_a_newer_one_changes_nothing(two: Team) -> None:
    process, convenor, _party = _process(two["Amal"])
    whole = Selection(process_ids=frozenset({process}))
    older = two.send("Amal", ["Bruno"], whole)
    _edit(two["Amal"], convenor, country="Lebanon")
    newer = two.send("Amal", ["Bruno"], whole, when=NOW + timedelta(hours=1))
    two.receive("Bruno", newer)
    before = _everything(two["Bruno"])
    report = two.receive("Bruno", older)
    assert report.empty
    after = _everything(two["Bruno"])
    after.pop("received_bundles")
    before.pop("received_bundles")
    assert after == before
    heron = _actor(two["Bruno"], _uuid(two["Amal"], convenor))
    assert heron is not None
    assert heron.country == "Lebanon"


# -- refusals ---------------------------------------------------------------------------


def test_a_bundle_from_an_unknown_key_is_refused_and_nothing_is_written(
    two: Team, make_vault: Callable[..., Vault]
) -> None:
    stranger = make_vault("stranger")
    process, _c, _p = _process(stranger)
    colleagues.add_colleague(stranger, identity.own_card(two["Bruno"]), now=NOW, name="Bruno")
    path = two.folder / "from-stranger.ckbundle"
    bruno = colleagues.list_colleagues(stranger)[0].id
    selection = Selection(process_ids=frozenset({process}))
    bundles.export_bundle(stranger, selection, [bruno], path, now=NOW)
    before = _everything(two["Bruno"])
    with pytest.raises(BundleUnknownSender):
        bundles.preview_bundle_file(two["Bruno"], path)
    assert _everything(two["Bruno"]) == before


def test_a_bundle_for_someone_else_is_refused_by_the_third_vault(three: Team) -> None:
    process, _c, _p = _process(three["Amal"])
    path = three.send("Amal", ["Bruno"], Selection(process_ids=frozenset({process})))
    before = _everything(three["Chen"])
    with pytest.raises(BundleNotForUs):
        bundles.preview_bundle_file(three["Chen"], path)
    assert _everything(three["Chen"]) == before
    three.receive("Bruno", path)  # the one it was for opens it


def test_three_vaults_pass_a_process_along_and_a_forward_is_refused(three: Team) -> None:
    process, convenor, _p = _process(three["Amal"])
    whole = Selection(process_ids=frozenset({process}))
    path = three.send("Amal", ["Bruno", "Chen"], whole)
    three.receive("Bruno", path)
    three.receive("Chen", path)  # one bundle, two colleagues
    heron = _uuid(three["Amal"], convenor)
    _edit(three["Chen"], _id(three["Chen"], heron), country="Egypt")
    chen_process = processes.list_processes(three["Chen"])[0].id
    three.receive("Bruno", three.send("Chen", ["Bruno"], Selection(frozenset({chen_process}))))
    bruno_process = processes.list_processes(three["Bruno"])[0].id
    three.receive("Amal", three.send("Bruno", ["Amal"], Selection(frozenset({bruno_process}))))
    back = _actor(three["Amal"], heron)
    assert back is not None
    assert back.country == "Egypt"
    # Bruno decrypts a bundle made for him and encrypts it again to Chen: refused.
    only_bruno = three.send("Amal", ["Bruno"], whole)
    inner = pyrage.decrypt(only_bruno.read_bytes(), [identity.own_keys(three["Bruno"]).identity()])
    chen = pyrage.x25519.Recipient.from_str(identity.own_card(three["Chen"]).age_recipient)
    with pytest.raises(BundleNotForUs):
        envelope.open_bundle(three["Chen"], pyrage.encrypt(inner, [chen]))


def test_every_flipped_byte_of_a_small_bundle_file_is_refused(two: Team) -> None:
    actor = actors.create_actor(two["Amal"], NewActor("Nadia Farah", codename="Kite"), NOW).id
    path = two.send("Amal", ["Bruno"], Selection(actor_ids=frozenset({actor})))
    data = path.read_bytes()
    assert len(data) < 4096
    before = _everything(two["Bruno"])
    for position in range(len(data)):
        damaged = bytearray(data)
        damaged[position] ^= 0x20
        with pytest.raises(ExchangeError):
            bundles.preview_bundle(two["Bruno"], bytes(damaged))
    assert _everything(two["Bruno"]) == before
    assert bundles.preview_bundle(two["Bruno"], data).preview.new


def test_nothing_of_a_high_risk_actor_leaves_unless_chosen(two: Team) -> None:
    """A scan of the decrypted bundle (what the colleague's key opens) for every trace of
    a high-risk participant: names, codename, notes, record id."""
    process, _convenor, party = _process(two["Amal"])
    secret = actors.create_actor(
        two["Amal"],
        NewActor(
            "Walid CANARY-3f9a Mansour",
            codename="CANARY-owl",
            sensitivity=Sensitivity.HIGH_RISK,
            notes="CANARY-note",
        ),
        NOW,
    ).id
    processes.add_participant(two["Amal"], process, secret, ParticipationRole.SPOILER)
    interactions.log_interaction(
        two["Amal"],
        occurred_at=NOW,
        kind=InteractionKind.CALL,
        participants=[secret, party],
        summary="CANARY-summary of a call",
        process_id=process,
    )
    traces = [b"CANARY", _uuid(two["Amal"], secret).encode()]
    bruno_identity = identity.own_keys(two["Bruno"]).identity()

    def decrypted(selection: Selection) -> bytes:
        path = two.send("Amal", ["Bruno"], selection)
        inner: bytes = pyrage.decrypt(path.read_bytes(), [bruno_identity])
        return inner

    left_out = Selection(process_ids=frozenset({process}))
    preview = bundles.preview_share(two["Amal"], left_out)
    assert any("high-risk" in line.line for line in preview.left_out)
    inner = decrypted(left_out)
    for trace in traces:
        assert trace not in inner
        assert trace.lower() not in inner.lower()
    chosen = decrypted(Selection(process_ids=frozenset({process}), include_high_risk=True))
    assert b"CANARY-OWL" in chosen  # codenames are kept in capitals


# -- the command line ---------------------------------------------------------------------


def test_the_kinds_the_command_line_offers_are_those_shared() -> None:
    from contactkeeper.cli import team

    assert tuple(kind.value for kind in sharing.RecordKind) == team.KINDS


def _cli(vault: Vault, *arguments: str) -> int:
    return cli.main([*arguments[:2], "--vault", str(vault.path), *arguments[2:]])


def test_the_command_line_exchanges_cards_and_a_bundle(
    make_vault: Callable[..., Vault],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    amal, bruno = make_vault("amal"), make_vault("bruno")
    process, _c, _p = _process(amal)
    amal.close()
    bruno.close()
    monkeypatch.setenv(cli.PASSPHRASE_ENV, PASSPHRASE)
    assert _cli(amal, "exchange", "card", "--name", "Amal") == 0
    amal_card = tmp_path / "amal.txt"
    amal_card.write_text(capsys.readouterr().out.split("\n\n")[0] + "\n")
    assert _cli(bruno, "exchange", "card", "--name", "Bruno") == 0
    out = capsys.readouterr().out
    bruno_card = tmp_path / "bruno.txt"
    bruno_card.write_text(out.split("\n\n")[0] + "\n")
    fingerprint = out.split("Fingerprint (read it aloud with your colleague): ")[1].strip()
    # Without --yes and without a terminal to answer, nothing is added.
    assert _cli(amal, "exchange", "add-colleague", str(bruno_card)) == 1
    assert fingerprint in capsys.readouterr().out
    assert _cli(amal, "exchange", "add-colleague", str(bruno_card), "--yes") == 0
    assert _cli(bruno, "exchange", "add-colleague", str(amal_card), "--yes") == 0
    assert _cli(amal, "exchange", "colleagues") == 0
    assert "Bruno  " + fingerprint in capsys.readouterr().out
    bundle = tmp_path / "valley.ckbundle"
    args = ["--process", "Valley water talks", "--to", "Bruno", "--output", str(bundle)]
    assert _cli(amal, "exchange", "export", *args) == 0
    assert bundle.is_file()
    assert _cli(amal, "exchange", "export", *args) == 1  # never overwritten
    capsys.readouterr()
    assert _cli(bruno, "exchange", "import", str(bundle), "--dry-run") == 0
    assert "From Amal" in capsys.readouterr().out
    with Vault.unlock(bruno.path, PASSPHRASE) as opened:
        assert processes.list_processes(opened) == []  # a dry run writes nothing
    assert _cli(bruno, "exchange", "import", str(bundle)) == 1  # nobody to say yes
    assert _cli(bruno, "exchange", "import", str(bundle), "--yes") == 0
    with Vault.unlock(bruno.path, PASSPHRASE) as opened:
        assert [p.name for p in processes.list_processes(opened)] == ["Valley water talks"]
    capsys.readouterr()
    assert _cli(bruno, "exchange", "import", str(bundle), "--yes") == 0
    assert "already received" in capsys.readouterr().out
    damaged = bytearray(bundle.read_bytes())
    damaged[len(damaged) // 2] ^= 1
    bundle.write_bytes(bytes(damaged))
    assert _cli(bruno, "exchange", "import", str(bundle), "--yes") == 1
    assert "altered" in capsys.readouterr().err
    assert process
    assert not [p for p in os.listdir(tmp_path) if p.endswith(".tmp")]


def test_content_altered_by_a_recipient_is_refused_as_tampered(two: Team) -> None:
    process, _c, _p = _process(two["Amal"])
    path = two.send("Amal", ["Bruno"], Selection(process_ids=frozenset({process})))
    inner = pyrage.decrypt(path.read_bytes(), [identity.own_keys(two["Bruno"]).identity()])
    bruno = pyrage.x25519.Recipient.from_str(identity.own_card(two["Bruno"]).age_recipient)
    altered = inner.replace(b"Valley water talks", b"Valley water TALKS")
    with pytest.raises(BundleTampered):
        envelope.open_bundle(two["Bruno"], pyrage.encrypt(altered, [bruno]))
