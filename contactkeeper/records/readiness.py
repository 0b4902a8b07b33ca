"""Readiness cues: dated, graded signals that a party to a process is ripening for talks
(or not), and the catalogue of their kinds.

The arithmetic (weights, fading, readiness per party, the moment) is in
:mod:`contactkeeper.records.ripeness`; this module stores cues and feeds them to it, so the
process chart, Today and the command line show one computation.
"""

from __future__ import annotations

import functools
import re
import threading
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, Final, TypeVar, cast

import sqlalchemy as sa
from sqlalchemy.orm import Session, aliased

from contactkeeper import i18n, records
from contactkeeper.errors import CueKindInUse, InvalidRecord
from contactkeeper.i18n import N_, _, ngettext
from contactkeeper.records import ripeness
from contactkeeper.records.attribution import strictest
from contactkeeper.records.cue_kind_names import cue_kind_description, cue_kind_name
from contactkeeper.records.reading import read_connection
from contactkeeper.records.ripeness import (
    Cue,
    Move,
    Party,
    ProcessReading,
    Settings,
    Suggestion,
    credibility_words,
    reliability_words,
)
from contactkeeper.records.wording import signed
from contactkeeper.vault import Vault
from contactkeeper.vault.model import (
    Actor,
    Channel,
    CueKind,
    Dimension,
    Direction,
    Event,
    Participation,
    Process,
    ReadinessCue,
    Sensitivity,
    Setting,
    Side,
)

# The families of the default catalogue, each as a practitioner would recognise it: marked
# here, translated where shown (:func:`family_name`, :func:`family_description`).
FAMILIES: dict[str, tuple[str, str]] = {
    "stalemate": (
        N_("Perceived hurting stalemate"),
        N_(
            "A party sees that it cannot win at a bearable cost and that going on hurts: "
            "fighters drift home, the economy bleeds, leaders say so in private or in public."
        ),
    ),
    "catastrophe": (
        N_("Looming catastrophe or deadline"),
        N_(
            "Something worse is close and dated: a famine, a winter, an election, an "
            "escalation nobody controls. It raises the will to settle before it arrives."
        ),
    ),
    "costs": (
        N_("Costs rising"),
        N_("The price of going on keeps rising: casualties, money, support at home or abroad."),
    ),
    "way-out": (
        N_("Way out perceived"),
        N_(
            "A party sees a negotiated exit as possible and acceptable: a formula, a sequence, "
            "a face-saving step, a request for a discreet channel."
        ),
    ),
    "trust": (
        N_("Working trust"),
        N_(
            "A party believes the other can keep an agreement: small promises kept, softer "
            "words, meetings that happen as agreed."
        ),
    ),
    "spokesperson": (
        N_("A valid spokesperson and cohesion"),
        N_(
            "The other side has someone who can speak for it and bring its people along; new "
            "leaders not bound by old positions."
        ),
    ),
    "third-party": (
        N_("Third-party pressure or inducement"),
        N_("Patrons, neighbours or donors push toward talks, or offer something for them."),
    ),
    "counter": (
        N_("Counter-cues"),
        N_(
            "Signs that a party is moving away: it expects victory, found a new ally, spoilers "
            "are active, leaders commit in public to maximal aims, or the leadership hardens."
        ),
    ),
}

# Translators: the family of the cue kinds the practitioner added without one.
OTHER_FAMILY = (N_("Other"), N_("Kinds you added without a family."))


def family_name(family: str) -> str:
    """The name of a family of the catalogue (by its key) in the current language; "Other"
    for kinds without one."""
    return _(FAMILIES.get(family, OTHER_FAMILY)[0])


def family_description(family: str) -> str:
    return _(FAMILIES.get(family, OTHER_FAMILY)[1])


SETTING_KEYS = {
    "half_life_days": "ripeness.half_life_days",
    "threshold": "ripeness.threshold",
    "sharp_move": "ripeness.sharp_move",
    "window_days": "ripeness.window_days",
}


@dataclass(frozen=True)
class CueKindInfo:
    id: int
    key: str
    label: str
    usual_direction: Direction
    description: str
    dimension: Dimension = Dimension.BOTH
    family: str = ""
    retired: bool = False

    @property
    def name(self) -> str:
        """The kind's name as shown: a default kind's in the current language, a kind the
        practitioner added or renamed as typed (``label`` is what the vault stores)."""
        return cue_kind_name(self.key, self.label)

    @property
    def shown_description(self) -> str:
        """The description as shown (a default kind's translated)."""
        return cue_kind_description(self.key, self.description)

    @property
    def family_label(self) -> str:
        """The name of its family, in the current language."""
        return family_name(self.family)


@dataclass(frozen=True)
class NewCue:
    kind_id: int
    observed_on: date
    direction: Direction | None = None  # None: the kind's usual direction
    process_id: int | None = None
    actor_id: int | None = None
    strength: int = 3
    reliability: str = "F"
    credibility: int = 6
    side_id: int | None = None
    reported_by_id: int | None = None
    channel_id: int | None = None
    note: str = ""
    event_id: int | None = None  # the event where it was seen or heard


@dataclass(frozen=True)
class CueInfo:
    id: int
    uuid: str
    kind_id: int
    kind_label: str
    direction: Direction
    strength: int
    reliability: str
    credibility: int
    observed_on: date
    note: str
    process_id: int | None
    process_name: str
    actor_id: int | None
    actor_name: str
    actor_codename: str
    actor_sensitivity: Sensitivity  # normal when there is no actor
    side_id: int | None = None
    side_name: str = ""
    reported_by_id: int | None = None
    reported_by_name: str = ""
    reported_by_codename: str = ""
    reported_by_sensitivity: Sensitivity = Sensitivity.NORMAL
    channel_id: int | None = None
    dimension: Dimension = Dimension.BOTH
    event_id: int | None = None
    kind_key: str = ""

    @property
    def kind_name(self) -> str:
        """The kind's name as shown (``kind_label`` is what the vault stores)."""
        return cue_kind_name(self.kind_key, self.kind_label)

    @property
    def weight(self) -> float:
        return ripeness.weight(self.direction, self.strength, self.reliability, self.credibility)

    @property
    def grade(self) -> str:
        """The report's grade, as analysts write it: B2."""
        return f"{self.reliability}{self.credibility}"

    @property
    def grade_words(self) -> str:
        return _("source {reliability}, information {credibility}").format(
            reliability=reliability_words(self.reliability),
            credibility=credibility_words(self.credibility),
        )

    def why(self) -> str:
        values = {
            "weight": signed(self.weight),
            "strength": i18n.number(self.strength),
            "reliability": self.reliability,
            "reliability_factor": i18n.number(ripeness.RELIABILITY[self.reliability]),
            "credibility": self.credibility,
            "credibility_factor": i18n.number(ripeness.CREDIBILITY[self.credibility]),
        }
        toward = self.direction is Direction.TOWARD
        # Translators: how a cue's weight is computed. {reliability} is a letter (A to F),
        # {credibility} a figure (1 to 6); the factors are decimals.
        formula = (
            _(
                "Weight {weight} = strength {strength} x reliability {reliability} "
                "({reliability_factor}) x credibility {credibility} ({credibility_factor}), "
                "toward talks"
            )
            if toward
            else _(
                "Weight {weight} = strength {strength} x reliability {reliability} "
                "({reliability_factor}) x credibility {credibility} ({credibility_factor}), "
                "away from talks"
            )
        ).format(**values)
        moves = {
            Dimension.MOTIVATION: _("moves motivation"),
            Dimension.OPTIMISM: _("moves optimism"),
            Dimension.BOTH: _("moves both motivation and optimism"),
        }[self.dimension]
        # Translators: {formula}: how the weight is computed; {moves}: what it moves;
        # {grade}: what the grades mean.
        return _("{formula}; {moves}. {grade}.").format(
            formula=formula, moves=moves, grade=self.grade_words
        )


@dataclass(frozen=True)
class ReadinessMove:
    """How far a process's readiness moved over a recent window, and the cues behind it."""

    process_id: int
    process_name: str
    change: float
    cues: int
    latest_on: date
    why: str = ""


@dataclass(frozen=True)
class ProcessReadiness:
    """Everything the process chart and Today need about one process, computed once."""

    process_id: int
    process_name: str
    parties: tuple[Party, ...]
    cues: tuple[Cue, ...]
    settings: Settings

    def reading(self, on: date) -> ProcessReading:
        return ripeness.process_reading(self.parties, self.cues, on, self.settings.half_life_days)

    def series(self, until: date) -> list[ProcessReading]:
        return ripeness.series(self.parties, self.cues, until, self.settings.half_life_days)

    def move(self, on: date) -> Move:
        return ripeness.move(self.parties, self.cues, on, self.settings)

    def suggest(self, on: date) -> Suggestion | None:
        return ripeness.suggest(self.parties, self.cues, on, self.settings)

    def explain_move(self, on: date) -> str:
        moved = self.move(on)
        window = self.settings.window_days
        lines = [
            ngettext(
                "Readiness went from {before} to {after} in {n} day ({change}): the least "
                "ready party's, with a half-life of {half_life} d.",
                "Readiness went from {before} to {after} in {n} days ({change}): the least "
                "ready party's, with a half-life of {half_life} d.",
                window,
            ).format(
                before=signed(moved.before),
                after=signed(moved.after),
                n=i18n.number(window),
                change=signed(moved.change),
                half_life=i18n.number(self.settings.half_life_days),
            )
        ]
        if moved.cues:
            count = len(moved.cues)
            lines.append(
                ngettext("Because of {n} cue:", "Because of {n} cues:", count).format(
                    n=i18n.number(count)
                )
            )
            lines.extend(
                "  "
                # Translators: one cue behind a move of readiness; {grade} reads "B2".
                + _("{day} {kind} ({grade}): weight {weight}").format(
                    day=i18n.short_date(c.observed_on),
                    kind=i18n.isolate(c.name),
                    grade=f"{c.reliability}{c.credibility}",
                    weight=signed(c.weight),
                )
                for c in moved.cues
            )
        else:
            lines.append(_("No new cue: older cues faded."))
        return "\n".join(lines)


def cue_weight(direction: Direction, strength: int, reliability: str, credibility: int) -> float:
    return ripeness.weight(direction, strength, reliability, credibility)


# -- settings ------------------------------------------------------------------------------


def settings(vault: Vault) -> Settings:
    with vault.transaction() as session:
        return _settings(session)


def _settings(session: Session) -> Settings:
    stored: dict[str, str] = {
        key: value
        for key, value in session.execute(
            sa.select(Setting.key, Setting.value).where(Setting.key.in_(SETTING_KEYS.values()))
        )
    }
    default = Settings()
    try:
        return Settings(
            half_life_days=float(
                stored.get(SETTING_KEYS["half_life_days"], default.half_life_days)
            ),
            threshold=float(stored.get(SETTING_KEYS["threshold"], default.threshold)),
            sharp_move=float(stored.get(SETTING_KEYS["sharp_move"], default.sharp_move)),
            window_days=int(stored.get(SETTING_KEYS["window_days"], default.window_days)),
        )
    except ValueError:
        return default


def set_settings(vault: Vault, chosen: Settings) -> Settings:
    if not 1 <= chosen.half_life_days <= 3650:
        raise InvalidRecord(_("Half-life"), _("must be between 1 and 3650 days"))
    if not 1 <= chosen.window_days <= 365:
        raise InvalidRecord(_("Window"), _("must be between 1 and 365 days"))
    if chosen.sharp_move <= 0 or chosen.threshold <= 0:
        raise InvalidRecord(
            _("Threshold") if chosen.threshold <= 0 else _("Sharp move"), _("must be above zero")
        )
    with vault.transaction() as session:
        for name, key in SETTING_KEYS.items():
            session.merge(Setting(key=key, value=str(getattr(chosen, name))))
    return chosen


# -- the catalogue of cue kinds ----------------------------------------------------------


def cue_kinds(vault: Vault, *, include_retired: bool = True) -> list[CueKindInfo]:
    query = sa.select(CueKind).order_by(CueKind.id)
    if not include_retired:
        query = query.where(CueKind.retired.is_(False))
    with vault.transaction() as session:
        return [_kind_info(k) for k in session.scalars(query)]


def add_cue_kind(
    vault: Vault,
    label: str,
    usual_direction: Direction,
    description: str = "",
    dimension: Dimension = Dimension.BOTH,
    family: str = "",
) -> CueKindInfo:
    with vault.transaction() as session:
        label = _unique_label(session, label)
        stem = re.sub(r"[^\w]+", "-", label.casefold()).strip("-")[:56] or "kind"
        taken = set(session.scalars(sa.select(CueKind.key).where(CueKind.key.like(f"{stem}%"))))
        # A renamed kind keeps its key: a new kind under its old label takes the next one.
        key = next(
            k for n in range(1, 10_000) if (k := stem if n == 1 else f"{stem}-{n}") not in taken
        )
        kind = CueKind(
            key=key,
            label=label,
            usual_direction=Direction(usual_direction),
            description=records.text(_("Description"), description, max_length=2000),
            dimension=Dimension(dimension),
            family=_family(family),
        )
        session.add(kind)
        session.flush()
        return _kind_info(kind)


def update_cue_kind(
    vault: Vault,
    kind_id: int,
    label: str,
    usual_direction: Direction | None = None,
    description: str | None = None,
    dimension: Dimension | None = None,
    family: str | None = None,
) -> CueKindInfo:
    """Change a kind (what is None stays); renaming keeps its cues, which refer to it."""
    with vault.transaction() as session:
        kind = records.fetch(session, CueKind, kind_id, "cue kind")
        kind.label = _unique_label(session, label, kind_id)
        if usual_direction is not None:
            kind.usual_direction = Direction(usual_direction)
        if description is not None:
            kind.description = records.text(_("Description"), description, max_length=2000)
        if dimension is not None:
            kind.dimension = Dimension(dimension)
        if family is not None:
            kind.family = _family(family)
        session.flush()
        return _kind_info(kind)


def retire_cue_kind(vault: Vault, kind_id: int, retired: bool = True) -> CueKindInfo:
    """Offer a kind no more for new cues (or again); its cues keep it."""
    with vault.transaction() as session:
        kind = records.fetch(session, CueKind, kind_id, "cue kind")
        kind.retired = retired
        session.flush()
        return _kind_info(kind)


def delete_cue_kind(vault: Vault, kind_id: int) -> None:
    with vault.transaction() as session:
        kind = records.fetch(session, CueKind, kind_id, "cue kind")
        used = session.scalar(
            sa.select(sa.func.count(ReadinessCue.id)).where(ReadinessCue.kind_id == kind_id)
        )
        if used:
            raise CueKindInUse(cue_kind_name(kind.key, kind.label), used)
        session.delete(kind)


def _unique_label(session: Session, label: str, kind_id: int | None = None) -> str:
    """``label`` cleaned, unless another kind of the catalogue already reads the same."""
    label = records.name(_("Cue kind"), label, max_length=200, required=True)
    for other_id, key, other in session.execute(sa.select(CueKind.id, CueKind.key, CueKind.label)):
        # A default kind reads as stored and, on screen, as translated: both are taken.
        taken = {other.casefold(), cue_kind_name(key, other).casefold()}
        if other_id != kind_id and label.casefold() in taken:
            raise InvalidRecord(
                _("Cue kind"),
                _("{label} is already in the catalogue").format(label=i18n.isolate(label)),
            )
    return label


def _family(family: str) -> str:
    if family and family not in FAMILIES:
        raise InvalidRecord(
            _("Family"),
            _("{family} is not one of the catalogue's families").format(family=repr(family)),
        )
    return family


# -- cues -------------------------------------------------------------------------------


def _grade(reliability: str, credibility: int) -> tuple[str, int]:
    grade = (reliability or "").strip().upper()
    if grade not in ripeness.RELIABILITY:
        raise InvalidRecord(_("Source reliability"), _("must be a grade from A to F"))
    return grade, records.scale(_("Information credibility"), credibility, 1, 6)


def add_cue(session: Session, new: NewCue) -> ReadinessCue:
    """Record a cue inside an open unit of work."""
    if new.process_id is None and new.actor_id is None:
        raise InvalidRecord(_("Readiness cue"), _("must be about a process, an actor, or both"))
    kind = records.fetch(session, CueKind, new.kind_id, "cue kind")
    if new.process_id is not None:
        records.fetch(session, Process, new.process_id, "process")
    if new.actor_id is not None:
        records.fetch(session, Actor, new.actor_id, "actor")
    if new.side_id is not None:
        side = records.fetch(session, Side, new.side_id, "party")
        if side.process_id != new.process_id:
            raise InvalidRecord(_("Readiness cue"), _("its party must be a party to its process"))
    if new.reported_by_id is not None:
        records.fetch(session, Actor, new.reported_by_id, "actor")
    if new.channel_id is not None:
        records.fetch(session, Channel, new.channel_id, "channel")
    # Seen or heard at an event: at least as strictly attributed as what is said there.
    event = None if new.event_id is None else records.fetch(session, Event, new.event_id, "event")
    reliability, credibility = _grade(new.reliability, new.credibility)
    cue = ReadinessCue(
        kind=kind,
        direction=Direction(new.direction or kind.usual_direction),
        strength=records.scale(_("Strength"), new.strength),
        reliability=reliability,
        credibility=credibility,
        observed_on=new.observed_on,
        process_id=new.process_id,
        actor_id=new.actor_id,
        side_id=new.side_id,
        reported_by_id=new.reported_by_id,
        channel_id=new.channel_id,
        note=records.text(_("Note"), new.note, max_length=100_000),
        event_id=new.event_id,
    )
    if event is not None:
        cue.attribution = strictest([event.attribution])
    session.add(cue)
    return cue


def record_cue(vault: Vault, new: NewCue) -> CueInfo:
    with vault.transaction() as session:
        cue = add_cue(session, new)
        session.flush()
        return cue_info(cue)


CUE_FIELDS = (
    "kind_id",
    "direction",
    "strength",
    "reliability",
    "credibility",
    "observed_on",
    "process_id",
    "actor_id",
    "side_id",
    "reported_by_id",
    "channel_id",
    "note",
    "event_id",
)


def update_cue(vault: Vault, cue_id: int, new: NewCue) -> CueInfo:
    """Replace every field of a cue with those of ``new``."""
    with vault.transaction() as session:
        cue = records.fetch(session, ReadinessCue, cue_id, "readiness cue")
        replacement = add_cue(session, new)
        session.expunge(replacement)
        for column in CUE_FIELDS:
            if column != "kind_id":
                setattr(cue, column, getattr(replacement, column))
        # The kind by its object: the replacement was never flushed, so its kind_id is
        # unset (and setting the same kind again would not fill it in).
        cue.kind = replacement.kind
        cue.kind_id = replacement.kind.id
        cue.attribution = strictest([cue.attribution, replacement.attribution])
        session.flush()
        return cue_info(cue)


def as_new(info: CueInfo) -> NewCue:
    """The fields of a cue, to edit them."""
    return NewCue(
        kind_id=info.kind_id,
        observed_on=info.observed_on,
        direction=info.direction,
        process_id=info.process_id,
        actor_id=info.actor_id,
        strength=info.strength,
        reliability=info.reliability,
        credibility=info.credibility,
        side_id=info.side_id,
        reported_by_id=info.reported_by_id,
        channel_id=info.channel_id,
        note=info.note,
        event_id=info.event_id,
    )


def get_cue(vault: Vault, cue_id: int) -> CueInfo:
    with vault.transaction() as session:
        return cue_info(records.fetch(session, ReadinessCue, cue_id, "readiness cue"))


def delete_cue(vault: Vault, cue_id: int) -> None:
    with vault.transaction() as session:
        session.delete(records.fetch(session, ReadinessCue, cue_id, "readiness cue"))


def list_cues(
    vault: Vault,
    *,
    process_id: int | None = None,
    actor_id: int | None = None,
    since: date | None = None,
    limit: int = 200,
) -> list[CueInfo]:
    """Cues, newest first: one statement with the names shown, no ORM object."""
    query = _cue_query(process_id is not None, actor_id is not None, since is not None)
    wanted = {"process_id": process_id, "actor_id": actor_id, "since": since, "limit": limit}
    with read_connection(vault) as conn:
        rows = conn.execute(query, wanted).all()
    return [_cue_of_row(row) for row in rows]


@functools.lru_cache(maxsize=16)
def _cue_query(process_id: bool, actor_id: bool, since: bool) -> sa.Select[*tuple[Any, ...]]:
    """The statement of :func:`list_cues` for the filters given (values bound at each call):
    made once for each combination, so SQLAlchemy and the driver reuse it."""
    query = _CUE_ROWS
    if process_id:
        query = query.where(ReadinessCue.process_id == sa.bindparam("process_id"))
    if actor_id:
        query = query.where(ReadinessCue.actor_id == sa.bindparam("actor_id"))
    if since:
        query = query.where(ReadinessCue.observed_on >= sa.bindparam("since", type_=sa.Date()))
    return query.order_by(ReadinessCue.observed_on.desc(), ReadinessCue.id.desc()).limit(
        sa.bindparam("limit", type_=sa.Integer())
    )


_CUE_ACTOR = aliased(Actor, name="cue_actor")
_CUE_REPORTER = aliased(Actor, name="cue_reporter")
_CUE_ROWS = (
    sa.select(
        ReadinessCue.id,
        ReadinessCue.uuid,
        ReadinessCue.kind_id,
        CueKind.label.label("kind_label"),
        ReadinessCue.direction,
        ReadinessCue.strength,
        ReadinessCue.reliability,
        ReadinessCue.credibility,
        ReadinessCue.observed_on,
        ReadinessCue.note,
        ReadinessCue.process_id,
        Process.name.label("process_name"),
        ReadinessCue.actor_id,
        _CUE_ACTOR.display_name.label("actor_name"),
        _CUE_ACTOR.codename.label("actor_codename"),
        _CUE_ACTOR.sensitivity.label("actor_sensitivity"),
        ReadinessCue.side_id,
        Side.name.label("side_name"),
        ReadinessCue.reported_by_id,
        _CUE_REPORTER.display_name.label("reported_by_name"),
        _CUE_REPORTER.codename.label("reported_by_codename"),
        _CUE_REPORTER.sensitivity.label("reported_by_sensitivity"),
        ReadinessCue.channel_id,
        CueKind.dimension,
        ReadinessCue.event_id,
        CueKind.key.label("kind_key"),
    )
    .select_from(ReadinessCue)
    .join(CueKind, CueKind.id == ReadinessCue.kind_id)
    .outerjoin(Process, Process.id == ReadinessCue.process_id)
    .outerjoin(Side, Side.id == ReadinessCue.side_id)
    .outerjoin(_CUE_ACTOR, _CUE_ACTOR.id == ReadinessCue.actor_id)
    .outerjoin(_CUE_REPORTER, _CUE_REPORTER.id == ReadinessCue.reported_by_id)
)


def _cue_of_row(row: sa.Row[*tuple[Any, ...]]) -> CueInfo:
    """A row of ``_CUE_ROWS`` as :func:`cue_info` makes it of a cue (no process, side or
    actor: empty names, normal sensitivity)."""
    return CueInfo(
        row.id,
        row.uuid,
        row.kind_id,
        row.kind_label,
        row.direction,
        row.strength,
        row.reliability,
        row.credibility,
        row.observed_on,
        row.note,
        row.process_id,
        row.process_name or "",
        row.actor_id,
        row.actor_name or "",
        row.actor_codename or "",
        row.actor_sensitivity or Sensitivity.NORMAL,
        row.side_id,
        row.side_name or "",
        row.reported_by_id,
        row.reported_by_name or "",
        row.reported_by_codename or "",
        row.reported_by_sensitivity or Sensitivity.NORMAL,
        row.channel_id,
        row.dimension,
        row.event_id,
        row.kind_key,
    )


# -- readiness per party -------------------------------------------------------------------


def process_readiness(vault: Vault, process_id: int) -> ProcessReadiness:
    """The parties and cues of one process, ready for the arithmetic."""
    with vault.transaction() as session:
        return _load(session, [process_id])[process_id]


def readiness_of(vault: Vault, process_ids: list[int]) -> dict[int, ProcessReadiness]:
    with vault.transaction() as session:
        return _load(session, process_ids)


def _load(session: Session, process_ids: list[int]) -> dict[int, ProcessReadiness]:
    """Parties and cues of these processes, each cue given the party it moves: its own
    side; else the side of the actor it is about in that process; else every party. Cues
    about an actor alone count in every process where the actor is on a side."""
    chosen = _settings(session)
    names = _process_names(session, process_ids)
    parties = _parties(session, process_ids)
    actor_side, actors_in = _actors_on_sides(session, process_ids)
    cues = _cues(session, process_ids, actor_side, actors_in)
    return {
        pid: ProcessReadiness(
            pid,
            names[pid],
            tuple(parties.get(pid, [])),
            tuple(sorted(cues.get(pid, []), key=lambda c: (c.observed_on, c.id))),
            chosen,
        )
        for pid in process_ids
    }


def _process_names(session: Session, process_ids: list[int]) -> dict[int, str]:
    """The names of these processes; a missing one is reported as the record not found."""
    names: dict[int, str] = {
        pid: name
        for pid, name in session.execute(
            sa.select(Process.id, Process.name).where(Process.id.in_(process_ids))
        )
    }
    missing = set(process_ids) - set(names)
    if missing:
        records.fetch(session, Process, min(missing), "process")
    return names


def _parties(session: Session, process_ids: list[int]) -> dict[int, list[Party]]:
    """The sides of these processes, in their order, by process."""
    parties: dict[int, list[Party]] = defaultdict(list)
    for side_id, process_id, name in session.execute(
        sa.select(Side.id, Side.process_id, Side.name)
        .where(Side.process_id.in_(process_ids))
        .order_by(Side.process_id, Side.position, Side.id)
    ):
        parties[process_id].append(Party(side_id, name))
    return parties


def _actors_on_sides(
    session: Session, process_ids: list[int]
) -> tuple[dict[tuple[int, int], int], dict[int, list[tuple[int, int]]]]:
    """Each (process, actor) on a side of these processes, to its side; and for each such
    actor, the (process, side) pairs they are on."""
    # (process, actor) -> side, for actors on a side of these processes
    actor_side: dict[tuple[int, int], int] = {}
    actors_in: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for process_id, actor_id, on_side in session.execute(
        sa.select(Participation.process_id, Participation.actor_id, Participation.side_id).where(
            Participation.process_id.in_(process_ids), Participation.side_id.is_not(None)
        )
    ):
        assert on_side is not None  # by the query
        actor_side[(process_id, actor_id)] = on_side
        actors_in[actor_id].append((process_id, on_side))
    return actor_side, actors_in


def _cues(
    session: Session,
    process_ids: list[int],
    actor_side: dict[tuple[int, int], int],
    actors_in: dict[int, list[tuple[int, int]]],
) -> dict[int, list[Cue]]:
    """The cues bearing on these processes, by process, each with the party it moves."""
    columns = (
        ReadinessCue.id,
        ReadinessCue.process_id,
        ReadinessCue.actor_id,
        ReadinessCue.side_id,
        ReadinessCue.observed_on,
        ReadinessCue.direction,
        ReadinessCue.strength,
        ReadinessCue.reliability,
        ReadinessCue.credibility,
        ReadinessCue.reported_by_id,
        ReadinessCue.channel_id,
        ReadinessCue.kind_id,
        CueKind.label,
        CueKind.key,
        CueKind.dimension,
    )
    about: sa.ColumnElement[bool] = ReadinessCue.process_id.in_(process_ids)
    if actors_in:
        about = about | (
            ReadinessCue.process_id.is_(None) & ReadinessCue.actor_id.in_(list(actors_in))
        )
    cues: dict[int, list[Cue]] = defaultdict(list)
    for row in session.execute(
        sa.select(*columns).join(CueKind, CueKind.id == ReadinessCue.kind_id).where(about)
    ):
        targets = _cue_targets(row.process_id, row.side_id, row.actor_id, actor_side, actors_in)
        source = (
            f"actor:{row.reported_by_id}"
            if row.reported_by_id is not None
            else f"channel:{row.channel_id}"
            if row.channel_id is not None
            else None
        )
        for process_id, party in targets:
            cues[process_id].append(
                Cue(
                    id=row.id,
                    observed_on=row.observed_on,
                    label=row.label,
                    kind_id=row.kind_id,
                    dimension=row.dimension,
                    direction=row.direction,
                    strength=row.strength,
                    reliability=row.reliability,
                    credibility=row.credibility,
                    party=party,
                    actor_id=row.actor_id,
                    source=source,
                    key=row.key,
                )
            )
    return cues


def _cue_targets(
    process_id: int | None,
    side_id: int | None,
    actor_id: int | None,
    actor_side: dict[tuple[int, int], int],
    actors_in: dict[int, list[tuple[int, int]]],
) -> list[tuple[int, int | None]]:
    """The (process, party) pairs a cue moves; party None means every party."""
    targets: list[tuple[int, int | None]]
    if process_id is not None:
        targets = [
            (
                process_id,
                side_id if side_id is not None else actor_side.get((process_id, actor_id or 0)),
            )
        ]
    else:
        targets = list(actors_in.get(actor_id or 0, []))
    return targets


def timeline(vault: Vault, process_id: int, until: date) -> list[tuple[date, float]]:
    """The process's readiness (its least ready party's) from its first cue to ``until``."""
    return [(r.on, r.readiness) for r in process_readiness(vault, process_id).series(until)]


# What readiness is computed from. Today asks for it on every change it hears of; the
# figures are kept until one of these tables is written or the day changes (the vault counts
# writes per table: contactkeeper/vault/generations.py).
READINESS_TABLES: Final = (
    "readiness_cues",
    "cue_kinds",
    "sides",
    "participations",
    "processes",
    "vault_settings",
)
_KEPT: dict[tuple[str, str], tuple[tuple[object, ...], object]] = {}
_KEPT_LOCK = threading.Lock()
T = TypeVar("T")


def kept(vault: Vault, what: str, day: date, compute: Callable[[], T]) -> T:
    """``compute()``, or what it gave last for this vault, ``what`` and ``day`` while no
    table readiness is computed from was written since."""
    # The language too: the explanations kept are sentences.
    key = (*vault.generations.of(*READINESS_TABLES), day, i18n.language())
    with _KEPT_LOCK:
        found = _KEPT.get((vault.vault_id, what))
    if found is not None and found[0] == key:
        return cast(T, found[1])
    value = compute()
    with _KEPT_LOCK:
        _KEPT[(vault.vault_id, what)] = (key, value)
    return value


def recent_moves(vault: Vault, today: date) -> list[ReadinessMove]:
    """Processes with cues in the window, how far their readiness moved in it (the chart's
    own computation), biggest move first."""
    return kept(vault, "recent moves", today, lambda: _recent_moves(vault, today))


def _recent_moves(vault: Vault, today: date) -> list[ReadinessMove]:
    with vault.transaction() as session:
        chosen = _settings(session)
        since = date.fromordinal(today.toordinal() - chosen.window_days + 1)
        ids = list(
            session.scalars(
                sa.select(ReadinessCue.process_id)
                .where(
                    ReadinessCue.process_id.is_not(None),
                    ReadinessCue.observed_on >= since,
                    ReadinessCue.observed_on <= today,
                )
                .distinct()
            )
        )
        loaded = _load(session, [i for i in ids if i is not None])
    moves = []
    for process in loaded.values():
        moved = process.move(today)
        if not moved.cues:
            continue
        moves.append(
            ReadinessMove(
                process_id=process.process_id,
                process_name=process.process_name,
                change=moved.change,
                cues=len(moved.cues),
                latest_on=max(c.observed_on for c in moved.cues),
                why=process.explain_move(today),
            )
        )
    return sorted(moves, key=lambda m: (-abs(m.change), m.process_name))


def _kind_info(kind: CueKind) -> CueKindInfo:
    return CueKindInfo(
        kind.id,
        kind.key,
        kind.label,
        kind.usual_direction,
        kind.description,
        kind.dimension,
        kind.family,
        kind.retired,
    )


def cue_info(cue: ReadinessCue) -> CueInfo:
    process, actor, reporter = cue.process, cue.actor, cue.reported_by
    return CueInfo(
        id=cue.id,
        uuid=cue.uuid,
        kind_id=cue.kind_id,
        kind_label=cue.kind.label,
        direction=cue.direction,
        strength=cue.strength,
        reliability=cue.reliability,
        credibility=cue.credibility,
        observed_on=cue.observed_on,
        note=cue.note,
        process_id=cue.process_id,
        process_name=process.name if process else "",
        actor_id=cue.actor_id,
        actor_name=actor.display_name if actor else "",
        actor_codename=actor.codename if actor else "",
        actor_sensitivity=actor.sensitivity if actor else Sensitivity.NORMAL,
        side_id=cue.side_id,
        side_name=cue.side.name if cue.side else "",
        reported_by_id=cue.reported_by_id,
        reported_by_name=reporter.display_name if reporter else "",
        reported_by_codename=reporter.codename if reporter else "",
        reported_by_sensitivity=reporter.sensitivity if reporter else Sensitivity.NORMAL,
        channel_id=cue.channel_id,
        dimension=cue.kind.dimension,
        event_id=cue.event_id,
        kind_key=cue.kind.key,
    )
