"""Possible duplicates over the whole vault: actors entered twice under other spellings.

Every pair of actors one of whose names (display name or name variant) is likely another
spelling of one of the other's (:func:`contactkeeper.records.spellings.same_person`), with
the evidence a person weighs before merging them: which spellings matched and how, the
organizations both are or were affiliated with, and the phone numbers and e-mail addresses
both are reached by (the addresses written in their channels' labels).

Comparing every name with every other would take minutes on a large vault. Names are
grouped instead by keys that spellings of one name share (:func:`spellings.block_keys`:
the first consonants of each pair of words, of a lone word, of the name written as one
word), and only names of one group are compared, each distinct pair of spellings once.

A pair sharing an address or an organization comes first, then the closest spellings.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

import sqlalchemy as sa

from contactkeeper import i18n, records
from contactkeeper.i18n import _, pgettext
from contactkeeper.records import spellings
from contactkeeper.vault import Vault
from contactkeeper.vault.model import (
    Actor,
    Affiliation,
    Channel,
    ChannelKind,
    NameVariant,
    Organization,
    Sensitivity,
)

# A group of names larger than this is a name shared by many (a common given name and
# family name): its names are still compared, but only with the names of the group whose
# sound keys are equal, so that a very common name cannot make the work quadratic.
_LARGE_GROUP: Final = 400
_EMAIL: Final = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE: Final = re.compile(r"\+?\d[\d\s().-]{5,}\d")


@dataclass(frozen=True)
class Side:
    """One actor of a pair, as the view shows them (the name follows the rule given)."""

    actor_id: int
    name: str
    sensitivity: Sensitivity


@dataclass(frozen=True)
class Pair:
    """Two actors that may be one person, and why."""

    first: Side
    second: Side
    score: float  # how alike the matched spellings are, 0 to 100
    spellings: str  # which spellings matched and how, in words ("" when withheld)
    organizations: tuple[str, ...]  # organizations both are or were affiliated with
    addresses: tuple[str, ...]  # phone numbers and e-mail addresses both are reached by

    @property
    def evidence(self) -> str:
        parts = [self.spellings] if self.spellings else []
        between = pgettext("between names", ", ")
        if self.organizations:
            # Translators: two actors who may be one person are both at these organizations.
            parts.append(
                _("both at {organizations}").format(
                    organizations=between.join(i18n.isolate(o) for o in self.organizations)
                )
            )
        if self.addresses:
            # Translators: two actors are reached at the same phone numbers or addresses.
            parts.append(
                _("both reached at {addresses}").format(
                    addresses=between.join(i18n.isolate(a) for a in self.addresses)
                )
            )
        return pgettext("between clauses", "; ").join(parts)


Progress = Callable[[int, int], None]


def addresses(label: str) -> dict[str, str]:
    """The e-mail addresses and phone numbers in a channel's label, each under the key
    another label's must equal to be the same (an address in lower case; a number's last
    seven digits, so that "+961 1 234 567" and "01 234 567" agree), with the text as
    written. Only actors whose names already match are compared: seven digits are enough."""
    found = {email.lower(): email for email in _EMAIL.findall(label)}
    rest = _EMAIL.sub(" ", label)
    for phone in _PHONE.findall(rest):
        digits = re.sub(r"\D", "", phone)
        if len(digits) >= 7:
            found.setdefault(digits[-7:], phone.strip())
    return found


def possible_duplicates(
    vault: Vault,
    *,
    withheld: records.IdentityRule = records.nobody_withheld,
    progress: Progress | None = None,
) -> list[Pair]:
    """Every pair of actors that may be one person, best evidence first. The names,
    spellings, organizations and addresses of an actor whose identity is ``withheld`` are
    left out (the actor goes by codename)."""
    with vault.transaction() as session:
        people = {
            actor_id: (display, codename, sensitivity)
            for actor_id, display, codename, sensitivity in session.execute(
                sa.select(Actor.id, Actor.display_name, Actor.codename, Actor.sensitivity)
            )
        }
        names: list[tuple[int, str]] = [(i, p[0]) for i, p in people.items()]
        names += list(session.execute(sa.select(NameVariant.actor_id, NameVariant.name)))
        organizations: dict[int, dict[int, str]] = defaultdict(dict)
        for actor_id, org_id, org_name in session.execute(
            sa.select(Affiliation.actor_id, Organization.id, Organization.name).join(
                Organization, Organization.id == Affiliation.organization_id
            )
        ):
            organizations[actor_id][org_id] = org_name
        reached: dict[int, dict[str, str]] = defaultdict(dict)
        for actor_id, label in session.execute(
            sa.select(Channel.actor_id, Channel.label).where(
                Channel.kind.in_((ChannelKind.PHONE, ChannelKind.EMAIL, ChannelKind.MESSENGER))
            )
        ):
            for key, written in addresses(label).items():
                reached[actor_id].setdefault(key, written)
    found = _matches(names, progress)
    pairs = []
    for (a, b), (name_a, name_b, verdict) in found.items():
        hidden = withheld(a, people[a][2]) or withheld(b, people[b][2])
        shared_orgs = sorted(
            organizations[a][o] for o in organizations[a].keys() & organizations[b].keys()
        )
        shared = sorted(reached[a][key] for key in reached[a].keys() & reached[b].keys())
        pairs.append(
            Pair(
                first=_side(a, people[a], withheld),
                second=_side(b, people[b], withheld),
                score=verdict.score,
                spellings="" if hidden else _spelled(name_a, name_b, verdict),
                organizations=() if hidden else tuple(shared_orgs),
                addresses=() if hidden else tuple(shared),
            )
        )
    pairs.sort(
        key=lambda p: (
            -(len(p.addresses) + len(p.organizations)),
            -p.score,
            p.first.actor_id,
            p.second.actor_id,
        )
    )
    return pairs


def _side(
    actor_id: int, person: tuple[str, str, Sensitivity], withheld: records.IdentityRule
) -> Side:
    display, codename, sensitivity = person
    name = codename if withheld(actor_id, sensitivity) else display
    return Side(actor_id, name, sensitivity)


def _spelled(a: str, b: str, verdict: spellings.Verdict) -> str:
    details = verdict.evidence[1:]
    lead = (
        _("“{a}” and “{b}”").format(a=i18n.isolate(a), b=i18n.isolate(b))
        if a != b
        else _("both named “{name}”").format(name=i18n.isolate(a))
    )
    if not details:
        return lead
    # Translators: two names and how they agree: "“Mohamed” and “محمد” (details)".
    return _("{names} ({details})").format(
        names=lead, details=pgettext("between clauses", "; ").join(details)
    )


def _matches(
    names: list[tuple[int, str]], progress: Progress | None
) -> dict[tuple[int, int], tuple[str, str, spellings.Verdict]]:
    """The best matching spellings of each pair of actors that may be one person."""
    groups: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for index, (actor_id, name) in enumerate(names):
        for key in spellings.block_keys(name):
            groups[key].append((actor_id, name))
        if progress is not None and index % 2000 == 0:
            progress(index, len(names) * 2)
    best: dict[tuple[int, int], tuple[str, str, spellings.Verdict]] = {}
    for done, members in enumerate(groups.values()):
        if progress is not None and done % 2000 == 0:
            progress(len(names) + done * len(names) // max(len(groups), 1), len(names) * 2)
        if len(members) < 2:
            continue
        distinct = sorted(set(members))
        if len(distinct) > _LARGE_GROUP:
            _compare_large(distinct, best)
            continue
        for i, (a, name_a) in enumerate(distinct):
            for b, name_b in distinct[i + 1 :]:
                if a != b:
                    _compare(a, name_a, b, name_b, best)
    return best


def _compare(
    a: int,
    name_a: str,
    b: int,
    name_b: str,
    best: dict[tuple[int, int], tuple[str, str, spellings.Verdict]],
) -> None:
    key = (a, b) if a < b else (b, a)
    verdict = spellings.same_person(name_a, name_b)
    if not verdict.same:
        return
    held = best.get(key)
    if held is None or verdict.score > held[2].score:
        best[key] = (name_a, name_b, verdict) if a < b else (name_b, name_a, verdict)


def _compare_large(
    members: list[tuple[int, str]],
    best: dict[tuple[int, int], tuple[str, str, spellings.Verdict]],
) -> None:
    by_sound: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for member in members:
        sound = " ".join(sorted(w.key for w in spellings.prepared(member[1]).words))
        by_sound[sound].append(member)
    for same in by_sound.values():
        for i, (a, name_a) in enumerate(same):
            for b, name_b in same[i + 1 :]:
                if a != b:
                    _compare(a, name_a, b, name_b, best)
