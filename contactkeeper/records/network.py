"""The web of channels: how the practitioner can reach an actor, and whom they depend on.

The graph has one node for the practitioner (:data:`YOU`) and one per actor. Its edges are
the ways one person can bring you to the next:

- **your channels**: a direct channel is an edge from you to its actor; an indirect one is
  the chain ``you -> first intermediary -> ... -> actor``;
- **relationships that allow an introduction**: which kinds count, and in which direction
  they run, is a setting of the vault (:func:`ways_in`, :func:`set_way_in`). By default
  "X can introduce Y" runs from X to Y; "X trusts Y" runs from Y to X (Y can vouch for you
  with X); family, "knows", "reports to" and "allied with" run both ways; rivals never. A
  relationship that has ended, or not yet begun, is no way in.

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
A reason may quote the label of one of your channels (a phone number, "through her
cousin"): a quasi-identifier of the channel's actor, so it is left out (":data:`WITHHELD`")
when that actor's identity is withheld by the caller's rule, or the channel is marked
high-risk.
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
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Final, NamedTuple

import networkx as nx
import sqlalchemy as sa

from contactkeeper import i18n
from contactkeeper.errors import InvalidRecord
from contactkeeper.i18n import N_, _, ngettext, pgettext
from contactkeeper.records import IdentityRule, NameRule, display_names, nobody_withheld, wording
from contactkeeper.records.warmth import Warmth, reading, warmth_word
from contactkeeper.vault import Vault
from contactkeeper.vault.model import (
    Actor,
    ActorStatus,
    Channel,
    ChannelHop,
    Participation,
    RelationshipKind,
    Sensitivity,
    Setting,
)

YOU: Final = 0  # the practitioner's node; actor ids start at 1
MAX_HOPS: Final = 6  # longer chains are not a practical way in
WAYS_IN_SETTING: Final = "network.ways_in"

WARMTH_SCORE: Final = {Warmth.WARM: 5, Warmth.COOLING: 3, Warmth.COLD: 1}
# What a reason says instead of a channel's label that may not be shown.
WITHHELD: Final = N_("(label withheld)")
LABEL: Final = "{label}"  # where a reason quotes a channel's label


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
    RelationshipKind.ALLIED: WayIn.BOTH,
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
        # Translators: the practitioner, at the start of a path: "you -> Fr. Pavel (warm)".
        parts = [pgettext("path", "you")]
        for hop in self.hops:
            name = i18n.isolate(hop.name)
            parts.append(
                _("{name} ({warmth})").format(name=name, warmth=warmth_word(hop.warmth))
                if hop.warmth is not None
                else name
            )
        return " -> ".join(parts)

    def why(self) -> str:
        """Each hop's score and reason, weakest marked: how the ranking can be traced."""
        weakest = self.weakest
        lines = [
            ("*" if hop.score == weakest else " ")
            + " "
            # Translators: one hop of a path and its score out of 5: "Fr. Pavel: 3/5, your
            # channel 'phone', trust 4; warm (12 d ago)".
            + _("{name}: {score}/5, {reason}").format(
                name=i18n.isolate(hop.name), score=i18n.number(hop.score), reason=hop.reason
            )
            for hop in self.hops
        ]
        head = _("As good as its weakest hop ({score}/5):").format(score=i18n.number(weakest))
        return "\n".join([head, *lines])


@dataclass(frozen=True)
class Broker:
    """An actor through whom alone you reach others."""

    actor_id: int
    name: str
    cut_off: tuple[int, ...]  # actor ids only reachable through them
    cut_off_names: tuple[str, ...]
    betweenness: float | None = None  # within a process: share of shortest ways in

    def summary(self, of: int | None = None, what: str = "actors") -> str:
        """``only Fr. Pavel reaches 4 of the 9 participants``; ``what`` is "actors" or
        "participants" (of a process)."""
        count = len(self.cut_off)
        values = {"name": i18n.isolate(self.name), "n": i18n.number(count)}
        if of is None:
            text = (
                ngettext(
                    "only {name} reaches {n} participant",
                    "only {name} reaches {n} participants",
                    count,
                )
                if what == "participants"
                else ngettext(
                    "only {name} reaches {n} actor", "only {name} reaches {n} actors", count
                )
            )
            return text.format(**values)
        text = (
            ngettext(
                "only {name} reaches {n} of the {total} participant",
                "only {name} reaches {n} of the {total} participants",
                of,
            )
            if what == "participants"
            else ngettext(
                "only {name} reaches {n} of the {total} actor",
                "only {name} reaches {n} of the {total} actors",
                of,
            )
        )
        return text.format(total=i18n.number(of), **values)


# -- ways in --------------------------------------------------------------------------------


def ways_in(vault: Vault) -> dict[RelationshipKind, WayIn]:
    """Which relationship kinds count as a way in, and which way: the vault's setting over
    the defaults."""
    with vault.transaction() as session:
        return ways_in_session(session)


def ways_in_session(session: sa.orm.Session) -> dict[RelationshipKind, WayIn]:
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


_Tie = tuple[int, str, str, int, bool]  # an _Edge as a plain tuple, to keep


class _Edge(NamedTuple):
    score: int
    reason: str  # may hold LABEL, where the channel's label goes
    label: str = ""  # the channel's label quoted
    owner: int = 0  # whose channel it is
    private: bool = False  # the channel itself is high-risk

    def shown(self, withheld: Callable[[int, bool], bool]) -> str:
        """The reason, with the label if ``withheld(owner, private)`` allows it."""
        if LABEL not in self.reason:
            return self.reason
        hidden = withheld(self.owner, self.private)
        # Translators: a channel's label quoted in a reason.
        quoted = _("'{label}'").format(label=i18n.isolate(self.label))
        return self.reason.replace(LABEL, _(WITHHELD) if hidden else quoted)


@dataclass
class _Web:
    """The part of the graph that does not depend on the clock or on your contacts:
    relationships and the further hops of indirect channels (never an edge from
    :data:`YOU`), and the trust of your own first hops. Kept per vault."""

    key: tuple[object, ...]
    # Everything kept is plain tuples, ints and strings in plain dicts, which the garbage
    # collector stops scanning (a web of 50,000 ties held as objects of a class of ours
    # made every full collection cost a few hundred milliseconds).
    ties: dict[tuple[int, int], _Tie]  # (from, to) -> the strongest way from one to the other
    scores_into: dict[int, dict[int, int]]  # to -> {from: score}: the ties read backward
    first_trust: dict[int, _Tie]  # actor -> your best first hop to them, scored by trust
    lock: threading.Lock = field(default_factory=threading.Lock)
    reach: _Reach | None = None
    structure: _Structure | None = None


@dataclass
class _Reach:
    """Your first hops scored with your warmth with each person, and what is derived from
    them (computed at most once each, when first asked for)."""

    key: tuple[object, ...]
    first: dict[int, _Edge]
    warmth: dict[int, Warmth]
    blocked: frozenset[int]  # do-not-contact: never asked to pass you on
    facts: dict[int, tuple[object, ...]] = field(default_factory=dict)  # what each is made of


@dataclass(frozen=True)
class _Structure:
    """Whom you reach only through whom, and your shortest ways in: they depend on which
    ties exist and who passes nobody on, not on warmth, so a contact logged keeps them
    (computed when first asked for, kept with the web while ``blocked`` is the same)."""

    blocked: frozenset[int]
    dominated: dict[int, tuple[int, ...]]
    shortest: _ShortestWays


@dataclass(frozen=True)
class _ShortestWays:
    """Breadth-first search from you: the order nodes were reached, each node's
    predecessors on a shortest way, and how many shortest ways reach it (Brandes)."""

    order: tuple[int, ...]
    predecessors: dict[int, list[int]]
    count: dict[int, int]


_CACHE: dict[str, _Web] = {}
_CACHE_LOCK = threading.Lock()
# What the web is made of; ``actors`` is not among them (it changes with every contact
# logged), so the web also keys on the number of actors: deleting one deletes its ties.
_WEB_TABLES: Final = ("relationships", "channels", "channel_hops", "vault_settings")


@contextmanager
def _state(vault: Vault, now: datetime) -> Iterator[tuple[_Web, _Reach]]:
    """The kept web and your first hops for ``now``, held while the caller searches them.

    The web is rebuilt only when a table it is made of was written since (the vault counts
    writes per table, :mod:`contactkeeper.vault.generations`); the first hops only when the
    day changes or actors were written (a contact logged changes warmth)."""
    today = now.date()
    with _CACHE_LOCK:
        web = _CACHE.get(vault.vault_id)
    with vault.transaction() as session:
        key, reach_key = _keys(vault, session, today)
        if web is None or web.key != key:
            web = _build_web(session, ways_in_session(session), today, key)
            with _CACHE_LOCK:
                _CACHE[vault.vault_id] = web
        reach = web.reach
        if reach is None or reach.key != reach_key:
            reach = _reach(session, web, now, reach_key, reach)
    with web.lock:
        web.reach = reach
        yield web, reach


def _keys(
    vault: Vault, session: sa.orm.Session, today: date
) -> tuple[tuple[object, ...], tuple[object, ...]]:
    """What the kept web, and the kept first hops, must match to be current."""
    # The counts of writes before the first read: what the reading then sees is at least as
    # new as they say.
    web_tables = vault.generations.of(*_WEB_TABLES)
    actors = vault.generations.of("actors")
    actor_count = session.scalar(sa.select(sa.func.count()).select_from(Actor))
    # The language too: the reasons kept are sentences.
    key = (*web_tables, actor_count, today, i18n.language())
    return key, (key, actors, today)


def is_kept(vault: Vault, now: datetime) -> bool:
    """Whether paths and brokers would answer from what is kept, nothing to rebuild: a
    caller on the UI thread may then ask at once, and should otherwise ask in the
    background (rebuilding the web of a large vault takes a second)."""
    with _CACHE_LOCK:
        web = _CACHE.get(vault.vault_id)
    if web is None:
        return False
    with vault.transaction() as session:
        key, reach_key = _keys(vault, session, now.date())
    reach, structure = web.reach, web.structure
    return (
        web.key == key
        and reach is not None
        and reach.key == reach_key
        and structure is not None
        and structure.blocked == reach.blocked
    )


def _build_web(
    session: sa.orm.Session,
    ways: dict[RelationshipKind, WayIn],
    today: date,
    key: tuple[object, ...],
) -> _Web:
    best: dict[tuple[int, int], _Edge] = {}  # the strongest tie from one person to another
    kinds = {kind.value: kind for kind in RelationshipKind}
    now = today.isoformat()  # dates are stored as ISO text, which orders as the dates do
    for start, end, kind_value, strength, confidence, started, ended in session.execute(_TIES):
        kind = kinds[kind_value]
        way = ways.get(kind, WayIn.NONE)
        if way is WayIn.NONE or (started is not None and started > now):
            continue
        if ended is not None and ended <= now:
            continue
        tie = _Edge(
            min(strength, confidence),
            # Translators: a tie on a path: "can introduce, strength 4, confidence 3".
            _("{kind}, strength {strength}, confidence {confidence}").format(
                kind=wording.label(kind),
                strength=i18n.number(strength),
                confidence=i18n.number(confidence),
            ),
        )
        if way in (WayIn.FORWARD, WayIn.BOTH):
            _keep(best, start, end, tie)
        if way in (WayIn.BACKWARD, WayIn.BOTH):
            _keep(best, end, start, tie)
    hops: dict[int, list[tuple[int, int]]] = {}
    for hop in session.execute(
        sa.select(
            ChannelHop.channel_id, ChannelHop.position, ChannelHop.intermediary_id, ChannelHop.trust
        ).order_by(ChannelHop.channel_id, ChannelHop.position)
    ):
        hops.setdefault(hop.channel_id, []).append((hop.intermediary_id, hop.trust))
    first_trust: dict[int, _Edge] = {}
    for channel in session.execute(
        sa.select(
            Channel.id,
            Channel.actor_id,
            Channel.label,
            Channel.kind,
            Channel.trust,
            Channel.sensitivity,
        )
    ):
        chain = hops.get(channel.id)
        private = channel.sensitivity == Sensitivity.HIGH_RISK
        quoted = _Edge(0, "", channel.label, channel.actor_id, private)

        def edge(score: int, reason: str, quoted: _Edge = quoted) -> _Edge:
            return quoted._replace(score=score, reason=reason)

        if not chain:
            label = (
                LABEL if channel.label else _("'{label}'").format(label=wording.label(channel.kind))
            )
            # Translators: {label} is the channel's label, quoted.
            why = _("your channel {label}, trust {trust}").format(
                label=label, trust=i18n.number(channel.trust)
            )
            _better(first_trust, channel.actor_id, edge(channel.trust, why))
            continue
        label = LABEL if channel.label else _("an indirect channel")
        head, head_trust = chain[0]
        # Translators: the hops of an indirect channel on a path; {label} is the channel's
        # label, quoted, or "an indirect channel".
        first = _("first on {label}, trust {trust}")
        _better(
            first_trust,
            head,
            edge(head_trust, first.format(label=label, trust=i18n.number(head_trust))),
        )
        following = _("next on {label}, trust {trust}")
        for (here, _trust), (there, trust) in itertools.pairwise(chain):
            _keep(
                best,
                here,
                there,
                edge(trust, following.format(label=label, trust=i18n.number(trust))),
            )
        last = _("last on {label}, channel trust {trust}")
        _keep(
            best,
            chain[-1][0],
            channel.actor_id,
            edge(channel.trust, last.format(label=label, trust=i18n.number(channel.trust))),
        )
    scores_into: dict[int, dict[int, int]] = {}
    for (here, there), tie in best.items():
        scores_into.setdefault(there, {})[here] = tie.score
    return _Web(
        key,
        {
            ends: (tie.score, tie.reason, tie.label, tie.owner, tie.private)
            for ends, tie in best.items()
        },
        scores_into,
        {a: (t.score, t.reason, t.label, t.owner, t.private) for a, t in first_trust.items()},
    )


def _keep(best: dict[tuple[int, int], _Edge], here: int, there: int, edge: _Edge) -> None:
    """Keep the strongest of several ties between the same two people."""
    if here == there:
        return
    old = best.get((here, there))
    if old is None or old.score < edge.score:
        best[here, there] = edge


def _better(found: dict[int, _Edge], actor_id: int, edge: _Edge) -> None:
    if actor_id not in found or found[actor_id].score < edge.score:
        found[actor_id] = edge


# The ties, read as the driver gives them (no ORM row per relationship: a large vault has
# tens of thousands).
_TIES: Final = sa.text(
    "SELECT from_actor_id, to_actor_id, kind, strength, confidence, started_on, ended_on "
    "FROM relationships"
)
# The facts warmth is derived from, read as the driver gives them (no ORM row per actor):
# the first hops of a large vault are thousands of actors.
_WARMTH_FACTS: Final = sa.text(
    "SELECT id, cadence_days, max_interval_days, last_substantive_at, last_contact_at, status "
    "FROM actors"
)


def _reach(
    session: sa.orm.Session,
    web: _Web,
    now: datetime,
    key: tuple[object, ...],
    before: _Reach | None = None,
) -> _Reach:
    """Your first hops, each scored by the lower of its trust and your warmth with the
    person; and who is do-not-contact. ``before``, the reach this one replaces: an actor
    whose facts are unchanged since, on the same web and day, keeps their first hop as it
    was (a contact logged re-scores its participants, not the whole vault)."""
    first: dict[int, _Edge] = {}
    warmth: dict[int, Warmth] = {}
    blocked: set[int] = set()
    facts: dict[int, tuple[object, ...]] = {}
    same = before is not None and before.key[0] == key[0] and before.key[-1] == key[-1]
    for row in session.execute(_WARMTH_FACTS):
        actor_id, cadence, most, substantive, contact, status = row
        if status == ActorStatus.DO_NOT_CONTACT.value:
            blocked.add(actor_id)
        kept = web.first_trust.get(actor_id)
        if kept is None:
            continue
        fact = tuple(row)
        facts[actor_id] = fact
        if same and before is not None and before.facts.get(actor_id) == fact:
            first[actor_id] = before.first[actor_id]
            warmth[actor_id] = before.warmth[actor_id]
            continue
        trust = _Edge._make(kept)
        found = reading(cadence, _utc(substantive), _utc(contact), now, most)
        warmth[actor_id] = found.warmth
        score = min(trust.score, WARMTH_SCORE[found.warmth])
        first[actor_id] = trust._replace(
            score=score,
            # Translators: a first hop's reason and your warmth with them: "your channel
            # 'phone', trust 4; warm (12 d ago)".
            reason=_("{reason}; {warmth} ({when})").format(
                reason=trust.reason, warmth=warmth_word(found.warmth), when=found.label
            ),
        )
    return _Reach(key, first, warmth, frozenset(blocked), facts)


def _utc(stored: str | datetime | None) -> datetime | None:
    """A stored UTC time (the driver gives text) as an aware datetime."""
    if stored is None:
        return None
    moment = stored if isinstance(stored, datetime) else datetime.fromisoformat(stored)
    return moment.replace(tzinfo=UTC)


def _with_you(web: _Web, reach: _Reach) -> nx.DiGraph[int]:
    """The web with your first hops added and do-not-contact actors passing nobody on (a
    copy; only for the whole-graph measures, which are then kept)."""
    graph: nx.DiGraph[int] = nx.DiGraph()
    graph.add_node(YOU)
    graph.add_edges_from((a, b) for a, b in web.ties if a not in reach.blocked)
    graph.add_edges_from((YOU, actor_id) for actor_id in reach.first)
    return graph


# -- paths ----------------------------------------------------------------------------------


def paths_to(
    vault: Vault,
    actor_id: int,
    now: datetime,
    *,
    limit: int = 3,
    name: NameRule = display_names,
    withheld: IdentityRule = nobody_withheld,
) -> list[Path]:
    """The best few ways from you to ``actor_id``, best first (see the module's rule).
    ``name`` names the people on them; a reason quotes a channel's label only where
    ``withheld`` does not withhold its actor's identity (and the channel is not high-risk).

    Every simple way of at most :data:`MAX_HOPS` hops is weighed; the search runs backward
    from the actor over the ties that lead to them, so its cost follows the actor's
    neighbourhood, not the size of the vault."""
    if limit < 1:
        raise InvalidRecord(_("Limit"), _("must be at least 1"))
    with _state(vault, now) as (web, reach):
        ways = _ways_back(web.scores_into, reach.first, reach.blocked, actor_id, limit)
        ranked = sorted(ways, key=lambda w: (-w[0], len(w[2]), -w[1]))[:limit]
        steps = [
            [
                (a, b, reach.first[b] if a == YOU else _Edge._make(web.ties[a, b]))
                for a, b in itertools.pairwise((YOU, *nodes))
            ]
            for _score, _length, nodes in ranked
        ]
        warmth = reach.warmth
    people = {b for way in steps for _a, b, _edge in way}
    owners = {edge.owner for way in steps for _a, _b, edge in way if edge.label}
    names, kinds = _people(vault, people | owners, name)  # one query for both

    def hidden(owner: int, private: bool) -> bool:
        sensitivity = kinds.get(owner, Sensitivity.HIGH_RISK)
        return withheld(owner, Sensitivity.HIGH_RISK if private else sensitivity)

    return [
        Path(
            tuple(
                Hop(
                    b,
                    names[b],
                    edge.score,
                    edge.shown(hidden),
                    warmth.get(b) if a == YOU else None,
                )
                for a, b, edge in way
            )
        )
        for way in steps
    ]


_SEARCH_BUDGET: Final = 200_000  # partial ways looked at, at most, for one actor


def _ways_back(
    scores_into: dict[int, dict[int, int]],
    first: dict[int, _Edge],
    blocked: frozenset[int],
    target: int,
    limit: int,
) -> list[tuple[int, int, tuple[int, ...]]]:
    """(weakest score, sum of scores, actors from the first hop to ``target``) for the best
    simple ways of at most MAX_HOPS hops, found by walking the ties backward from
    ``target``, one hop further each round.

    A way found in a later round is longer than every way found before, so it can only
    rank above the ``limit``-th best found so far with a stronger weakest hop: partial ways
    no stronger than that are dropped. A vault dense enough to exceed the search budget
    gets the best ways found within it."""
    found: list[tuple[int, int, tuple[int, ...]]] = []
    # A partial way: (node reached walking back, weakest so far, sum so far, nodes to target)
    frontier: list[tuple[int, int, int, tuple[int, ...]]] = [(target, 6, 0, (target,))]
    budget = _SEARCH_BUDGET
    for _hop in range(MAX_HOPS):
        for node, weakest, total, nodes in frontier:
            edge = first.get(node)
            if edge is not None:
                found.append((min(weakest, edge.score), total + edge.score, nodes))
        found.sort(key=lambda w: (-w[0], len(w[2]), -w[1]))
        bar = found[limit - 1][0] if len(found) >= limit else 0
        following: list[tuple[int, int, int, tuple[int, ...]]] = []
        for node, weakest, total, nodes in frontier:
            if weakest <= bar or len(nodes) == MAX_HOPS:
                continue
            for before, score in scores_into.get(node, {}).items():
                if score <= bar or before in nodes or before in blocked:
                    continue
                budget -= 1
                if budget < 0:
                    return found
                following.append((before, min(weakest, score), total + score, (before, *nodes)))
        if not following:
            break
        frontier = following
    return found


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
    wanted = None if among is None else set(among)
    with _state(vault, now) as (web, reach):
        structure = _structure(web, reach)
        cut = {
            broker: tuple(t for t in reached if wanted is None or t in wanted)
            for broker, reached in structure.dominated.items()
        }
        cut = {broker: reached for broker, reached in cut.items() if reached}
        betweenness = _betweenness(structure.shortest, wanted) if wanted and cut else {}
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


def _structure(web: _Web, reach: _Reach) -> _Structure:
    """The kept structure of ``web`` for who is blocked now (call it holding ``web.lock``,
    as :func:`_state` does)."""
    if web.structure is None or web.structure.blocked != reach.blocked:
        graph = _with_you(web, reach)
        web.structure = _Structure(reach.blocked, _dominated(graph), _shortest_ways(graph))
    return web.structure


def _dominated(graph: nx.DiGraph[int]) -> dict[int, tuple[int, ...]]:
    """For each actor, the actors every one of your paths to whom passes through them."""
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


def _shortest_ways(graph: nx.DiGraph[int]) -> _ShortestWays:
    order: list[int] = [YOU]
    predecessors: dict[int, list[int]] = {YOU: []}
    count = {YOU: 1}
    distance = {YOU: 0}
    for node in order:  # grows as it is read: a breadth-first queue
        for after in graph.successors(node):
            if after not in distance:
                distance[after] = distance[node] + 1
                order.append(after)
                predecessors[after] = []
                count[after] = 0
            if distance[after] == distance[node] + 1:
                count[after] += count[node]
                predecessors[after].append(node)
    return _ShortestWays(tuple(order), predecessors, count)


def _betweenness(ways: _ShortestWays, targets: set[int]) -> dict[int, float]:
    """The share of your shortest ways to ``targets`` that pass through each actor
    (Brandes' accumulation, from the kept search, over the targets alone)."""
    reachable = [t for t in targets if t in ways.count]
    if not reachable:
        return {}
    dependency = dict.fromkeys(ways.order, 0.0)
    for node in reversed(ways.order):
        through = dependency[node] + (1.0 if node in targets else 0.0)
        for before in ways.predecessors[node]:
            dependency[before] += ways.count[before] / ways.count[node] * through
    share = len(reachable)
    return {node: value / share for node, value in dependency.items() if node != YOU and value}


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


def cut_off_by_process(
    vault: Vault, now: datetime, participants: dict[int, set[int]]
) -> dict[int, list[tuple[int, tuple[int, ...]]]]:
    """For each process (id -> its participants), the brokers to them and whom of them each
    alone reaches: one pass over the kept web for every process at once (Today watches all
    open processes), without names or betweenness."""
    with _state(vault, now) as (web, reach):
        dominated = _structure(web, reach).dominated
    found: dict[int, list[tuple[int, tuple[int, ...]]]] = {}
    for process_id, members in participants.items():
        lines = [
            (broker, tuple(t for t in reached if t in members))
            for broker, reached in dominated.items()
        ]
        found[process_id] = sorted(
            ((broker, reached) for broker, reached in lines if reached),
            key=lambda line: (-len(line[1]), line[0]),
        )
    return found


def reached_through(
    vault: Vault, actor_id: int, now: datetime, *, name: NameRule = display_names
) -> list[tuple[int, str]]:
    """Whom an intermediary carries you to: every actor you reach only through them."""
    for broker in brokers(vault, now, name=name):
        if broker.actor_id == actor_id:
            return list(zip(broker.cut_off, broker.cut_off_names, strict=True))
    return []


def _people(
    vault: Vault, ids: set[int], rule: NameRule
) -> tuple[dict[int, str], dict[int, Sensitivity]]:
    """Each actor's name by ``rule``, and their sensitivity."""
    if not ids:
        return {}, {}
    with vault.transaction() as session:
        rows = session.execute(
            sa.select(Actor.id, Actor.display_name, Actor.codename, Actor.sensitivity).where(
                Actor.id.in_(sorted(ids))
            )
        ).all()
    names = {r.id: rule(r.id, r.display_name, r.codename, r.sensitivity) for r in rows}
    return names, {r.id: r.sensitivity for r in rows}


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
    "WITHHELD",
    "YOU",
    "Broker",
    "Hop",
    "Path",
    "WayIn",
    "brokers",
    "cut_off_by_process",
    "paths_to",
    "process_brokers",
    "reached_through",
    "set_way_in",
    "ways_in",
]
