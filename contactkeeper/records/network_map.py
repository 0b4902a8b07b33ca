"""The conflict map: actors, organizations and their ties, drawn with the conventions of
conflict mapping (Fisher et al., *Working with Conflict*), and where each node sits.

What is on the map (:func:`map_data`): the practitioner ("you"), linked to everyone they
reach first (a direct channel's actor, an indirect channel's first intermediary); the actors,
each a circle sized by their influence and coloured by your warmth with them; the
organizations their current members belong to; and the relationships between the actors
shown. A :class:`MapFilter` narrows it to a process (and one of its sides), to kinds of
relationship, to a warmth or a sensitivity.

How each relationship is drawn is one table, :data:`CONVENTIONS`: a plain line for a close
link, a double line for an alliance, a dotted line for an informal or intermittent link, an
arrow for the direction of influence, a zig-zag for discord; an ended relationship is a
crossed line (a broken connection), whatever its kind.

Where nodes sit (:func:`layout`) is a force-directed layout (Fruchterman and Reingold's,
seeded: the same web gives the same map) that keeps the nodes the user placed by hand
where they were put; it is pure computation, meant to run off the UI thread. Positions the
user chose are kept in the vault per view (:func:`save_positions`, :func:`kept_positions`),
as JSON in the vault's settings, at most :data:`MAX_KEPT` nodes per view.
"""

from __future__ import annotations

import enum
import json
import math
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Final

import sqlalchemy as sa

from contactkeeper import i18n
from contactkeeper.errors import InvalidRecord
from contactkeeper.i18n import _, pgettext
from contactkeeper.records import wording
from contactkeeper.records.warmth import Warmth, of_actor
from contactkeeper.vault import Vault
from contactkeeper.vault.model import (
    Actor,
    Affiliation,
    Channel,
    ChannelHop,
    Organization,
    Participation,
    Relationship,
    RelationshipKind,
    Sensitivity,
    Setting,
)

YOU: Final = "you"
POSITIONS_SETTING: Final = "map.positions."  # + the view's key
MAX_KEPT: Final = 5000  # nodes whose position one view keeps
MAX_VIEW_KEY: Final = 60


class LineStyle(enum.StrEnum):
    """How a link is drawn on a conflict map, and what it says."""

    PLAIN = "close link"
    DOUBLE = "alliance"
    DOTTED = "informal or intermittent link"
    ARROW = "direction of influence"
    ZIGZAG = "discord"
    CROSSED = "broken connection"


# Every kind of relationship, and how the map draws it (an ended one is always CROSSED).
CONVENTIONS: Final[Mapping[RelationshipKind, LineStyle]] = {
    RelationshipKind.KNOWS: LineStyle.DOTTED,
    RelationshipKind.CAN_INTRODUCE: LineStyle.DOTTED,
    RelationshipKind.TRUSTS: LineStyle.PLAIN,
    RelationshipKind.FAMILY: LineStyle.PLAIN,
    RelationshipKind.ALLIED: LineStyle.DOUBLE,
    RelationshipKind.REPORTS_TO: LineStyle.ARROW,
    RelationshipKind.RIVAL: LineStyle.ZIGZAG,
}


def actor_key(actor_id: int) -> str:
    return f"a{actor_id}"


def organization_key(organization_id: int) -> str:
    return f"o{organization_id}"


# Rows read a batch at a time: the map is read off the UI thread, and one long read would
# hold the interpreter's lock for tens of milliseconds, long enough to stall the window.
STREAM: Final = 1_000


# Slotted: a map of the whole web holds tens of thousands of nodes and lines, each one
# object for the garbage collector to scan instead of two (the object and its ``__dict__``).
@dataclass(frozen=True, slots=True)
class MapNode:
    key: str  # "you", "a<id>" or "o<id>"
    kind: str  # "you", "actor" or "organization"
    record_id: int  # 0 for you
    display_name: str
    codename: str = ""  # actors only
    sensitivity: Sensitivity = Sensitivity.NORMAL
    influence: int | None = None  # 1..5, None when not judged
    warmth: Warmth | None = None  # your warmth with an actor


@dataclass(frozen=True, slots=True)
class MapEdge:
    source: str
    target: str  # for an arrow: the one influenced
    style: LineStyle
    label: str  # what the link is: "reports to", "member", "your channel"
    kind: RelationshipKind | None = None
    strength: int = 3
    ended: bool = False


@dataclass(frozen=True)
class MapFilter:
    process_id: int | None = None
    side_id: int | None = None  # within the process
    kinds: frozenset[RelationshipKind] | None = None  # None: every kind
    warmth: Warmth | None = None
    sensitivity: Sensitivity | None = None
    organizations: bool = True

    def view_key(self) -> str:
        """Which kept positions this map uses: one set per process, one for the whole web."""
        return f"process-{self.process_id}" if self.process_id is not None else "all"


@dataclass(frozen=True)
class MapData:
    nodes: tuple[MapNode, ...]
    edges: tuple[MapEdge, ...]
    kept: Mapping[str, tuple[float, float]] = field(default_factory=dict)


def map_data(vault: Vault, now: datetime, flt: MapFilter | None = None) -> MapData:
    """What the map shows under ``flt``, with the positions kept for its view."""
    flt = flt or MapFilter()
    today = now.date()
    with vault.transaction() as session:
        wanted: set[int] | None = None
        if flt.process_id is not None:
            query = sa.select(Participation.actor_id).where(
                Participation.process_id == flt.process_id
            )
            if flt.side_id is not None:
                query = query.where(Participation.side_id == flt.side_id)
            wanted = set(session.scalars(query))
        # Streamed, not fetched whole: a row is dropped once its node is made.
        actor_rows = session.execute(
            sa.select(
                Actor.id,
                Actor.display_name,
                Actor.codename,
                Actor.sensitivity,
                Actor.influence,
                Actor.cadence_days,
                Actor.max_interval_days,
                Actor.last_substantive_at,
                Actor.last_contact_at,
            ).execution_options(yield_per=STREAM)
        )
        nodes: dict[str, MapNode] = {}
        for row in actor_rows:
            if wanted is not None and row.id not in wanted:
                continue
            if flt.sensitivity is not None and row.sensitivity != flt.sensitivity:
                continue
            warmth = of_actor(row, now)
            if flt.warmth is not None and warmth.warmth is not flt.warmth:
                continue
            key = actor_key(row.id)
            nodes[key] = MapNode(
                key,
                "actor",
                row.id,
                row.display_name,
                row.codename,
                row.sensitivity,
                row.influence,
                warmth.warmth,
            )
        edges: list[MapEdge] = []
        for rel in session.execute(
            sa.select(
                Relationship.from_actor_id,
                Relationship.to_actor_id,
                Relationship.kind,
                Relationship.strength,
                Relationship.ended_on,
            ).execution_options(yield_per=STREAM)
        ):
            a, b = actor_key(rel.from_actor_id), actor_key(rel.to_actor_id)
            if a not in nodes or b not in nodes:
                continue
            if flt.kinds is not None and rel.kind not in flt.kinds:
                continue
            ended = rel.ended_on is not None and rel.ended_on <= today
            style = LineStyle.CROSSED if ended else CONVENTIONS[rel.kind]
            if style is LineStyle.ARROW:  # "X reports to Y": influence runs from Y to X
                a, b = b, a
            kind_word = wording.label(rel.kind)
            # Translators: a relationship that has ended, on the map: "knows (ended)".
            label = _("{kind} (ended)").format(kind=kind_word) if ended else kind_word
            edges.append(MapEdge(a, b, style, label, rel.kind, rel.strength, ended))
        if nodes:
            you = MapNode(YOU, "you", 0, pgettext("path", "you"))
            first = _first_hops(session)
            reached = [actor_key(i) for i in sorted(first) if actor_key(i) in nodes]
            if reached:
                nodes = {YOU: you, **nodes}
                yours = _("your channel")
                edges.extend(MapEdge(YOU, key, LineStyle.PLAIN, yours) for key in reached)
        if flt.organizations and nodes:
            _add_organizations(session, nodes, edges, today)
        kept = _kept(session, flt.view_key())
    return MapData(tuple(nodes.values()), tuple(edges), kept)


def _first_hops(session: sa.orm.Session) -> set[int]:
    """Everyone you reach first: a direct channel's actor, an indirect channel's first
    intermediary."""
    heads = {
        hop.channel_id: hop.intermediary_id
        for hop in session.execute(
            sa.select(ChannelHop.channel_id, ChannelHop.intermediary_id).where(
                ChannelHop.position == 0
            )
        )
    }
    found = set()
    for channel_id, actor_id in session.execute(sa.select(Channel.id, Channel.actor_id)):
        found.add(heads.get(channel_id, actor_id))
    return found


def _add_organizations(
    session: sa.orm.Session, nodes: dict[str, MapNode], edges: list[MapEdge], today: date
) -> None:
    """The organizations of the actors shown, with a link per affiliation (crossed once
    it ended)."""
    actor_ids = [n.record_id for n in nodes.values() if n.kind == "actor"]
    rows = session.execute(
        sa.select(
            Affiliation.actor_id,
            Affiliation.organization_id,
            Affiliation.role,
            Affiliation.ended_on,
            Organization.name,
        )
        .join(Organization, Organization.id == Affiliation.organization_id)
        .where(Affiliation.actor_id.in_(actor_ids))
    ).all()
    for row in rows:
        key = organization_key(row.organization_id)
        if key not in nodes:
            nodes[key] = MapNode(key, "organization", row.organization_id, row.name)
        ended = row.ended_on is not None and row.ended_on <= today
        edges.append(
            MapEdge(
                actor_key(row.actor_id),
                key,
                LineStyle.CROSSED if ended else LineStyle.PLAIN,
                # Translators: an actor's affiliation with an organization, on the map.
                _("member (ended)") if ended else _("member"),
                ended=ended,
                strength=2,
            )
        )


# -- layout ---------------------------------------------------------------------------------


def layout(
    data: MapData, *, seed: int = 7, iterations: int | None = None
) -> dict[str, tuple[float, float]]:
    """Where every node of ``data`` sits, in scene units (:data:`SPACING` between close
    nodes): nodes the user placed stay where they are, the others find their place around
    them (Fruchterman and Reingold's forces, as networkx's spring layout uses them, with
    the repulsion computed between neighbours on a grid so that 2,000 nodes take about a
    second in plain Python, without numpy)."""
    keys = [n.key for n in data.nodes]
    index = {key: i for i, key in enumerate(keys)}
    count = len(keys)
    if count == 0:
        return {}
    kept = {index[k]: v for k, v in data.kept.items() if k in index}
    if len(kept) == count:
        return {keys[i]: v for i, v in kept.items()}
    links: list[tuple[int, int, float]] = []
    for edge in data.edges:
        a, b = index.get(edge.source), index.get(edge.target)
        if a is None or b is None or a == b:
            continue
        weak = edge.style in (LineStyle.ZIGZAG, LineStyle.CROSSED)
        links.append((a, b, 0.3 if weak else 1.0))
    if iterations is None:
        iterations = 60 if count <= 500 else 30 if count <= 1_500 else 20
    xs, ys = _start(count, kept, links, seed)
    _relax(xs, ys, links, set(kept), iterations)
    return {key: (round(xs[i], 1), round(ys[i], 1)) for i, key in enumerate(keys)}


SPACING: Final = 90.0  # the ideal distance between two linked nodes, in scene units


def _start(
    count: int, kept: dict[int, tuple[float, float]], links: list[tuple[int, int, float]], seed: int
) -> tuple[list[float], list[float]]:
    """Placed nodes where they were put, the others at random in a square sized for the
    whole web, or beside a placed neighbour."""
    rng = random.Random(seed)
    side = 1.4 * SPACING * math.sqrt(count)
    xs = [rng.uniform(-side / 2, side / 2) for _ in range(count)]
    ys = [rng.uniform(-side / 2, side / 2) for _ in range(count)]
    for i, (x, y) in kept.items():
        xs[i], ys[i] = x, y
    for a, b, _weight in links:
        for placed, other in ((a, b), (b, a)):
            if placed in kept and other not in kept:
                xs[other] = xs[placed] + rng.uniform(-SPACING, SPACING)
                ys[other] = ys[placed] + rng.uniform(-SPACING, SPACING)
    return xs, ys


def _relax(
    xs: list[float],
    ys: list[float],
    links: list[tuple[int, int, float]],
    fixed: set[int],
    iterations: int,
) -> None:
    count = len(xs)
    k = SPACING
    k2 = k * k
    cell = 1.5 * k
    reach2 = cell * cell
    temperature = k * math.sqrt(count) / 8
    cool = temperature / (iterations + 1)
    moving = [i for i in range(count) if i not in fixed]
    for _round in range(iterations):
        dx = [0.0] * count
        dy = [0.0] * count
        grid: dict[tuple[int, int], list[int]] = {}
        for i in range(count):
            grid.setdefault((int(xs[i] // cell), int(ys[i] // cell)), []).append(i)
        for (cx, cy), members in grid.items():
            near = [
                j
                for ox in (-1, 0, 1)
                for oy in (-1, 0, 1)
                for j in grid.get((cx + ox, cy + oy), ())
            ]
            for i in members:
                xi, yi = xs[i], ys[i]
                fx = fy = 0.0
                for j in near:
                    if j == i:
                        continue
                    ex, ey = xi - xs[j], yi - ys[j]
                    d2 = ex * ex + ey * ey
                    if d2 >= reach2:
                        continue
                    if d2 < 0.01:
                        ex, ey, d2 = 0.1 * ((i % 7) - 3), 0.1 * ((j % 5) - 2), 0.1
                    push = k2 / d2  # k²/d along the unit vector (ex/d)
                    fx += ex * push
                    fy += ey * push
                dx[i] += fx
                dy[i] += fy
        for a, b, weight in links:
            ex, ey = xs[a] - xs[b], ys[a] - ys[b]
            d = math.sqrt(ex * ex + ey * ey) or 0.01
            pull = weight * d / k  # d²/k along the unit vector
            dx[a] -= ex * pull
            dy[a] -= ey * pull
            dx[b] += ex * pull
            dy[b] += ey * pull
        for i in moving:
            length = math.sqrt(dx[i] * dx[i] + dy[i] * dy[i])
            if length > 0:
                step = min(length, temperature) / length
                xs[i] += dx[i] * step
                ys[i] += dy[i] * step
        temperature -= cool


# -- kept positions ---------------------------------------------------------------------------


def _setting_key(view: str) -> str:
    if not view or len(view) > MAX_VIEW_KEY:
        raise InvalidRecord(
            _("Map view"),
            _("must be 1 to {n} characters").format(n=i18n.number(MAX_VIEW_KEY)),
        )
    return POSITIONS_SETTING + view


def _kept(session: sa.orm.Session, view: str) -> dict[str, tuple[float, float]]:
    stored = session.get(Setting, _setting_key(view))
    if stored is None:
        return {}
    try:
        raw = json.loads(stored.value)
    except ValueError:
        return {}
    if not isinstance(raw, dict):
        return {}
    kept: dict[str, tuple[float, float]] = {}
    for key, value in list(raw.items())[:MAX_KEPT]:
        if (
            isinstance(key, str)
            and isinstance(value, list)
            and len(value) == 2
            and all(isinstance(v, int | float) and math.isfinite(v) for v in value)
        ):
            kept[key] = (float(value[0]), float(value[1]))
    return kept


def kept_positions(vault: Vault, view: str) -> dict[str, tuple[float, float]]:
    """The positions the user gave nodes of this view."""
    with vault.transaction() as session:
        return _kept(session, view)


def save_positions(
    vault: Vault, view: str, moved: Mapping[str, tuple[float, float]]
) -> dict[str, tuple[float, float]]:
    """Keep where the user put these nodes (on top of what the view kept already); at most
    :data:`MAX_KEPT` nodes, the latest moved kept first."""
    key = _setting_key(view)
    for node, (x, y) in moved.items():
        if not math.isfinite(x) or not math.isfinite(y):
            raise InvalidRecord(
                _("Map position"), _("of {node} is not a number").format(node=repr(node))
            )
    with vault.transaction() as session:
        kept = _kept(session, view)
        for node in moved:
            kept.pop(node, None)
        merged = {**{n: (round(x, 1), round(y, 1)) for n, (x, y) in moved.items()}, **kept}
        merged = dict(list(merged.items())[:MAX_KEPT])
        value = json.dumps({n: [x, y] for n, (x, y) in merged.items()})
        session.merge(Setting(key=key, value=value))
    return merged


def forget_positions(vault: Vault, view: str) -> None:
    """Let the layout place every node of this view again."""
    with vault.transaction() as session:
        stored = session.get(Setting, _setting_key(view))
        if stored is not None:
            session.delete(stored)


__all__: Sequence[str] = [
    "CONVENTIONS",
    "YOU",
    "LineStyle",
    "MapData",
    "MapEdge",
    "MapFilter",
    "MapNode",
    "actor_key",
    "forget_positions",
    "kept_positions",
    "layout",
    "map_data",
    "organization_key",
    "save_positions",
]
