"""The web of channels: how the practitioner can reach an actor, and whom they depend on.

The graph has one node for the practitioner (:data:`YOU`) and one per actor. Its edges are
the ways one person can bring you to the next:

- **your channels**: a direct channel is an edge from you to its actor; an indirect one is
  the chain ``you -> first intermediary -> ... -> actor``;
- **relationships that allow an introduction**: which kinds count, and in which direction
  they run, is a setting of the vault (:func:`ways_in`, :func:`set_way_in`). By default
  "X can introduce Y" runs from X to Y; "X trusts Y" runs from Y to X (Y can vouch for you
  with X); family, "knows" and "reports to" run both ways; rivals never. A relationship
  that has ended, or not yet begun, is no way in.

Every edge has a **score** from 1 (weak) to 5 (strong), and a path is as good as its weakest
hop:

- a first hop (from you) scores the lower of the channel's (or intermediary's) trust and
  your warmth with that person: warm 5, cooling 3, cold or never contacted 1;
- a further hop on an indirect channel scores the trust of that intermediary (the last one
  on the channel, the channel's own trust);
- a relationship hop scores the lower of the tie's strength and the confidence you have in
  it.

Paths (:func:`paths_to`) are ranked by their weakest hop, then by fewer hops, then by the
sum of their scores; each hop says why it scores what it does, so a ranking can be traced.
An actor marked do-not-contact is never asked to pass you on (they may still be reached).

**Brokers** (:func:`brokers`) are the people whose loss would cut you off from others: in
the graph of ways in, actor B *dominates* actor A when every path from you to A passes
through B (the dominator tree of the graph rooted at you, as compilers use for control
flow). A broker's count is how many actors only they reach; for a process, how many of its
participants. Betweenness (the share of your shortest ways in that pass through someone)
is given beside it for the process's participants. The program presents this evidence; it
never concludes for the practitioner.

The relationship part of the graph is built once and kept while the vault's relationships,
channels and actors' statuses are unchanged (a cheap fingerprint query decides); the first
hops, which depend on warmth and so on the clock, are computed on every call.
"""

from __future__ import annotations

import enum
import itertools
import json
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Final

import networkx as nx
import sqlalchemy as sa

from contactkeeper.errors import InvalidRecord
from contactkeeper.records import NameRule, display_names
from contactkeeper.records.warmth import Warmth, reading
from contactkeeper.vault import Vault
from contactkeeper.vault.model import (
    Actor,
    ActorStatus,
    Channel,
    ChannelHop,
    Participation,
    Relationship,
    RelationshipKind,
    Setting,
)

YOU: Final = 0  # the practitioner's node; actor ids start at 1
MAX_HOPS: Final = 6  # longer chains are not a practical way in
WAYS_IN_SETTING: Final = "network.ways_in"

WARMTH_SCORE: Final = {Warmth.WARM: 5, Warmth.COOLING: 3, Warmth.COLD: 1}


class WayIn(enum.StrEnum):
    """Which way a kind of relationship lets the practitioner be passed on."""

    FORWARD = "from the first to the second"  # "X can introduce Y": X brings you to Y
    BACKWARD = "from the second to the first"  # "X trusts Y": Y can vouch for you with X
    BOTH = "both ways"
    NONE = "not a way in"


DEFAULT_WAYS_IN: Final = {
    RelationshipKind.CAN_INTRODUCE: WayIn.FORWARD,
    RelationshipKind.TRUSTS: WayIn.BACKWARD,
    RelationshipKind.FAMILY: WayIn.BOTH,
    RelationshipKind.KNOWS: WayIn.BOTH,
    RelationshipKind.REPORTS_TO: WayIn.BOTH,
    RelationshipKind.RIVAL: WayIn.NONE,
}


@dataclass(frozen=True)
class Hop:
    """One step of a path: to ``actor_id``, with its score and the reason for it."""

    actor_id: int
    name: str
    score: int
    reason: str  # e.g. "your channel 'Personal phone', trust 4; warm (12 d ago)"
    warmth: Warmth | None  # your warmth with this person (first hops only)


@dataclass(frozen=True)
class Path:
    hops: tuple[Hop, ...]

    @property
    def weakest(self) -> int:
        return min(h.score for h in self.hops)

    @property
    def weakest_hop(self) -> Hop:
        return min(self.hops, key=lambda h: h.score)

    def chain(self) -> str:
        """``you -> Fr. Pavel (warm) -> Bishop Nikolai -> Dmitri S.``"""
        parts = ["you"]
        for hop in self.hops:
            parts.append(f"{hop.name} ({hop.warmth})" if hop.warmth is not None else hop.name)
        return " -> ".join(parts)

    def why(self) -> str:
        """Each hop's score and reason, weakest marked: how the ranking can be traced."""
        weakest = self.weakest
        lines = [
            f"{'*' if hop.score == weakest else ' '} {hop.name}: {hop.score}/5, {hop.reason}"
            for hop in self.hops
        ]
        return "\n".join([f"As good as its weakest hop ({weakest}/5):", *lines])


@dataclass(frozen=True)
class Broker:
    """An actor through whom alone you reach others."""

    actor_id: int
    name: str
    cut_off: tuple[int, ...]  # actor ids only reachable through them
    cut_off_names: tuple[str, ...]
    betweenness: float | None = None  # within a process: share of shortest ways in

    def summary(self, of: int | None = None, what: str = "actors") -> str:
        """``only Fr. Pavel reaches 4 of the 9 participants``"""
        count = len(self.cut_off)
        total = f" of the {of}" if of is not None else ""
        return f"only {self.name} reaches {count}{total} {what}"


# -- ways in --------------------------------------------------------------------------------


def ways_in(vault: Vault) -> dict[RelationshipKind, WayIn]:
    """Which relationship kinds count as a way in, and which way: the vault's setting over
    the defaults."""
    with vault.transaction() as session:
        stored = session.get(Setting, WAYS_IN_SETTING)
        chosen = _parse_ways(stored.value) if stored is not None else {}
    return {kind: chosen.get(kind, DEFAULT_WAYS_IN[kind]) for kind in RelationshipKind}


def set_way_in(vault: Vault, kind: RelationshipKind, way: WayIn) -> dict[RelationshipKind, WayIn]:
    current = ways_in(vault)
    current[RelationshipKind(kind)] = WayIn(way)
    value = json.dumps({k.value: w.name for k, w in current.items()}, sort_keys=True)
    with vault.transaction() as session:
        session.merge(Setting(key=WAYS_IN_SETTING, value=value))
    return current


def _parse_ways(text: str) -> dict[RelationshipKind, WayIn]:
    """The stored setting, leniently: anything not understood falls back to the default."""
    try:
        raw = json.loads(text)
    except ValueError:
        return {}
    if not isinstance(raw, dict):
        return {}
    kinds = {k.value: k for k in RelationshipKind}
    return {
        kinds[key]: WayIn[value]
        for key, value in raw.items()
        if key in kinds and isinstance(value, str) and value in WayIn.__members__
    }


# -- the graph ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Edge:
    score: int
    reason: str


@dataclass
class _Web:
    """The part of the graph that does not depend on the clock: relationships and the
    further hops of indirect channels, with the actors who must not pass you on."""

    fingerprint: tuple[object, ...]
    graph: nx.DiGraph[int]
    do_not_contact: frozenset[int]
    first: tuple[tuple[int, int], ...] = ()  # the first hops now in ``graph``
    brokers: dict[int, tuple[int, ...]] | None = None  # who only each reaches, for ``first``
    lock: threading.Lock = field(default_factory=threading.Lock)


_CACHE: dict[str, _Web] = {}
_CACHE_LOCK = threading.Lock()


def _fingerprint(session: sa.orm.Session) -> tuple[object, ...]:
    """What the kept web is made of: counts and newest changes of relationships, channels
    and hops, and who is do-not-contact (a few milliseconds, against a rebuild's hundreds)."""
    rel = session.execute(
        sa.select(
            sa.func.count(), sa.func.max(Relationship.updated_at), sa.func.max(Relationship.id)
        )
    ).one()
    chan = session.execute(
        sa.select(sa.func.count(), sa.func.max(Channel.updated_at), sa.func.max(Channel.id))
    ).one()
    hops = session.execute(sa.select(sa.func.count(), sa.func.max(ChannelHop.updated_at))).one()
    blocked = session.scalars(
        sa.select(Actor.id).where(Actor.status == ActorStatus.DO_NOT_CONTACT).order_by(Actor.id)
    ).all()
    return (tuple(rel), tuple(chan), tuple(hops), tuple(blocked))


def _web(
    vault: Vault, session: sa.orm.Session, ways: dict[RelationshipKind, WayIn], today: date
) -> _Web:
    fingerprint = (*_fingerprint(session), tuple(sorted(ways.items())), today)
    with _CACHE_LOCK:
        cached = _CACHE.get(vault.vault_id)
    if cached is not None and cached.fingerprint == fingerprint:
        return cached
    graph: nx.DiGraph[int] = nx.DiGraph()
    for rel in session.execute(
        sa.select(
            Relationship.id,
            Relationship.from_actor_id,
            Relationship.to_actor_id,
            Relationship.kind,
            Relationship.strength,
            Relationship.confidence,
            Relationship.started_on,
            Relationship.ended_on,
        )
    ):
        way = ways.get(rel.kind, WayIn.NONE)
        if way is WayIn.NONE or not _current(rel.started_on, rel.ended_on, today):
            continue
        score = min(rel.strength, rel.confidence)
        reason = f"{rel.kind}, strength {rel.strength}, confidence {rel.confidence}"
        if way in (WayIn.FORWARD, WayIn.BOTH):
            _add(graph, rel.from_actor_id, rel.to_actor_id, _Edge(score, reason))
        if way in (WayIn.BACKWARD, WayIn.BOTH):
            _add(graph, rel.to_actor_id, rel.from_actor_id, _Edge(score, reason))
    hops: dict[int, list[tuple[int, int]]] = {}
    for hop in session.execute(
        sa.select(
            ChannelHop.channel_id, ChannelHop.position, ChannelHop.intermediary_id, ChannelHop.trust
        ).order_by(ChannelHop.channel_id, ChannelHop.position)
    ):
        hops.setdefault(hop.channel_id, []).append((hop.intermediary_id, hop.trust))
    indirect = session.execute(
        sa.select(Channel.id, Channel.actor_id, Channel.label, Channel.trust).where(
            sa.exists().where(ChannelHop.channel_id == Channel.id)
        )
    )
    for channel in indirect:
        chain = hops[channel.id]
        label = f"'{channel.label}'" if channel.label else "an indirect channel"
        for (here, _), (there, trust) in itertools.pairwise(chain):
            _add(graph, here, there, _Edge(trust, f"next on {label}, trust {trust}"))
        _add(
            graph,
            chain[-1][0],
            channel.actor_id,
            _Edge(channel.trust, f"last on {label}, channel trust {channel.trust}"),
        )
    blocked = frozenset(
        session.scalars(sa.select(Actor.id).where(Actor.status == ActorStatus.DO_NOT_CONTACT))
    )
    # Nobody asks a do-not-contact actor to pass them on: they keep only incoming ways.
    graph.remove_edges_from([(a, b) for a in blocked if a in graph for b in list(graph[a])])
    web = _Web(fingerprint, graph, blocked)
    with _CACHE_LOCK:
        _CACHE[vault.vault_id] = web
    return web


def _current(started: date | None, ended: date | None, today: date) -> bool:
    return (started is None or started <= today) and (ended is None or ended > today)


def _add(graph: nx.DiGraph[int], here: int, there: int, edge: _Edge) -> None:
    """Keep the strongest of several ties between the same two people."""
    if here == there:
        return
    old = graph.get_edge_data(here, there)
    if old is None or old["edge"].score < edge.score:
        graph.add_edge(here, there, edge=edge, score=edge.score)


def _first_hops(session: sa.orm.Session, now: datetime) -> dict[int, _Edge]:
    """Your own ways to each person you reach first: direct channels to them, and the first
    intermediary of every indirect channel; scored by trust and your warmth with them."""
    trust: dict[int, tuple[int, str]] = {}
    for channel in session.execute(
        sa.select(Channel.id, Channel.actor_id, Channel.label, Channel.kind, Channel.trust).where(
            ~sa.exists().where(ChannelHop.channel_id == Channel.id)
        )
    ):
        label = channel.label or str(channel.kind)
        why = f"your channel '{label}', trust {channel.trust}"
        _better(trust, channel.actor_id, channel.trust, why)
    for hop in session.execute(
        sa.select(ChannelHop.intermediary_id, ChannelHop.trust, Channel.label)
        .join(Channel, Channel.id == ChannelHop.channel_id)
        .where(ChannelHop.position == 0)
    ):
        label = f"'{hop.label}'" if hop.label else "an indirect channel"
        _better(trust, hop.intermediary_id, hop.trust, f"first on {label}, trust {hop.trust}")
    if not trust:
        return {}
    edges: dict[int, _Edge] = {}
    for actor in session.execute(
        sa.select(
            Actor.id, Actor.cadence_days, Actor.last_substantive_at, Actor.last_contact_at
        ).where(Actor.id.in_(list(trust)))
    ):
        warmth = reading(actor.cadence_days, actor.last_substantive_at, actor.last_contact_at, now)
        value, why = trust[actor.id]
        score = min(value, WARMTH_SCORE[warmth.warmth])
        edges[actor.id] = _Edge(score, f"{why}; {warmth.warmth} ({warmth.label})")
    return edges


def _better(found: dict[int, tuple[int, str]], actor_id: int, value: int, why: str) -> None:
    if actor_id not in found or found[actor_id][0] < value:
        found[actor_id] = (value, why)


@contextmanager
def _graph(vault: Vault, now: datetime) -> Iterator[tuple[_Web, dict[int, Warmth]]]:
    """The whole graph for ``now``, held while the caller searches it: the kept web, with
    your first hops (which depend on warmth, so on the clock) put in place of the last
    call's. Only the edges from :data:`YOU` change, so no copy of the web is made."""
    ways = ways_in(vault)
    with vault.transaction() as session:
        web = _web(vault, session, ways, now.date())
        first = _first_hops(session, now)
        warmth = _warmths(session, first, now)
    with web.lock:
        signature = tuple(sorted((a, e.score) for a, e in first.items()))
        if signature != web.first or any(web.graph[YOU][a]["edge"] != e for a, e in first.items()):
            if YOU in web.graph:
                web.graph.remove_node(YOU)
            web.graph.add_node(YOU)
            for actor_id, edge in first.items():
                web.graph.add_edge(YOU, actor_id, edge=edge, score=edge.score)
            if signature != web.first:
                web.brokers = None
            web.first = signature
        yield web, warmth


def _warmths(session: sa.orm.Session, first: dict[int, _Edge], now: datetime) -> dict[int, Warmth]:
    result: dict[int, Warmth] = {}
    for actor in session.execute(
        sa.select(
            Actor.id, Actor.cadence_days, Actor.last_substantive_at, Actor.last_contact_at
        ).where(Actor.id.in_(list(first)))
    ):
        result[actor.id] = reading(
            actor.cadence_days, actor.last_substantive_at, actor.last_contact_at, now
        ).warmth
    return result


# -- paths ----------------------------------------------------------------------------------


def paths_to(
    vault: Vault,
    actor_id: int,
    now: datetime,
    *,
    limit: int = 3,
    name: NameRule = display_names,
) -> list[Path]:
    """The best few ways from you to ``actor_id``, best first (see the module's rule)."""
    if limit < 1:
        raise InvalidRecord("Limit", "must be at least 1")
    with _graph(vault, now) as (web, warmth):
        graph = web.graph
        if actor_id not in graph:
            return []
        found: dict[tuple[int, ...], None] = {}
        for threshold in range(5, 0, -1):
            for nodes in _shortest_paths(_at_least(graph, threshold), actor_id):
                found.setdefault(tuple(nodes))
                if len(found) >= limit:
                    break
            if len(found) >= limit:
                break
        steps = {
            nodes: [(a, b, graph[a][b]) for a, b in itertools.pairwise(nodes)] for nodes in found
        }
    ranked = sorted(
        steps,
        key=lambda nodes: (
            -min(s["score"] for _, _, s in steps[nodes]),
            len(nodes),
            -sum(s["score"] for _, _, s in steps[nodes]),
        ),
    )[:limit]
    names = _names(vault, {n for nodes in ranked for n in nodes if n != YOU}, name)
    return [
        Path(
            tuple(
                Hop(
                    b,
                    names[b],
                    data["score"],
                    data["edge"].reason,
                    warmth.get(b) if a == YOU else None,
                )
                for a, b, data in steps[nodes]
            )
        )
        for nodes in ranked
    ]


def _at_least(graph: nx.DiGraph[int], threshold: int) -> nx.DiGraph[int]:
    """A view of ``graph`` with only the edges scoring ``threshold`` or more."""

    def strong(a: int, b: int) -> bool:
        return bool(graph[a][b]["score"] >= threshold)

    view: nx.DiGraph[int] = nx.subgraph_view(graph, filter_edge=strong)
    return view


def _shortest_paths(graph: nx.DiGraph[int], target: int) -> Iterator[list[int]]:
    """Simple paths from you to ``target`` in ``graph``, fewest hops first."""
    try:
        for nodes in nx.shortest_simple_paths(graph, YOU, target):
            if len(nodes) - 1 > MAX_HOPS:
                return
            yield nodes
    except (nx.NetworkXNoPath, nx.NodeNotFound):
        return


# -- brokers --------------------------------------------------------------------------------


def brokers(
    vault: Vault,
    now: datetime,
    *,
    among: Iterable[int] | None = None,
    name: NameRule = display_names,
) -> list[Broker]:
    """Actors through whom alone you reach others, most cut off first.

    ``among`` limits what counts to those actors (a process's participants): a broker's
    ``cut_off`` then lists only them, and ``betweenness`` says what share of your shortest
    ways to them passes through the broker.
    """
    with _graph(vault, now) as (web, _):
        if web.brokers is None:
            web.brokers = _dominated(web.graph)
        cut_all = web.brokers
        wanted = None if among is None else set(among)
        cut = {
            broker: tuple(t for t in reached if wanted is None or t in wanted)
            for broker, reached in cut_all.items()
        }
        cut = {broker: reached for broker, reached in cut.items() if reached}
        betweenness: dict[int, float] = {}
        if wanted and cut:
            targets = sorted(wanted & set(web.graph))
            raw = nx.betweenness_centrality_subset(
                web.graph, sources=[YOU], targets=targets, normalized=False
            )
            betweenness = {n: v / max(len(targets), 1) for n, v in raw.items()}
    if not cut:
        return []
    names = _names(vault, set(cut) | {t for ts in cut.values() for t in ts}, name)
    result = [
        Broker(
            broker,
            names[broker],
            tuple(sorted(reached, key=lambda t: names[t])),
            tuple(sorted(names[t] for t in reached)),
            betweenness.get(broker, 0.0) if among is not None else None,
        )
        for broker, reached in cut.items()
    ]
    return sorted(result, key=lambda b: (-len(b.cut_off), b.name))


def _dominated(graph: nx.DiGraph[int]) -> dict[int, tuple[int, ...]]:
    """For each actor, the actors every one of your paths to whom passes through them."""
    if YOU not in graph:
        return {}
    dominators = nx.immediate_dominators(graph, YOU)
    cut: dict[int, list[int]] = {}
    for target in dominators:
        if target == YOU:
            continue
        node = dominators[target]
        while node != YOU:
            cut.setdefault(node, []).append(target)
            node = dominators[node]
    return {broker: tuple(sorted(reached)) for broker, reached in cut.items()}


def process_brokers(
    vault: Vault, process_id: int, now: datetime, *, name: NameRule = display_names
) -> tuple[int, list[Broker]]:
    """(how many participants the process has, the brokers to them) for the process page:
    "only Fr. Pavel reaches 4 of the 9 participants"."""
    with vault.transaction() as session:
        participants = set(
            session.scalars(
                sa.select(Participation.actor_id).where(Participation.process_id == process_id)
            )
        )
    return len(participants), brokers(vault, now, among=participants, name=name)


def reached_through(
    vault: Vault, actor_id: int, now: datetime, *, name: NameRule = display_names
) -> list[tuple[int, str]]:
    """Whom an intermediary carries you to: every actor you reach only through them."""
    for broker in brokers(vault, now, name=name):
        if broker.actor_id == actor_id:
            return list(zip(broker.cut_off, broker.cut_off_names, strict=True))
    return []


def _names(vault: Vault, ids: set[int], rule: NameRule) -> dict[int, str]:
    if not ids:
        return {}
    with vault.transaction() as session:
        rows = session.execute(
            sa.select(Actor.id, Actor.display_name, Actor.codename, Actor.sensitivity).where(
                Actor.id.in_(sorted(ids))
            )
        )
        return {r.id: rule(r.id, r.display_name, r.codename, r.sensitivity) for r in rows}


__all__: Sequence[str] = [
    "DEFAULT_WAYS_IN",
    "YOU",
    "Broker",
    "Hop",
    "Path",
    "WayIn",
    "brokers",
    "paths_to",
    "process_brokers",
    "reached_through",
    "set_way_in",
    "ways_in",
]
