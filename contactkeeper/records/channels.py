"""Channels: the ways to reach an actor, directly or through a chain of intermediaries."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload

from contactkeeper import i18n, records
from contactkeeper.errors import InvalidRecord
from contactkeeper.i18n import _, pgettext
from contactkeeper.records import NameRule, display_names, wording
from contactkeeper.records.interactions import recompute_summaries
from contactkeeper.records.reading import read_connection
from contactkeeper.records.warmth import Warmth, WarmthReading, reading, warmth_word
from contactkeeper.vault import Vault
from contactkeeper.vault.model import Actor, Channel, ChannelHop, ChannelKind, Sensitivity


@dataclass(frozen=True)
class Hop:
    """One intermediary on the way, in order: the first is the one you reach first."""

    actor_id: int
    trust: int = 3


@dataclass(frozen=True)
class HopInfo:
    actor_id: int
    display_name: str
    codename: str
    trust: int
    sensitivity: Sensitivity
    warmth: WarmthReading | None = None  # your warmth with this intermediary


@dataclass(frozen=True)
class ChannelInfo:
    id: int
    uuid: str
    actor_id: int
    actor_name: str
    actor_codename: str
    actor_sensitivity: Sensitivity
    kind: ChannelKind
    label: str
    trust: int
    sensitivity: Sensitivity
    notes: str
    hops: tuple[HopInfo, ...]
    last_used_at: datetime | None
    warmth: WarmthReading
    # The intermediary whose coldness sets the channel's warmth (None: its own last use).
    cooled_by: HopInfo | None = None

    @property
    def indirect(self) -> bool:
        return bool(self.hops)

    def why_warmth(self, name: NameRule | None = None) -> str:
        """Why the channel is as warm as it is: its own last use, or its coldest hop."""
        warmth = warmth_word(self.warmth.warmth)
        # Translators: a channel's warmth and when it was last used: "cooling: 40 d ago".
        own = _("{warmth}: {when}").format(warmth=warmth, when=self.warmth.label)
        hop = self.cooled_by
        if hop is None:
            return own
        rule = name or display_names
        who = rule(hop.actor_id, hop.display_name, hop.codename, hop.sensitivity)
        # Translators: {own} is "cold: 90 d ago"; {warmth} "cold", your warmth with {name}.
        return _(
            "{own}; an indirect channel is only as warm as its coldest hop, and you are "
            "{warmth} with {name}"
        ).format(own=own, warmth=warmth, name=i18n.isolate(who))

    def chain(self, name: NameRule | None = None) -> str:
        """How the channel reads: ``you -> Karim N. -> Layla H.``.

        ``name(actor_id, display_name, codename, sensitivity)`` gives the name shown for
        each person on the way (the GUI's privacy rule); without it, display names.
        """
        rule = name or display_names
        names = [
            i18n.isolate(rule(h.actor_id, h.display_name, h.codename, h.sensitivity))
            for h in self.hops
        ]
        target = i18n.isolate(
            rule(self.actor_id, self.actor_name, self.actor_codename, self.actor_sensitivity)
        )
        chain = " -> ".join([pgettext("path", "you"), *names, target])
        if self.hops:
            return chain
        # Translators: a direct channel: "you -> Layla Haddad (phone)".
        return _("{chain} ({kind})").format(chain=chain, kind=wording.label(self.kind))

    def lead(self, name: NameRule | None = None) -> str:
        """What to do first, in a word or two: the kind of a direct channel ("phone"), or
        ``via`` the first intermediary of an indirect one ("via Karim N."). ``name`` is the
        rule of :meth:`chain`."""
        if not self.hops:
            return wording.label(self.kind)
        first = self.hops[0]
        rule = name or display_names
        who = rule(first.actor_id, first.display_name, first.codename, first.sensitivity)
        # Translators: the first step of an indirect channel: "via Karim N.".
        return _("via {name}").format(name=i18n.isolate(who))


def list_channels(vault: Vault, actor_id: int, now: datetime) -> list[ChannelInfo]:
    """The actor's channels, with who is on the way: two statements, no ORM object."""
    wanted = {"actor_id": actor_id}
    with read_connection(vault) as conn:
        rows = conn.execute(_CHANNEL_ROWS, wanted).all()
        hops: dict[int, list[HopInfo]] = {}
        if rows:
            for channel_id, hop_actor, trust, *person in conn.execute(_HOP_ROWS, wanted):
                hops.setdefault(channel_id, []).append(_hop(hop_actor, trust, *person, now=now))
    return [
        _assemble(
            row.id,
            row.uuid,
            row,
            row.kind,
            row.label,
            row.trust,
            row.sensitivity,
            row.notes,
            row.last_used_at,
            tuple(hops.get(row.id, ())),
            now,
        )
        for row in rows
    ]


# What list_channels reads (statements made once; SQLAlchemy keeps them compiled).
_CHANNEL_ROWS = (
    sa.select(
        Channel.id,
        Channel.uuid,
        Channel.kind,
        Channel.label,
        Channel.trust,
        Channel.sensitivity,
        Channel.notes,
        Channel.last_used_at,
        Actor.id.label("actor_id"),
        Actor.display_name,
        Actor.codename,
        Actor.sensitivity.label("actor_sensitivity"),
        Actor.cadence_days,
        Actor.max_interval_days,
    )
    .join(Actor, Actor.id == Channel.actor_id)
    .where(Channel.actor_id == sa.bindparam("actor_id"))
    .order_by(Channel.id)
)
_HOP_ROWS = (
    sa.select(
        ChannelHop.channel_id,
        ChannelHop.intermediary_id,
        ChannelHop.trust,
        Actor.display_name,
        Actor.codename,
        Actor.sensitivity,
        Actor.cadence_days,
        Actor.last_substantive_at,
        Actor.last_contact_at,
        Actor.max_interval_days,
    )
    .join(Actor, Actor.id == ChannelHop.intermediary_id)
    .where(
        ChannelHop.channel_id.in_(
            sa.select(Channel.id).where(Channel.actor_id == sa.bindparam("actor_id"))
        )
    )
    .order_by(ChannelHop.channel_id, ChannelHop.position)
)


def channels_through(vault: Vault, intermediary_id: int, now: datetime) -> list[ChannelInfo]:
    """Channels on which ``intermediary_id`` is a hop (whom this actor can reach for you)."""
    with vault.transaction() as session:
        channels = session.scalars(
            _with_hops(
                sa.select(Channel).where(
                    Channel.id.in_(
                        sa.select(ChannelHop.channel_id).where(
                            ChannelHop.intermediary_id == intermediary_id
                        )
                    )
                )
            )
        )
        return [channel_info(c, now) for c in channels]


def get_channel(vault: Vault, channel_id: int, now: datetime) -> ChannelInfo:
    with vault.transaction() as session:
        return channel_info(records.fetch(session, Channel, channel_id, "channel"), now)


def add_channel(
    vault: Vault,
    actor_id: int,
    now: datetime,
    *,
    kind: ChannelKind,
    label: str = "",
    hops: Sequence[Hop] = (),
    trust: int = 3,
    sensitivity: Sensitivity = Sensitivity.NORMAL,
    notes: str = "",
) -> ChannelInfo:
    with vault.transaction() as session:
        records.fetch(session, Actor, actor_id, "actor")
        channel = Channel(actor_id=actor_id, kind=ChannelKind(kind))
        session.add(channel)
        _apply(session, channel, label, trust, sensitivity, notes, hops)
        session.flush()
        return channel_info(channel, now)


def update_channel(
    vault: Vault,
    channel_id: int,
    now: datetime,
    *,
    kind: ChannelKind,
    label: str,
    hops: Sequence[Hop],
    trust: int,
    sensitivity: Sensitivity,
    notes: str,
) -> ChannelInfo:
    with vault.transaction() as session:
        channel = records.fetch(session, Channel, channel_id, "channel")
        before = {h.intermediary_id for h in channel.hops}
        channel.kind = ChannelKind(kind)
        _apply(session, channel, label, trust, sensitivity, notes, hops)
        session.flush()
        # Contacts made over the channel credit whoever is on it now (warmth.py).
        recompute_summaries(session, before | {h.actor_id for h in hops}, ())
        return channel_info(channel, now)


def delete_channel(vault: Vault, channel_id: int) -> None:
    with vault.transaction() as session:
        channel = records.fetch(session, Channel, channel_id, "channel")
        intermediaries = {h.intermediary_id for h in channel.hops}
        session.delete(channel)
        session.flush()
        recompute_summaries(session, intermediaries, ())


def _apply(
    session: Session,
    channel: Channel,
    label: str,
    trust: int,
    sensitivity: Sensitivity,
    notes: str,
    hops: Sequence[Hop],
) -> None:
    channel.label = records.name(_("Label"), label, max_length=200)
    channel.trust = records.scale(_("Trust"), trust)
    channel.sensitivity = Sensitivity(sensitivity)
    channel.notes = records.text(_("Notes"), notes, max_length=100_000)
    if channel.kind is ChannelKind.INDIRECT and not hops:
        raise InvalidRecord(_("Intermediaries"), _("an indirect channel needs at least one"))
    if channel.kind is not ChannelKind.INDIRECT and hops:
        raise InvalidRecord(_("Intermediaries"), _("only an indirect channel goes through others"))
    ids = [h.actor_id for h in hops]
    if channel.actor_id in ids:
        raise InvalidRecord(_("Intermediaries"), _("an actor cannot be their own intermediary"))
    if len(set(ids)) != len(ids):
        raise InvalidRecord(_("Intermediaries"), _("the same intermediary appears twice"))
    for hop in hops:
        records.fetch(session, Actor, hop.actor_id, "actor")
    channel.hops.clear()
    session.flush()  # old positions go before new ones take their place
    channel.hops.extend(
        ChannelHop(position=i, intermediary_id=h.actor_id, trust=records.scale(_("Trust"), h.trust))
        for i, h in enumerate(hops)
    )


def _with_hops(query: sa.Select[Channel]) -> sa.Select[Channel]:
    return query.options(
        selectinload(Channel.hops)
        .selectinload(ChannelHop.intermediary)
        .load_only(
            Actor.display_name,
            Actor.codename,
            Actor.sensitivity,
            Actor.cadence_days,
            Actor.max_interval_days,
            Actor.last_contact_at,
            Actor.last_substantive_at,
        ),
        selectinload(Channel.actor).load_only(
            Actor.display_name,
            Actor.codename,
            Actor.sensitivity,
            Actor.cadence_days,
            Actor.max_interval_days,
        ),
    )


def channel_info(channel: Channel, now: datetime) -> ChannelInfo:
    """A channel as the pages show it. Its warmth is its own last use, judged against its
    actor's intervals; an indirect channel is only as warm as its coldest hop, so if you
    are colder with an intermediary on the way, that is the channel's warmth (and
    ``cooled_by`` names the intermediary)."""
    hops = tuple(
        _hop(
            h.intermediary_id,
            h.trust,
            h.intermediary.display_name,
            h.intermediary.codename,
            h.intermediary.sensitivity,
            h.intermediary.cadence_days,
            h.intermediary.last_substantive_at,
            h.intermediary.last_contact_at,
            h.intermediary.max_interval_days,
            now=now,
        )
        for h in channel.hops
    )
    return _assemble(
        channel.id,
        channel.uuid,
        _Owner(channel.actor),
        channel.kind,
        channel.label,
        channel.trust,
        channel.sensitivity,
        channel.notes,
        channel.last_used_at,
        hops,
        now,
    )


class _Owner:
    """A channel's actor as :func:`_assemble` reads them (``actor_id``, ``actor_sensitivity``)."""

    def __init__(self, actor: Actor) -> None:
        self.actor_id = actor.id
        self.display_name = actor.display_name
        self.codename = actor.codename
        self.actor_sensitivity = actor.sensitivity
        self.cadence_days = actor.cadence_days
        self.max_interval_days = actor.max_interval_days


def _hop(
    actor_id: int,
    trust: int,
    display_name: str,
    codename: str,
    sensitivity: Sensitivity,
    cadence_days: int,
    last_substantive_at: datetime | None,
    last_contact_at: datetime | None,
    max_interval_days: int | None,
    *,
    now: datetime,
) -> HopInfo:
    return HopInfo(
        actor_id,
        display_name,
        codename,
        trust,
        sensitivity,
        reading(cadence_days, last_substantive_at, last_contact_at, now, max_interval_days),
    )


def _assemble(
    channel_id: int,
    uuid: str,
    owner: Any,
    kind: ChannelKind,
    label: str,
    trust: int,
    sensitivity: Sensitivity,
    notes: str,
    last_used_at: datetime | None,
    hops: tuple[HopInfo, ...],
    now: datetime,
) -> ChannelInfo:
    """The channel's result (see :func:`channel_info`); ``owner`` carries its actor's
    ``actor_id``, ``display_name``, ``codename``, ``actor_sensitivity``, ``cadence_days``
    and ``max_interval_days``."""
    own = reading(owner.cadence_days, last_used_at, last_used_at, now, owner.max_interval_days)
    colder = [h for h in hops if h.warmth and _COLDNESS[h.warmth.warmth] > _COLDNESS[own.warmth]]
    cooled_by = max(
        colder, key=lambda h: _COLDNESS[h.warmth.warmth] if h.warmth else 0, default=None
    )
    return ChannelInfo(
        id=channel_id,
        uuid=uuid,
        actor_id=owner.actor_id,
        actor_name=owner.display_name,
        actor_codename=owner.codename,
        actor_sensitivity=owner.actor_sensitivity,
        kind=kind,
        label=label,
        trust=trust,
        sensitivity=sensitivity,
        notes=notes,
        hops=hops,
        last_used_at=last_used_at,
        warmth=cooled_by.warmth if cooled_by and cooled_by.warmth else own,
        cooled_by=cooled_by,
    )


_COLDNESS = {Warmth.WARM: 0, Warmth.COOLING: 1, Warmth.COLD: 2}
