"""Make the reference vault of the speed suite: synthetic, seeded, of realistic shape.

    python -m benchmarks.generate PATH [--seed N] [--scale F]

At scale 1.0: 10,000 actors (names in Latin, Arabic, Hebrew and Cyrillic scripts, name
variants, codenames, notes of a few hundred words), 2,000 organizations, 200 processes,
50,000 relationships, 200,000 interactions over ten years with 1 to 6 participants each,
20,000 readiness cues and 10,000 follow-ups, plus channels (some indirect), affiliations,
participations and tags.

Everything goes through :mod:`contactkeeper.records.bulk`, the bulk paths the services own, so the
search index and the contact summaries are what the services would have made. The vault is
a real SQLCipher vault under :data:`PASSPHRASE`, with the real, calibrated key derivation
unless a caller (the smoke test) passes cheaper parameters. Every record is invented.

The history ends at :data:`ANCHOR` (not at the wall clock), so a seed always gives the same
vault; the anchor is stored in the vault's settings for the runner to use as "now".
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from benchmarks import names
from contactkeeper.records import bulk
from contactkeeper.records.actors import _CODE_ADJECTIVES, _CODE_NOUNS
from contactkeeper.records.bulk import NewInteraction
from contactkeeper.vault import Vault, search_index
from contactkeeper.vault.keyfile import KdfParams
from contactkeeper.vault.model import (
    Actor,
    ActorStatus,
    ActorTag,
    Affiliation,
    Channel,
    ChannelHop,
    ChannelKind,
    CueKind,
    Direction,
    FollowUp,
    InteractionKind,
    NameVariant,
    Organization,
    OrganizationKind,
    Participation,
    ParticipationRole,
    Process,
    ProcessPhase,
    ReadinessCue,
    Register,
    Relationship,
    RelationshipKind,
    Sensitivity,
    Setting,
    Tag,
    Track,
)

PASSPHRASE = "benchmark vault: synthetic data only"
ANCHOR = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)
NOW_SETTING = "benchmark.now"
SEED_SETTING = "benchmark.seed"
SCALE_SETTING = "benchmark.scale"
YEARS = 10
DEFAULT_PATH = Path(__file__).resolve().parent / "vaults" / "reference"

FULL = {
    "actors": 10_000,
    "organizations": 2_000,
    "processes": 200,
    "relationships": 50_000,
    "interactions": 200_000,
    "cues": 20_000,
    "follow_ups": 10_000,
}
INTERACTIONS_PER_TRANSACTION = 20_000

Report = Callable[[str], None]


@dataclass(frozen=True)
class Sizes:
    actors: int
    organizations: int
    processes: int
    relationships: int
    interactions: int
    cues: int
    follow_ups: int

    @classmethod
    def at(cls, scale: float) -> Sizes:
        if scale <= 0:
            raise ValueError("the scale must be positive")
        minimum = {"actors": 12, "organizations": 3, "processes": 2}
        return cls(
            **{name: max(minimum.get(name, 10), round(n * scale)) for name, n in FULL.items()}
        )


def _stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


class _Maker:
    """Draws every record from one seeded generator, in a fixed order."""

    def __init__(self, seed: int, sizes: Sizes) -> None:
        self.rng = random.Random(seed)
        self.sizes = sizes
        self.word_weights = [1.0 / (rank + 1) ** 0.8 for rank in range(len(names.WORDS))]

    # -- text --------------------------------------------------------------------------

    def words(self, low: int, high: int) -> str:
        count = self.rng.randint(low, high)
        chosen = self.rng.choices(names.WORDS, weights=self.word_weights, k=count)
        sentences = []
        for start in range(0, count, 12):
            sentence = " ".join(chosen[start : start + 12])
            sentences.append(sentence[:1].upper() + sentence[1:] + ".")
        return " ".join(sentences)

    def days_ago(self, span_days: float) -> float:
        """A moment in the past ``span_days``, denser toward the present."""
        return float(span_days * self.rng.random() ** 1.4)

    # -- people ------------------------------------------------------------------------

    def person(self) -> tuple[str, list[tuple[str, str]]]:
        """A display name and its variants (name, script)."""
        rng = self.rng
        culture = rng.choices(("arabic", "hebrew", "cyrillic", "latin"), (40, 20, 20, 20))[0]
        if culture == "latin":
            name = f"{rng.choice(names.LATIN_FIRST)} {rng.choice(names.LATIN_LAST)}"
            return name, []
        if culture == "arabic":
            first, last, script = names.ARABIC_FIRST, names.ARABIC_LAST, "Arabic"
        elif culture == "hebrew":
            first, last, script = names.HEBREW_FIRST, names.HEBREW_LAST, "Hebrew"
        else:
            feminine = rng.random() < 0.5
            first = names.CYRILLIC_FIRST_FEMININE if feminine else names.CYRILLIC_FIRST
            last, script = names.CYRILLIC_LAST, "Cyrillic"
        f_latin, f_native, f_alt = rng.choice(first)
        l_latin, l_native, l_alt = rng.choice(last)
        if culture == "cyrillic" and first is names.CYRILLIC_FIRST_FEMININE:
            l_latin, l_native = l_latin + "a", l_native + "а"
            l_alt = tuple(a + "a" for a in l_alt)
        latin = f"{f_latin} {l_latin}"
        native = f"{f_native} {l_native}"
        variants = [(f"{a} {b}", "Latin") for a in (f_latin, *f_alt) for b in (l_latin, *l_alt)]
        variants = [v for v in variants if v[0] != latin][:2]
        if rng.random() < 0.6:
            return latin, [(native, script), *variants]
        return native, [(latin, "Latin"), *variants]

    def codenames(self, count: int) -> list[str]:
        combos = [f"{a} {n}" for a in _CODE_ADJECTIVES for n in _CODE_NOUNS]
        self.rng.shuffle(combos)
        return [
            combos[i % len(combos)] + ("" if i < len(combos) else f" {i // len(combos) + 1}")
            for i in range(count)
        ]


def _timestamp(days_ago: float) -> datetime:
    return (ANCHOR - timedelta(days=days_ago)).replace(microsecond=0)


def generate(
    path: Path,
    *,
    seed: int = 1,
    scale: float = 1.0,
    kdf: KdfParams | None = None,
    report: Report = _stderr,
) -> Sizes:
    """Create the vault folder ``path`` (new or empty) and fill it; returns its sizes."""
    sizes = Sizes.at(scale)
    make = _Maker(seed, sizes)
    started = time.perf_counter()

    def step(message: str) -> None:
        report(f"[{time.perf_counter() - started:7.1f} s] {message}")

    step(f"creating the vault in {path} (seed {seed}, scale {scale})")
    with Vault.create(path, PASSPHRASE, kdf=kdf) as vault:
        step(
            f"key derivation: Argon2id {vault.kdf.memory_kib} KiB, "
            f"{vault.kdf.iterations} iterations, {vault.kdf.lanes} lanes"
        )
        actor_ids = _actors(vault, make, step)
        _organizations(vault, make, actor_ids, step)
        process_ids = _processes(vault, make, actor_ids, step)
        channels_of = _channels(vault, make, actor_ids, step)
        _relationships(vault, make, actor_ids, step)
        interaction_ids = _interactions(vault, make, actor_ids, channels_of, process_ids, step)
        _cues(vault, make, actor_ids, process_ids, step)
        _follow_ups(vault, make, actor_ids, process_ids, interaction_ids, step)
        with vault.transaction() as session:
            bulk.optimize_index(session)
            for key, value in (
                (NOW_SETTING, ANCHOR.isoformat()),
                (SEED_SETTING, str(seed)),
                (SCALE_SETTING, str(scale)),
            ):
                session.merge(Setting(key=key, value=value))
        # Merging the index's segments leaves free pages behind; the vault is laid out as a
        # restored vault is (a restore builds it afresh), so its size is its records'.
        step("compacting (VACUUM)")
        compact(vault)
        step("done")
    return sizes


def compact(vault: Vault) -> None:
    """Rewrite the vault without its free pages, then fold the write-ahead log in."""
    raw = vault.engine.raw_connection()  # outside SQLAlchemy's transaction: VACUUM needs none
    try:
        raw.cursor().execute("VACUUM")
    finally:
        raw.close()
    vault.checkpoint()


def _actors(vault: Vault, make: _Maker, step: Report) -> list[int]:
    rng = make.rng
    count = make.sizes.actors
    codenames = make.codenames(count)
    rows: list[dict[str, Any]] = []
    variants_of: list[list[tuple[str, str]]] = []
    for index in range(count):
        display, variants = make.person()
        rows.append(
            {
                "display_name": display,
                "codename": codenames[index],
                "sensitivity": rng.choices(list(Sensitivity), (80, 15, 5))[0],
                "cadence_days": rng.choice((14, 21, 30, 30, 45, 60, 90, 180)),
                "status": rng.choices(list(ActorStatus), (85, 12, 3))[0],
                "country": rng.choice(names.COUNTRIES),
                "languages": ", ".join(rng.sample(names.LANGUAGES, rng.randint(1, 3))),
                "notes": make.words(100, 400),
            }
        )
        variants_of.append(variants)
    with vault.transaction() as session:
        tag_ids = bulk.insert(session, Tag, [{"name": t} for t in names.TAGS])
        # The actors' index rows are written once, with their tags, by the last insert.
        ids = bulk.insert(session, Actor, rows, index=False)
        bulk.insert(
            session,
            NameVariant,
            [
                {"actor_id": actor_id, "name": name, "script": script, "note": ""}
                for actor_id, variants in zip(ids, variants_of, strict=True)
                for name, script in variants
            ],
            index=False,
        )
        bulk.insert(
            session,
            ActorTag,
            [
                {"actor_id": actor_id, "tag_id": tag_id}
                for actor_id in ids
                for tag_id in rng.sample(tag_ids, rng.choice((0, 1, 1, 2, 2, 3)))
            ],
            index=False,
        )
        search_index.reindex(session, "actor", ids)
    step(f"{len(ids)} actors with name variants, codenames, notes and tags")
    return ids


def _organizations(vault: Vault, make: _Maker, actor_ids: Sequence[int], step: Report) -> list[int]:
    rng = make.rng
    rows = []
    for index in range(make.sizes.organizations):
        stem, kind = rng.choice(names.ORGANIZATION_STEMS)
        country = rng.choice(names.COUNTRIES)
        rows.append(
            {
                "name": f"{country} {stem} {index + 1}",
                "kind": OrganizationKind(kind),
                "country": country,
                "notes": make.words(10, 60),
            }
        )
    with vault.transaction() as session:
        ids = bulk.insert(session, Organization, rows)
        affiliations = []
        for actor_id in actor_ids:
            for _ in range(rng.choice((1, 1, 2))):
                start = _timestamp(make.days_ago(365 * 15)).date()
                ended = rng.random() < 0.3
                affiliations.append(
                    {
                        "actor_id": actor_id,
                        "organization_id": rng.choice(ids),
                        "role": rng.choice(("adviser", "director", "member", "spokesperson", "")),
                        "started_on": start,
                        "ended_on": start + timedelta(days=rng.randint(30, 2000))
                        if ended
                        else None,
                    }
                )
        bulk.insert(session, Affiliation, affiliations)
    step(f"{len(ids)} organizations, {len(affiliations)} affiliations")
    return ids


def _processes(vault: Vault, make: _Maker, actor_ids: Sequence[int], step: Report) -> list[int]:
    rng = make.rng
    rows = [
        {
            "name": f"{rng.choice(names.COUNTRIES)} {rng.choice(names.PROCESS_STEMS)} {i + 1}",
            "track": rng.choice(list(Track)),
            "phase": rng.choice(list(ProcessPhase)),
            "description": make.words(30, 120),
        }
        for i in range(make.sizes.processes)
    ]
    with vault.transaction() as session:
        ids = bulk.insert(session, Process, rows)
        roles = list(ParticipationRole)
        participations = [
            {"process_id": process_id, "actor_id": actor_id, "role": rng.choice(roles)}
            for process_id in ids
            for actor_id in rng.sample(actor_ids, min(len(actor_ids), rng.randint(10, 40)))
        ]
        bulk.insert(session, Participation, participations)
    step(f"{len(ids)} processes, {len(participations)} participations")
    return ids


def _channels(
    vault: Vault, make: _Maker, actor_ids: Sequence[int], step: Report
) -> dict[int, list[int]]:
    rng = make.rng
    direct = [k for k in ChannelKind if k is not ChannelKind.INDIRECT]
    rows: list[dict[str, Any]] = []
    hops_of: list[list[int]] = []
    for actor_id in actor_ids:
        for kind in rng.sample(direct, rng.randint(1, 3)):
            rows.append({"actor_id": actor_id, "kind": kind, "label": "", "trust": 3})
            hops_of.append([])
        if rng.random() < 0.15:
            via = [a for a in rng.sample(actor_ids, 3) if a != actor_id][: rng.randint(1, 2)]
            rows.append(
                {"actor_id": actor_id, "kind": ChannelKind.INDIRECT, "label": "", "trust": 2}
            )
            hops_of.append(via)
    channels_of: dict[int, list[int]] = {}
    with vault.transaction() as session:
        ids = bulk.insert(session, Channel, rows)
        for channel_id, row in zip(ids, rows, strict=True):
            channels_of.setdefault(row["actor_id"], []).append(channel_id)
        hops = [
            {"channel_id": channel_id, "position": position, "intermediary_id": via, "trust": 3}
            for channel_id, chain in zip(ids, hops_of, strict=True)
            for position, via in enumerate(chain)
        ]
        bulk.insert(session, ChannelHop, hops)
    step(f"{len(ids)} channels, {len(hops)} intermediary hops")
    return channels_of


def _relationships(vault: Vault, make: _Maker, actor_ids: Sequence[int], step: Report) -> None:
    rng = make.rng
    rows: list[dict[str, Any]] = []
    while len(rows) < make.sizes.relationships:
        a, b = rng.sample(actor_ids, 2)
        rows.append(
            {
                "from_actor_id": a,
                "to_actor_id": b,
                "kind": rng.choice(list(RelationshipKind)),
                "strength": rng.randint(1, 5),
                "confidence": rng.randint(1, 5),
                "source": "",
            }
        )
    with vault.transaction() as session:
        bulk.insert(session, Relationship, rows)
    step(f"{len(rows)} relationships")


def _interactions(
    vault: Vault,
    make: _Maker,
    actor_ids: Sequence[int],
    channels_of: dict[int, list[int]],
    process_ids: Sequence[int],
    step: Report,
) -> list[int]:
    rng = make.rng
    # A few actors are new and never contacted; the rest are contacted unevenly.
    contacted = [a for a in actor_ids if rng.random() >= 0.05]
    weights = [rng.paretovariate(1.5) for _ in contacted]
    kinds = list(InteractionKind)
    ids: list[int] = []
    total = make.sizes.interactions
    for start in range(0, total, INTERACTIONS_PER_TRANSACTION):
        batch = []
        for _ in range(min(INTERACTIONS_PER_TRANSACTION, total - start)):
            count = rng.choices((1, 2, 3, 4, 5, 6), (40, 25, 14, 10, 6, 5))[0]
            people = list(dict.fromkeys(rng.choices(contacted, weights=weights, k=count)))
            owned = channels_of.get(people[0], [])
            batch.append(
                NewInteraction(
                    occurred_at=_timestamp(make.days_ago(365 * YEARS)),
                    kind=rng.choices(kinds, (30, 25, 25, 8, 7, 5))[0],
                    participant_ids=people,
                    register=rng.choices(list(Register), (60, 20, 20))[0],
                    summary=make.words(10, 60),
                    channel_id=rng.choice(owned) if owned and rng.random() < 0.7 else None,
                    process_id=rng.choice(process_ids) if rng.random() < 0.6 else None,
                )
            )
        with vault.transaction() as session:
            ids += bulk.add_interactions(session, batch)
        step(f"{len(ids)} interactions")
    return ids


def _cues(
    vault: Vault,
    make: _Maker,
    actor_ids: Sequence[int],
    process_ids: Sequence[int],
    step: Report,
) -> None:
    rng = make.rng
    with vault.transaction() as session:
        kinds = session.execute(sa.select(CueKind.id, CueKind.usual_direction)).all()
        rows = []
        for _ in range(make.sizes.cues):
            kind_id, usual = rng.choice(kinds)
            about_process = rng.random() < 0.85
            rows.append(
                {
                    "process_id": rng.choice(process_ids) if about_process else None,
                    "actor_id": rng.choice(actor_ids)
                    if not about_process or rng.random() < 0.4
                    else None,
                    "kind_id": kind_id,
                    "direction": usual if rng.random() < 0.85 else _other(usual),
                    "strength": rng.randint(1, 5),
                    "reliability": rng.choice("ABCDEF"),
                    "credibility": rng.randint(1, 6),
                    "observed_on": _timestamp(make.days_ago(365 * YEARS)).date(),
                    "note": make.words(5, 40),
                }
            )
        bulk.insert(session, ReadinessCue, rows)
    step(f"{len(rows)} readiness cues")


def _other(direction: Direction) -> Direction:
    return Direction.AWAY if direction is Direction.TOWARD else Direction.TOWARD


def _follow_ups(
    vault: Vault,
    make: _Maker,
    actor_ids: Sequence[int],
    process_ids: Sequence[int],
    interaction_ids: Sequence[int],
    step: Report,
) -> None:
    rng = make.rng
    today = ANCHOR.date()
    rows = []
    for _ in range(make.sizes.follow_ups):
        due: date = today - timedelta(days=round(make.days_ago(365 * YEARS)) - 60)
        overdue_days = (today - due).days
        done = overdue_days > 14 and rng.random() < 0.95
        done_at = datetime.combine(due, datetime.min.time(), UTC) + timedelta(
            days=rng.randint(-5, 10)
        )
        rows.append(
            {
                "title": make.words(3, 10),
                "due_on": due,
                "done_at": done_at if done else None,
                "actor_id": rng.choice(actor_ids) if rng.random() < 0.9 else None,
                "interaction_id": rng.choice(interaction_ids) if rng.random() < 0.5 else None,
                "process_id": rng.choice(process_ids) if rng.random() < 0.3 else None,
                "note": make.words(0, 30),
            }
        )
    with vault.transaction() as session:
        bulk.insert(session, FollowUp, rows)
    step(f"{len(rows)} follow-ups")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.generate",
        description="Make a synthetic benchmark vault (passphrase: see benchmarks/README.md).",
    )
    parser.add_argument("path", type=Path, nargs="?", default=DEFAULT_PATH)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args(argv)
    generate(args.path, seed=args.seed, scale=args.scale)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


def vcards(count: int, seed: int = 2) -> str:
    """``count`` synthetic vCard 3.0 entries (for the import row), as one file's text."""
    make = _Maker(seed, Sizes.at(0.01))
    rng = make.rng
    cards = []
    for index in range(count):
        display, variants = make.person()
        given, _, family = display.partition(" ")
        lines = [
            "BEGIN:VCARD",
            "VERSION:3.0",
            f"FN:{display}",
            f"N:{family};{given};;;",
            *(f"NICKNAME:{name}" for name, _script in variants[:1]),
            f"ORG:{rng.choice(names.COUNTRIES)} {rng.choice(names.ORGANIZATION_STEMS)[0]}",
            f"TITLE:{rng.choice(('Adviser', 'Director', 'Spokesperson', 'Member'))}",
            f"TEL;TYPE=CELL:+99 {rng.randint(100, 999)} {index:07d}",
            f"EMAIL;TYPE=WORK:contact{index}@example.invalid",
            f"CATEGORIES:{','.join(rng.sample(names.TAGS, 2))}",
            f"NOTE:{make.words(5, 40)}",
            "END:VCARD",
        ]
        cards.append("\r\n".join(lines))
    return "\r\n".join(cards) + "\r\n"
