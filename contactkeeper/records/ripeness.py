"""Ripeness: how ready each party to a conflict is to talk, computed from readiness cues.

Pure functions over plain values, with the day they are computed for passed in: no vault, no
clock. :mod:`contactkeeper.records.readiness` loads the cues and calls these; the process
chart, Today and the command line all show what these return, so they always agree.

The theory
    A conflict is ripe when *each* party perceives a hurting stalemate and a way out
    (Zartman). Readiness is a party's *motivation* to end the conflict and its *optimism*
    about a settlement (Pruitt): both are needed, and a party low on either is not ready.

One cue's weight
    ``strength (1-5) x reliability factor x credibility factor``, positive when the cue
    points toward talks and negative when it points away. The source's reliability A to F
    counts 1.0, 0.8, 0.6, 0.4, 0.2 and, for F ("cannot be judged"), 0.5; the information's
    credibility 1 to 6 counts the same way (6, "cannot be judged", 0.5).

Whose readiness a cue moves
    A cue about a party (a side of the process) moves that party. A cue about an actor on a
    side moves that side, in every process where the actor is on a side. A cue about the
    process as a whole (no party, no actor on a side) moves every party. Its kind says
    which dimension it moves: motivation, optimism, or both.

Fading
    A cue's weight halves every *half-life* days (a setting of the vault, 90 by default):
    on day ``t`` a cue observed on day ``d`` counts ``weight x 0.5 ** ((t - d) / half_life)``,
    and nothing before it is observed.

One source counts once
    Several cues from one source (who reported them, or else the channel) about one thing
    (the same kind, direction, party and actor) within the same fortnight
    (``REPEAT_WINDOW_DAYS``; fixed windows counted from day one of the calendar) count once:
    on each day, the strongest of them as faded on that day. Fixed windows keep the
    arithmetic monotonic: a new cue toward talks can never lower a party's level. Cues whose
    source is not recorded each count on their own.

A party's and a process's readiness
    A party's motivation and optimism on a day are the sums of the faded weights of the
    cues that move them. The party's readiness is the lower of the two; the process is as
    ready as its least ready party. A process without parties is judged as one party.

The moment
    The program never decides that the moment has come: the practitioner sets the
    opportunity flag. It *suggests* ("Ripening") when every party's readiness is at or
    above the threshold the practitioner chose, or when the process's readiness rose by at
    least the chosen sharp move over the last ``window`` days.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from contactkeeper import i18n
from contactkeeper.i18n import _, ngettext, pgettext
from contactkeeper.records.cue_kind_names import cue_kind_name
from contactkeeper.records.wording import signed
from contactkeeper.vault.model import Dimension, Direction

HALF_LIFE_DAYS = 90.0
THRESHOLD = 2.0
SHARP_MOVE = 3.0
WINDOW_DAYS = 30
REPEAT_WINDOW_DAYS = 14

RELIABILITY = {"A": 1.0, "B": 0.8, "C": 0.6, "D": 0.4, "E": 0.2, "F": 0.5}
# The grades' words (Admiralty code), in English; shown translated by
# :func:`reliability_words` and :func:`credibility_words`.
RELIABILITY_WORDS = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}
CREDIBILITY = {1: 1.0, 2: 0.8, 3: 0.6, 4: 0.4, 5: 0.2, 6: 0.5}
CREDIBILITY_WORDS = {
    1: "confirmed by other sources",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "truth cannot be judged",
}


def reliability_words(grade: str) -> str:
    """What a source's grade (A to F) means, in the current language."""
    words = {
        "A": pgettext("grade of a source", "completely reliable"),
        "B": pgettext("grade of a source", "usually reliable"),
        "C": pgettext("grade of a source", "fairly reliable"),
        "D": pgettext("grade of a source", "not usually reliable"),
        "E": pgettext("grade of a source", "unreliable"),
        "F": pgettext("grade of a source", "reliability cannot be judged"),
    }
    return words[grade]


def credibility_words(grade: int) -> str:
    """What an information's grade (1 to 6) means, in the current language."""
    words = {
        1: pgettext("grade of a piece of information", "confirmed by other sources"),
        2: pgettext("grade of a piece of information", "probably true"),
        3: pgettext("grade of a piece of information", "possibly true"),
        4: pgettext("grade of a piece of information", "doubtful"),
        5: pgettext("grade of a piece of information", "improbable"),
        6: pgettext("grade of a piece of information", "truth cannot be judged"),
    }
    return words[grade]


@dataclass(frozen=True)
class Settings:
    """The practitioner's choices (kept in the vault, shown and changed on the process
    page): how fast cues fade, when to suggest that a process is ripening."""

    half_life_days: float = HALF_LIFE_DAYS
    threshold: float = THRESHOLD
    sharp_move: float = SHARP_MOVE
    window_days: int = WINDOW_DAYS


@dataclass(frozen=True)
class Cue:
    """A cue as the arithmetic sees it."""

    id: int
    observed_on: date
    label: str  # the kind's label as stored (see ``name``)
    kind_id: int
    dimension: Dimension
    direction: Direction
    strength: int
    reliability: str
    credibility: int
    party: int | None  # the side it moves; None: every party
    actor_id: int | None = None
    source: str | None = None  # "actor:12", "channel:3"; None: not recorded
    key: str = ""  # the kind's key: a default kind's name is translated

    @property
    def name(self) -> str:
        """The kind's name as shown (translated if a default kind)."""
        return cue_kind_name(self.key, self.label)

    @property
    def weight(self) -> float:
        return weight(self.direction, self.strength, self.reliability, self.credibility)

    def moves(self, dimension: Dimension) -> bool:
        return self.dimension is Dimension.BOTH or self.dimension is dimension


@dataclass(frozen=True)
class Party:
    id: int | None  # None: the process judged as one party (it has no sides)
    name: str


@dataclass(frozen=True)
class Contribution:
    """What one cue adds to a party's dimension on a day, and why."""

    cue: Cue
    faded: float  # its weight after fading; 0 when counted as a repeat
    repeat_of: int | None = None  # the id of the cue it repeats (same source, same thing)

    def explain(self, on: date) -> str:
        age = (on - self.cue.observed_on).days
        values = {
            "day": i18n.short_date(self.cue.observed_on),
            "kind": i18n.isolate(self.cue.name),
            "weight": signed(self.cue.weight),
            "strength": i18n.number(self.cue.strength),
            "grade": f"{self.cue.reliability}{self.cue.credibility}",
        }
        if self.repeat_of is not None:
            # Translators: one cue's part in a party's readiness; {grade} reads "B2".
            return _(
                "{day} {kind}: {weight} (strength {strength}, {grade}), a repeat from the "
                "same source: counted once"
            ).format(**values)
        # Translators: one cue's part in a party's readiness; {grade} reads "B2",
        # {now} is its weight once faded.
        return ngettext(
            "{day} {kind}: {weight} (strength {strength}, {grade}), {n} day old: {now} now",
            "{day} {kind}: {weight} (strength {strength}, {grade}), {n} days old: {now} now",
            age,
        ).format(n=i18n.number(age), now=signed(self.faded), **values)


@dataclass(frozen=True)
class PartyReading:
    party: Party
    motivation: float
    optimism: float
    contributions: tuple[Contribution, ...] = field(default=(), compare=False)

    @property
    def readiness(self) -> float:
        return min(self.motivation, self.optimism)

    @property
    def lacking(self) -> str:
        """The dimension holding the party back ("motivation" or "optimism")."""
        return "motivation" if self.motivation <= self.optimism else "optimism"


@dataclass(frozen=True)
class ProcessReading:
    on: date
    parties: tuple[PartyReading, ...]

    @property
    def readiness(self) -> float:
        return min((p.readiness for p in self.parties), default=0.0)

    @property
    def least_ready(self) -> PartyReading | None:
        return min(self.parties, key=lambda p: p.readiness, default=None)

    def why(self) -> str:
        """A few lines saying where the figure comes from."""
        lines = [
            _("Readiness {level}: as ready as the least ready party.").format(
                level=signed(self.readiness)
            )
        ]
        for reading in self.parties:
            values = {
                "party": i18n.isolate(reading.party.name),
                "motivation": signed(reading.motivation),
                "optimism": signed(reading.optimism),
                "readiness": signed(reading.readiness),
            }
            if reading.lacking == "motivation":
                line = _(
                    "{party}: motivation {motivation}, optimism {optimism}; readiness "
                    "{readiness} (held back by motivation)"
                )
            else:
                line = _(
                    "{party}: motivation {motivation}, optimism {optimism}; readiness "
                    "{readiness} (held back by optimism)"
                )
            lines.append(line.format(**values))
        return "\n".join(lines)


@dataclass(frozen=True)
class Move:
    """How far a process's readiness moved over a window, and the cues behind it."""

    before: float
    after: float
    cues: tuple[Cue, ...]

    @property
    def change(self) -> float:
        return self.after - self.before


@dataclass(frozen=True)
class Suggestion:
    """Why the program suggests that a process is ripening (never a decision)."""

    every_party_ready: bool
    sharp_rise: bool
    reading: ProcessReading
    move: Move

    def why(self, settings: Settings) -> str:
        reasons = []
        if self.every_party_ready:
            reasons.append(
                _("every party's readiness is at or above {threshold} (least: {least})").format(
                    threshold=i18n.number(settings.threshold),
                    least=signed(self.reading.readiness),
                )
            )
        if self.sharp_rise:
            reasons.append(
                ngettext(
                    "readiness rose {change} in {n} day (sharp: {sharp} or more)",
                    "readiness rose {change} in {n} days (sharp: {sharp} or more)",
                    settings.window_days,
                ).format(
                    change=signed(self.move.change),
                    n=i18n.number(settings.window_days),
                    sharp=i18n.number(settings.sharp_move),
                )
            )
        # Translators: the separator between two reasons in one sentence.
        return pgettext("between clauses", "; ").join(reasons)


def weight(direction: Direction, strength: int, reliability: str, credibility: int) -> float:
    sign = 1.0 if direction is Direction.TOWARD else -1.0
    return sign * strength * RELIABILITY[reliability] * CREDIBILITY[credibility]


def fade(value: float, age_days: int, half_life_days: float) -> float:
    return value * math.pow(0.5, age_days / half_life_days)


def _repeat_key(cue: Cue, window: int) -> tuple[object, ...]:
    if cue.source is None:
        return ("own", cue.id)
    return (
        cue.source,
        cue.kind_id,
        cue.direction,
        cue.party,
        cue.actor_id,
        cue.observed_on.toordinal() // window,
    )


def contributions(
    cues: Iterable[Cue], dimension: Dimension, on: date, half_life_days: float
) -> list[Contribution]:
    """Each cue's part in one dimension on ``on`` (cues observed later play no part)."""
    groups: dict[tuple[object, ...], list[Cue]] = defaultdict(list)
    for cue in cues:
        if cue.observed_on <= on and cue.moves(dimension):
            groups[_repeat_key(cue, REPEAT_WINDOW_DAYS)].append(cue)
    out = []
    for group in groups.values():
        faded = [(fade(c.weight, (on - c.observed_on).days, half_life_days), c) for c in group]
        best_value, best = max(faded, key=lambda pair: (abs(pair[0]), -pair[1].id))
        out.append(Contribution(best, best_value))
        out.extend(Contribution(c, 0.0, best.id) for _, c in faded if c is not best)
    return sorted(out, key=lambda c: (c.cue.observed_on, c.cue.id))


def party_reading(
    party: Party, cues: Iterable[Cue], on: date, half_life_days: float
) -> PartyReading:
    """A party's motivation and optimism on ``on`` from the cues that concern it."""
    mine = [c for c in cues if c.party is None or party.id is None or c.party == party.id]
    motivation = contributions(mine, Dimension.MOTIVATION, on, half_life_days)
    optimism = contributions(mine, Dimension.OPTIMISM, on, half_life_days)
    return PartyReading(
        party,
        math.fsum(c.faded for c in motivation),
        math.fsum(c.faded for c in optimism),
        tuple(sorted({*motivation, *optimism}, key=lambda c: (c.cue.observed_on, c.cue.id))),
    )


def process_reading(
    parties: Sequence[Party], cues: Sequence[Cue], on: date, half_life_days: float
) -> ProcessReading:
    judged = list(parties) or [Party(None, _("The process"))]
    return ProcessReading(on, tuple(party_reading(p, cues, on, half_life_days) for p in judged))


def series(
    parties: Sequence[Party],
    cues: Sequence[Cue],
    until: date,
    half_life_days: float,
    *,
    max_points: int = 400,
) -> list[ProcessReading]:
    """Readings from the first cue to ``until``, on evenly spaced days and on every cue's
    day (so the chart draws the fading between cues, and each cue's jump)."""
    if not cues:
        return [process_reading(parties, cues, until, half_life_days)]
    start = min(c.observed_on for c in cues)
    if start > until:
        return [process_reading(parties, cues, until, half_life_days)]
    span = (until - start).days
    step = max(1, math.ceil(span / max_points))
    days = {start + timedelta(days=n) for n in range(0, span + 1, step)}
    days |= {c.observed_on for c in cues if c.observed_on <= until} | {until}
    return [process_reading(parties, cues, day, half_life_days) for day in sorted(days)]


def move(parties: Sequence[Party], cues: Sequence[Cue], on: date, settings: Settings) -> Move:
    """The change of the process's readiness from ``window`` days before ``on`` to ``on``:
    exactly the difference of the chart's two points on those days."""
    before_day = on - timedelta(days=settings.window_days)
    before = process_reading(parties, cues, before_day, settings.half_life_days).readiness
    after = process_reading(parties, cues, on, settings.half_life_days).readiness
    recent = tuple(c for c in cues if before_day < c.observed_on <= on)
    return Move(before, after, recent)


def suggest(
    parties: Sequence[Party], cues: Sequence[Cue], on: date, settings: Settings
) -> Suggestion | None:
    """A suggestion that the process is ripening, or None."""
    reading = process_reading(parties, cues, on, settings.half_life_days)
    moved = move(parties, cues, on, settings)
    ready = bool(reading.parties) and all(
        p.readiness >= settings.threshold for p in reading.parties
    )
    sharp = moved.change >= settings.sharp_move
    if not (ready or sharp):
        return None
    return Suggestion(ready, sharp, reading, moved)


def opportunity_open(flag_on: date | None, until: date | None, on: date) -> bool:
    """Whether a practitioner's opportunity flag stands on ``on`` (set, not yet expired)."""
    return flag_on is not None and flag_on <= on and (until is None or on <= until)
