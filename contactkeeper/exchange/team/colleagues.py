"""Colleagues: the people this vault exchanges bundles with, known by their cards.

A colleague is added from their card (:func:`contactkeeper.exchange.team.identity.
parse_card`) once both people have read the fingerprint aloud and found it the same; the
time of that confirmation is kept. Bundles are sealed only to colleagues, and opened only
from colleagues (:mod:`contactkeeper.exchange.team.envelope`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa

from contactkeeper.errors import (
    ColleagueIsSelf,
    ColleagueKnown,
    ExchangeError,
    RecordNotFound,
)
from contactkeeper.exchange.team.identity import Card, clean_name, own_card
from contactkeeper.i18n import _
from contactkeeper.vault import Vault
from contactkeeper.vault.model import Colleague


@dataclass(frozen=True)
class ColleagueInfo:
    id: int
    name: str
    age_recipient: str
    verify_key: str
    fingerprint: str
    added_at: datetime
    confirmed_at: datetime | None

    @property
    def card(self) -> Card:
        return Card(self.name, self.age_recipient, self.verify_key)


def _info(row: Colleague) -> ColleagueInfo:
    return ColleagueInfo(
        id=row.id,
        name=row.name,
        age_recipient=row.age_recipient,
        verify_key=row.verify_key,
        fingerprint=row.fingerprint,
        added_at=row.added_at,
        confirmed_at=row.confirmed_at,
    )


def add_colleague(
    vault: Vault, card: Card, *, now: datetime, name: str | None = None
) -> ColleagueInfo:
    """Add the owner of ``card`` as a colleague, confirmed at ``now`` (the fingerprint was
    read aloud and matched). ``name`` replaces the card's name when given.

    Refuses this vault's own card and a card already known (by either key).
    """
    chosen = clean_name(name if name is not None else card.name)
    if not chosen:
        raise ExchangeError(
            _("Give the colleague a name: their card carries none. Nothing was added.")
        )
    own = own_card(vault)
    if card.age_recipient == own.age_recipient or card.verify_key == own.verify_key:
        raise ColleagueIsSelf()
    with vault.transaction() as session:
        known = session.scalars(
            sa.select(Colleague).where(
                sa.or_(
                    Colleague.age_recipient == card.age_recipient,
                    Colleague.verify_key == card.verify_key,
                )
            )
        ).first()
        if known is not None:
            raise ColleagueKnown(known.name)
        row = Colleague(
            name=chosen,
            age_recipient=card.age_recipient,
            verify_key=card.verify_key,
            fingerprint=card.fingerprint,
            added_at=now,
            confirmed_at=now,
        )
        session.add(row)
        session.flush()
        return _info(row)


def list_colleagues(vault: Vault) -> list[ColleagueInfo]:
    """Every colleague, by name."""
    with vault.transaction() as session:
        rows = session.scalars(sa.select(Colleague).order_by(Colleague.name, Colleague.id))
        return [_info(row) for row in rows]


def get_colleagues(vault: Vault, ids: Iterable[int]) -> list[ColleagueInfo]:
    """The colleagues ``ids``, in that order; :class:`RecordNotFound` for one not there."""
    wanted = list(dict.fromkeys(ids))
    with vault.transaction() as session:
        rows = {
            row.id: row
            for row in session.scalars(sa.select(Colleague).where(Colleague.id.in_(wanted)))
        }
        missing = [i for i in wanted if i not in rows]
        if missing:
            raise RecordNotFound("colleague", missing[0])
        return [_info(rows[i]) for i in wanted]


def find_by_verify_key(vault: Vault, verify_key: str) -> ColleagueInfo | None:
    with vault.transaction() as session:
        row = session.scalars(
            sa.select(Colleague).where(Colleague.verify_key == verify_key)
        ).first()
        return None if row is None else _info(row)


def rename_colleague(vault: Vault, colleague_id: int, name: str) -> ColleagueInfo:
    chosen = clean_name(name)
    if not chosen:
        raise ExchangeError(_("A colleague needs a name. Nothing was changed."))
    with vault.transaction() as session:
        row = session.get(Colleague, colleague_id)
        if row is None:
            raise RecordNotFound("colleague", colleague_id)
        row.name = chosen
        session.flush()
        return _info(row)


def remove_colleague(vault: Vault, colleague_id: int) -> None:
    """Forget a colleague: no bundle is sealed to them or opened from them any more (the
    bundles received from them stay recorded, so none is received twice)."""
    with vault.transaction() as session:
        row = session.get(Colleague, colleague_id)
        if row is None:
            raise RecordNotFound("colleague", colleague_id)
        session.delete(row)


def find_by_name(vault: Vault, text: str) -> ColleagueInfo:
    """The colleague named ``text`` (exactly, ignoring case), or whose fingerprint starts
    with it; :class:`ExchangeError` when none or several match."""
    wanted = clean_name(text).casefold()
    digits = "".join(text.split())
    matches = [
        c
        for c in list_colleagues(vault)
        if c.name.casefold() == wanted
        or (digits.isdigit() and "".join(c.fingerprint.split()).startswith(digits))
    ]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise ExchangeError(
            _(
                "No colleague is called {name}. See `contactkeeper exchange colleagues` for "
                "their names."
            ).format(name=text)
        )
    raise ExchangeError(
        _("Several colleagues match {name}; give the start of a fingerprint instead.").format(
            name=text
        )
    )


__all__ = [
    "ColleagueInfo",
    "add_colleague",
    "find_by_name",
    "find_by_verify_key",
    "get_colleagues",
    "list_colleagues",
    "remove_colleague",
    "rename_colleague",
]
