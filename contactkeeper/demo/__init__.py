"""The demo vault: an entirely fictional scenario, made through the services.

Four dialogue processes in three invented places (the Qaranis coast, northern Verenia and
the Tal Haroshet valley), about sixty actors with names in Latin, Arabic, Hebrew and
Cyrillic script (officials and their aides, elders, commanders, clerics, journalists,
businesspeople, donors), the organizations they belong to, the channels by which they are
reached (some through one or two intermediaries), a year of interactions, readiness cues,
ties and follow-ups. Every person, place and organization is invented; any likeness is
chance.

Everything is placed relative to a given ``now`` and drawn from a seeded random generator, so
the same ``now`` and ``seed`` give the same scenario: some actors warm, some cooling, some
gone cold; readiness that moves; follow-ups overdue, due soon and done.
"""

from __future__ import annotations

import random
import shutil
import unicodedata
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from contactkeeper.demo import track_two
from contactkeeper.demo.scenario import (
    _CK,
    _IK,
    ACTORS,
    AFFILIATIONS,
    CHANNEL_FOR_KIND,
    CHANNEL_LABELS,
    CUES,
    DEMO_SETTING,
    ENDED_TIES,
    FOLLOW_UPS,
    HISTORY_KINDS,
    INFLUENCE,
    NOTE,
    ORGANIZATIONS,
    PARTICIPANTS,
    PROCESSES,
    RELATIONSHIPS,
    SIDES,
    SNOOZED,
    SOCIAL_SUMMARIES,
    SUMMARIES,
    TIERS,
    Person,
)
from contactkeeper.i18n import N_, _
from contactkeeper.records import (
    actors,
    bulk,
    channels,
    followups,
    interactions,
    organizations,
    processes,
    readiness,
    relationships,
)
from contactkeeper.records.actors import NewActor
from contactkeeper.records.channels import Hop
from contactkeeper.records.followups import NewFollowUp
from contactkeeper.records.readiness import NewCue
from contactkeeper.vault import Vault
from contactkeeper.vault.keyfile import KdfParams
from contactkeeper.vault.model import (
    ActorStatus,
    ChannelKind,
    InteractionKind,
    NameVariant,
    Participation,
    Register,
    Setting,
    Tier,
)

# -- making it -----------------------------------------------------------------------------


def populate(vault: Vault, now: datetime, seed: int = 7) -> None:
    """Fill ``vault`` (new and empty) with the fictional scenario, relative to ``now``."""
    if now.tzinfo is None:
        raise ValueError("now must carry a time zone")
    rng = random.Random(seed)
    today = now.astimezone(UTC).date()

    process_ids = {
        p.key: processes.create_process(vault, _(p.name), p.track, p.phase, _(p.description)).id
        for p in PROCESSES
    }
    org_ids = {
        o.key: organizations.create_organization(
            vault, _(o.name), o.kind, o.country, notes=_("Fictional demo organization.")
        ).id
        for o in ORGANIZATIONS
    }
    actor_ids = _create_actors(vault, now)
    _link_names_and_sides(vault, process_ids, actor_ids)
    _add_affiliations(vault, today, actor_ids, org_ids)
    channel_ids = _add_channels(vault, now, actor_ids)
    _log_history(vault, now, rng, actor_ids, process_ids, channel_ids)
    _add_relationships(vault, today, rng, actor_ids)
    _record_cues(vault, today, process_ids, actor_ids)
    _add_follow_ups(vault, now, today, process_ids, actor_ids)
    track_two.populate(vault, now, process_ids, actor_ids, org_ids)

    with vault.transaction() as session:
        session.merge(Setting(key=DEMO_SETTING, value="1"))


def _create_actors(vault: Vault, now: datetime) -> dict[str, int]:
    """Every actor of the scenario, through the actor service; their ids by key."""
    actor_ids: dict[str, int] = {}
    for spec in ACTORS:
        detail = actors.create_actor(
            vault,
            NewActor(
                display_name=spec.name,
                codename=spec.codename,
                sensitivity=spec.sensitivity,
                cadence_days=spec.cadence,
                status=spec.status,
                country=spec.country,
                languages=_(spec.languages),
                notes=f"{_(spec.notes)} {_(NOTE)}" if spec.notes else _(NOTE),
                tags=spec.tags,
                influence=INFLUENCE.get(spec.key),
                tier=TIERS.get(spec.key, Tier.REGULAR),
                snoozed_until=(
                    now.astimezone(UTC).date() + timedelta(days=SNOOZED[spec.key])
                    if spec.key in SNOOZED
                    else None
                ),
            ),
            now,
        )
        actor_ids[spec.key] = detail.id
    return actor_ids


def _link_names_and_sides(
    vault: Vault, process_ids: dict[str, int], actor_ids: dict[str, int]
) -> None:
    """The processes' sides, then the name variants and who takes part in which process."""
    # The many small rows that only link records (name variants, who takes part in which
    # process) go in through the bulk path, in one unit of work: the demo's own tables are
    # trusted, and one write per row would make the demo slow to open.
    variants = []
    for spec in ACTORS:
        for variant in spec.variants:
            script = _script_of(variant)
            note = _("transliteration") if script == "Latin" else ""
            variants.append(
                {"actor_id": actor_ids[spec.key], "name": variant, "script": script, "note": note}
            )
    side_of: dict[tuple[str, str], int] = {}
    for process, side_name, members in SIDES:
        added = processes.add_side(vault, process_ids[process], _(side_name))
        for who in members:
            side_of[process, who] = added.sides[-1].id
    participations = [
        {
            "process_id": process_ids[process],
            "actor_id": actor_ids[who],
            "role": role,
            "side_id": side_of.get((process, who)),
        }
        for process, who, role in PARTICIPANTS
    ]
    with vault.transaction() as session:
        bulk.insert(session, NameVariant, variants)
        bulk.insert(session, Participation, participations)


def _add_affiliations(
    vault: Vault, today: date, actor_ids: dict[str, int], org_ids: dict[str, int]
) -> None:
    for who, org, role, started, ended in AFFILIATIONS:
        organizations.add_affiliation(
            vault,
            actor_ids[who],
            org_ids[org],
            _(role) if role else role,
            started_on=today - timedelta(days=started),
            ended_on=None if ended is None else today - timedelta(days=ended),
        )


def _add_channels(
    vault: Vault, now: datetime, actor_ids: dict[str, int]
) -> dict[tuple[str, ChannelKind], int]:
    """The direct channels each actor has, and the indirect chains; their ids."""
    channel_ids: dict[tuple[str, ChannelKind], int] = {}
    for spec in ACTORS:
        for kind in spec.direct:
            info = channels.add_channel(
                vault,
                actor_ids[spec.key],
                now,
                kind=kind,
                label=_(CHANNEL_LABELS[kind]),
                trust=4 if kind is _CK.IN_PERSON else 3,
                sensitivity=spec.sensitivity,
            )
            channel_ids[(spec.key, kind)] = info.id
        if spec.via:
            first = _first_name(spec.via[0])
            label = (
                _("Through {name}").format(name=first)
                if len(spec.via) == 1
                else _("Through {first} and {second}").format(
                    first=first, second=_first_name(spec.via[1])
                )
            )
            info = channels.add_channel(
                vault,
                actor_ids[spec.key],
                now,
                kind=_CK.INDIRECT,
                label=label,
                hops=[Hop(actor_ids[a], trust=4 - i) for i, a in enumerate(spec.via)],
                trust=3 if len(spec.via) == 1 else 2,
                sensitivity=spec.sensitivity,
                notes=_("Pass only what may be repeated; nothing in writing."),
            )
            channel_ids[(spec.key, _CK.INDIRECT)] = info.id
    return channel_ids


def _add_relationships(
    vault: Vault, today: date, rng: random.Random, actor_ids: dict[str, int]
) -> None:
    for from_key, to_key, tie, strength, confidence, source in RELATIONSHIPS:
        ended = ENDED_TIES.get((from_key, to_key))
        relationships.add_relationship(
            vault,
            actor_ids[from_key],
            actor_ids[to_key],
            tie,
            strength=strength,
            confidence=confidence,
            started_on=today - timedelta(days=rng.randint(400, 4000)),
            ended_on=None if ended is None else today - timedelta(days=ended),
            source=_(source) if source else source,
        )


def _record_cues(
    vault: Vault, today: date, process_ids: dict[str, int], actor_ids: dict[str, int]
) -> None:
    kinds = {k.key: k.id for k in readiness.cue_kinds(vault)}
    for process, about, days, kind_key, strength, reliability, note in CUES:
        readiness.record_cue(
            vault,
            NewCue(
                kind_id=kinds[kind_key],
                observed_on=today - timedelta(days=days),
                process_id=process_ids[process],
                actor_id=None if about is None else actor_ids[about],
                strength=strength,
                reliability="EDCBA"[reliability - 1],
                credibility=2,
                note=_(note),
            ),
        )


def _add_follow_ups(
    vault: Vault,
    now: datetime,
    today: date,
    process_ids: dict[str, int],
    actor_ids: dict[str, int],
) -> None:
    for title, due_in, who, process, done_ago in FOLLOW_UPS:
        follow_up = followups.create_follow_up(
            vault,
            NewFollowUp(
                _(title),
                today + timedelta(days=due_in),
                actor_id=actor_ids[who],
                process_id=process_ids[process],
            ),
        )
        if done_ago is not None:
            followups.set_done(vault, follow_up.id, True, now - timedelta(days=done_ago))


def _log_history(
    vault: Vault,
    now: datetime,
    rng: random.Random,
    actor_ids: dict[str, int],
    process_ids: dict[str, int],
    channel_ids: dict[tuple[str, ChannelKind], int],
) -> None:
    """A year of contacts, oldest first; each actor's latest one sets their warmth."""
    by_key = {a.key: a for a in ACTORS}
    planned: list[tuple[int, Person, InteractionKind, tuple[str, ...]]] = []
    for spec in ACTORS:
        planned.append((spec.last_days, spec, spec.last_kind, ()))
        for _repeat in range(spec.history):
            days = rng.randint(spec.last_days + 3, 360)
            if spec.direct:
                kinds, weights = zip(*HISTORY_KINDS, strict=True)
                kind = rng.choices(kinds, weights)[0]
            else:
                kind = _IK.VIA_INTERMEDIARY
            # Someone else from the same process joins now and then, but only on a day
            # before their own latest contact, so that each actor's warmth stays as planned.
            others = tuple(
                o.key
                for o in ACTORS
                if o.process == spec.process
                and o.key != spec.key
                and o.direct
                and o.last_days < days
                and o.status is ActorStatus.ACTIVE
            )
            joined: tuple[str, ...] = (rng.choice(others),) if others and rng.random() < 0.2 else ()
            planned.append((days, spec, kind, joined))
    planned.sort(key=lambda item: (-item[0], item[1].key))

    # The earlier contacts go in as one bulk load (one unit of work instead of one per
    # contact, which keeps the demo quick to make); each actor's latest contact is logged
    # one by one, as the practitioner would, through the log service.
    follow_up_after = {"samira": N_("Send the workshop report to the participants")}
    earlier: list[bulk.NewInteraction] = []
    latest: list[tuple[Person, bulk.NewInteraction]] = []
    for days, spec, kind, joined in planned:
        occurred = now - timedelta(days=days, hours=rng.randint(0, 9), minutes=rng.randint(0, 59))
        channel_kind = CHANNEL_FOR_KIND[kind]
        channel = channel_ids.get((spec.key, channel_kind))
        if kind is _IK.VIA_INTERMEDIARY and channel is None:
            kind, channel = _IK.MESSAGE, channel_ids.get((spec.key, _CK.MESSENGER))
        register = (
            Register.SOCIAL
            if kind is _IK.SOCIAL
            else rng.choice((Register.PROFESSIONAL, Register.PROFESSIONAL, Register.MIXED))
        )
        templates = SOCIAL_SUMMARIES if kind is _IK.SOCIAL else SUMMARIES[spec.process]
        summary = _(rng.choice(templates)).format(name=_first_name(spec.key))
        contact = bulk.NewInteraction(
            occurred_at=occurred,
            kind=kind,
            participant_ids=[actor_ids[spec.key], *(actor_ids[k] for k in joined)],
            register=register,
            summary=summary,
            channel_id=channel,
            process_id=process_ids[by_key[spec.key].process],
        )
        if days == spec.last_days:
            latest.append((spec, contact))
        else:
            earlier.append(contact)

    with vault.transaction() as session:
        bulk.add_interactions(session, earlier)
    for spec, contact in latest:
        follow_up = None
        if spec.key in follow_up_after:
            follow_up = NewFollowUp(
                _(follow_up_after[spec.key]), now.astimezone(UTC).date() + timedelta(days=4)
            )
        interactions.log_interaction(
            vault,
            occurred_at=contact.occurred_at,
            kind=contact.kind,
            participants=contact.participant_ids,
            register=contact.register,
            summary=contact.summary,
            channel_id=contact.channel_id,
            process_id=contact.process_id,
            follow_up=follow_up,
        )


def _script_of(text: str) -> str:
    """The script a name is written in, by its first letter: "Arabic", "Cyrillic", ..."""
    first = next(char for char in text if char.isalpha())
    return unicodedata.name(first).split()[0].capitalize()


def _first_name(key: str) -> str:
    name = next(a.name for a in ACTORS if a.key == key)
    for title in ("Dr. ", "Sheikh ", "Father ", "Hajja ", "Imam ", "Rabbi ", "Mukhtar ", "Bishop "):
        name = name.removeprefix(title)
    return name.split()[0]


def is_demo(vault: Vault) -> bool:
    """Whether ``vault`` holds the demo scenario (so the GUI can label it DEMO)."""
    with vault.transaction() as session:
        return session.get(Setting, DEMO_SETTING) is not None


def _add_co_facilitator(vault: Vault, now: datetime, kdf: KdfParams | None) -> None:
    """A colleague, and the records received from her (contactkeeper/demo/colleague.py)."""
    from contactkeeper.demo import colleague

    water = next(p for p in PROCESSES if p.key == colleague.PROCESS_KEY)
    colleague.add_co_facilitator(vault, now, _(water.name), kdf or vault.kdf)


def create_demo_vault(
    path: Path, passphrase: str, now: datetime, kdf: KdfParams | None = None
) -> Vault:
    """Make a new vault at ``path`` (a new or empty folder) filled with the demo scenario.

    If filling it fails, the half-made vault is removed again and the error raised.
    """
    path = Path(path)
    existed = path.exists()
    vault = Vault.create(path, passphrase, kdf=kdf)
    try:
        populate(vault, now)
        _add_co_facilitator(vault, now, kdf)
    except BaseException:
        vault.close()
        for made in path.iterdir():
            made.unlink(missing_ok=True)
        if not existed:
            shutil.rmtree(path, ignore_errors=True)
        raise
    return vault


__all__ = ["create_demo_vault", "is_demo", "populate"]
