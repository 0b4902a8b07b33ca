"""What every record service shares: fetching by id, checking what a person typed, and the
rule that says which name of an actor to show."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import TypeVar

from sqlalchemy.orm import Session

from contactkeeper import i18n
from contactkeeper.errors import InvalidRecord, RecordNotFound
from contactkeeper.i18n import _, ngettext
from contactkeeper.records import names
from contactkeeper.vault.model import Base, Sensitivity

M = TypeVar("M", bound=Base)

# Which name to show for an actor, given (actor_id, display_name, codename, sensitivity).
# Services that compose text naming actors (channel chains, search hits) take one, so that
# the GUI's privacy rule decides; the default shows display names.
NameRule = Callable[[int, str, str, Sensitivity], str]

# Whether an actor's identity is withheld, given (actor_id, sensitivity): the actor then
# goes by codename, and so do the details that identify a person as surely as a name, the
# quasi-identifiers: titles and roles, organizations and affiliations, phone numbers and
# addresses (channel labels), notes, name variants. Services that compose such text take
# one (the actors list's affiliation); the GUI's is AppContext.names_hidden (privacy mode:
# everyone; otherwise high-risk actors not revealed), the command line's high_risk_withheld
# (everyone_withheld with --privacy).
IdentityRule = Callable[[int, Sensitivity], bool]


def display_names(actor_id: int, display_name: str, codename: str, sensitivity: Sensitivity) -> str:
    """The default rule: every actor by their display name."""
    return display_name


def nobody_withheld(actor_id: int, sensitivity: Sensitivity) -> bool:
    """Every actor's name and details may be shown (exports in clear, the default)."""
    return False


def high_risk_withheld(actor_id: int, sensitivity: Sensitivity) -> bool:
    """High-risk actors go by codename, their details withheld: the rule everywhere a
    person has not just re-entered the passphrase for that actor."""
    return sensitivity is Sensitivity.HIGH_RISK


def everyone_withheld(actor_id: int, sensitivity: Sensitivity) -> bool:
    """Every actor by codename, every detail withheld (privacy mode)."""
    return True


def names_by(withheld: IdentityRule) -> NameRule:
    """The name rule that follows ``withheld``: the codename of a withheld actor."""

    def name(actor_id: int, display_name: str, codename: str, sensitivity: Sensitivity) -> str:
        return codename if withheld(actor_id, sensitivity) else display_name

    return name


def detail(withheld: IdentityRule, actor_id: int, sensitivity: Sensitivity, text: str) -> str:
    """``text``, a quasi-identifier of the actor, or "" when their identity is withheld."""
    return "" if withheld(actor_id, sensitivity) else text


def guarded_names(actor_id: int, display_name: str, codename: str, sensitivity: Sensitivity) -> str:
    """The privacy rule without a reveal: a high-risk actor by codename, others by name."""
    return codename if high_risk_withheld(actor_id, sensitivity) else display_name


def fetch(session: Session, model: type[M], record_id: int, kind: str) -> M:
    """The record ``model`` ``record_id``; else RecordNotFound, naming it by ``kind`` (a
    key such as "actor" or "cue kind": the error words it in the current language)."""
    record = session.get(model, record_id)
    if record is None:
        raise RecordNotFound(kind, record_id)
    return record


def text(field: str, value: str, *, max_length: int, required: bool = False) -> str:
    """Strip ``value`` and check its length; a required field must not be blank."""
    if not isinstance(value, str):
        raise InvalidRecord(field, _("must be text"))
    cleaned = value.strip()
    if required and not cleaned:
        raise InvalidRecord(field, _("must not be empty"))
    if len(cleaned) > max_length:
        raise InvalidRecord(
            field,
            ngettext(
                "is {n} character long; at most {most}",
                "is {n} characters long; at most {most}",
                len(cleaned),
            ).format(n=i18n.number(len(cleaned)), most=i18n.number(max_length)),
        )
    return cleaned


def name(field: str, value: str, *, max_length: int, required: bool = False) -> str:
    """A name or a one-line label (display names, codenames, name variants, tags,
    organization and process names, roles, countries, channel labels): cleaned of controls,
    bidi overrides and invisible characters (:func:`contactkeeper.records.names.clean`), then
    checked as :func:`text`."""
    if not isinstance(value, str):
        raise InvalidRecord(field, _("must be text"))
    return text(field, names.clean(value), max_length=max_length, required=required)


def scale(field: str, value: int, low: int = 1, high: int = 5) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise InvalidRecord(
            field,
            _("must be a whole number from {low} to {high}").format(
                low=i18n.number(low), high=i18n.number(high)
            ),
        )
    return value


def positive(field: str, value: int, high: int = 3650) -> int:
    return scale(field, value, 1, high)


def aware(field: str, value: datetime) -> datetime:
    if value.tzinfo is None:
        raise InvalidRecord(field, _("needs a time zone"))
    return value.astimezone(UTC)


def date_span(started: date | None, ended: date | None) -> None:
    if started and ended and ended < started:
        raise InvalidRecord(_("end date"), _("is before the start date"))


def stored(moment: datetime) -> str:
    """``moment`` as the database stores it (naive UTC text), for SQL date arithmetic."""
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ")


# The search index gets its rule for the spellings of names from the records (see
# contactkeeper.records.search): every program that writes records imports this package.
from contactkeeper.records import search as _search  # noqa: E402, F401
