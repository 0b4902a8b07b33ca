"""Importing actors from address books: vCard 2.1/3.0/4.0 and Google/Outlook CSV.

First a plan (``plan_import``): what would be created, which entries look like actors the
vault already holds (fuzzy, on folded names and name variants, so ``Salih``/``Sálih`` and
Arabic letter variants match, and other spellings of one name in any script, so
``محمد عباس`` and ``Mohamed Abbas`` match Muhammad Abbas:
:func:`contactkeeper.records.spellings.same_person`), and every entry that cannot be
imported, with its line number and the reason. Nothing is written until ``apply_import``,
which is all or nothing unless told to skip the invalid entries.

An entry becomes an actor: its formatted name the display name; other-script names
(vCard ``ALTID``), nicknames and phonetic names its name variants; phone numbers and e-mail
addresses direct channels (labelled with their type, Apple/Google ``X-ABLabel`` labels
included); organization and title an affiliation; categories/labels tags; the note its
notes. Names in any script are kept exactly as written, but for what
:func:`contactkeeper.records.names.clean` removes from every name and label (controls, terminal
escape sequences, bidi overrides, invisible format characters) and surrounding spaces.

The file is read here and handed to its reader, :mod:`~contactkeeper.exchange.vcard` or
:mod:`~contactkeeper.exchange.csv_import`, which make :class:`ImportEntry` values
(:mod:`~contactkeeper.exchange.import_entry`); this module plans and applies the import.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa
from rapidfuzz import fuzz, process
from sqlalchemy.orm import Session

from contactkeeper import records
from contactkeeper.errors import ContactKeeperError, ImportInvalid, embed, shown_path
from contactkeeper.exchange.csv_import import csv_entries
from contactkeeper.exchange.import_entry import ContactPoint, ImportEntry
from contactkeeper.exchange.vcard import bound_vcard, vcard_entries
from contactkeeper.i18n import _, ngettext, number, pgettext
from contactkeeper.records import bulk, names, spellings
from contactkeeper.records.actors import NewActor
from contactkeeper.vault import Vault
from contactkeeper.vault.model import (
    Actor,
    Affiliation,
    Channel,
    NameVariant,
    Organization,
    Sensitivity,
)

MAX_FILE_BYTES = 32 * 1024 * 1024
DUPLICATE_SCORE = 88.0


@dataclass(frozen=True)
class Duplicate:
    """An entry that looks like an actor already in the vault."""

    line: int
    name: str
    actor_id: int
    actor_name: str
    score: float


@dataclass(frozen=True)
class ImportPlan:
    path: str
    layout: str  # "vCard", "Google CSV", "Outlook CSV"
    creates: tuple[ImportEntry, ...]
    duplicates: tuple[Duplicate, ...] = ()
    invalid: tuple[ImportInvalid, ...] = field(default=())


# -- reading files -------------------------------------------------------------------------


def _decode(data: bytes) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_entries(path: Path) -> tuple[str, list[ImportEntry], list[ImportInvalid]]:
    """Parse ``path``: its layout, the valid entries and the invalid ones."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ContactKeeperError(
                _("{path} is too large to be an address book to import.").format(
                    path=shown_path(path)
                )
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise ContactKeeperError(
            _("There is no file {path} to import.").format(path=shown_path(path))
        ) from None
    except OSError as exc:
        raise ContactKeeperError(
            _("{path} cannot be read ({reason}).").format(
                path=shown_path(path), reason=exc.strerror
            )
        ) from None
    text = _decode(data)
    if re.search(r"^\s*BEGIN:VCARD\s*$", text, re.IGNORECASE | re.MULTILINE):
        bound_vcard(path, text)
        return ("vCard", *vcard_entries(text))
    if path.suffix.lower() in {".vcf", ".vcard"}:
        return "vCard", [], [ImportInvalid(1, _("there is no BEGIN:VCARD in this file"))]
    return csv_entries(text)


# -- planning and applying -----------------------------------------------------------------


def _names_in_vault(vault: Vault) -> tuple[list[tuple[int, str, str]], list[str]]:
    """(actor id, the name the actor is shown by, comparable form) for every name and
    variant in the vault, and each name as written (in the same order). A high-risk actor
    is shown by codename: the plan is printed."""
    shown = sa.case(
        (Actor.sensitivity == Sensitivity.HIGH_RISK, Actor.codename), else_=Actor.display_name
    )
    with vault.transaction() as session:
        rows = list(session.execute(sa.select(Actor.id, shown, Actor.display_name)))
        rows += list(
            session.execute(
                sa.select(Actor.id, shown, NameVariant.name).join(
                    NameVariant, NameVariant.actor_id == Actor.id
                )
            )
        )
    known = [(actor_id, label, _comparable(name)) for actor_id, label, name in rows]
    return known, [name for _, _, name in rows]


def _comparable(name: str) -> str:
    """A name as it looks (:func:`names.look_alike_key`: folded, and letters of other
    scripts that look the same mapped to one), its words sorted: ``fuzz.ratio`` of two such
    strings is ``fuzz.token_sort_ratio`` of the names as seen, without re-sorting every
    choice on every call (which made planning an import into a large vault several times
    slower)."""
    return " ".join(sorted(names.look_alike_key(name).split()))


def _comparables(name: str) -> set[str]:
    """The forms of a name to look up among the comparable forms: as written and in
    lower case (see :func:`names.look_alike_keys`)."""
    return {" ".join(sorted(key.split())) for key in names.look_alike_keys(name)}


def _likely_duplicate(
    entry: ImportEntry,
    known: Sequence[tuple[int, str, str]],
    choices: Sequence[str],
    spellings_of: spellings.NameIndex | None = None,
) -> Duplicate | None:
    """``choices`` are the third fields of ``known``, listed once by the caller;
    ``spellings_of`` finds the other spellings of a name among the names of ``known`` (its
    ids are the indexes into ``known``)."""
    if not known:
        return None
    best: Duplicate | None = None
    forms = {
        form
        for name in (entry.display_name, *(v for v, _ in entry.name_variants))
        for form in _comparables(name)
    }
    for candidate in sorted(forms):
        found = process.extractOne(
            candidate, choices, scorer=fuzz.ratio, score_cutoff=DUPLICATE_SCORE
        )
        if found is not None and (best is None or found[1] > best.score):
            actor_id, shown, _folded = known[found[2]]
            best = Duplicate(entry.line, entry.display_name, actor_id, shown, float(found[1]))
    if best is None and spellings_of is not None:
        # Another spelling of the same name, in any script ("محمد عباس", "Mohamed Abbas").
        for name in (entry.display_name, *(v for v, _ in entry.name_variants)):
            for index, _spelling, verdict in spellings_of.matches(name)[:1]:
                if best is None or verdict.score > best.score:
                    actor_id, shown, _folded = known[index]
                    best = Duplicate(entry.line, entry.display_name, actor_id, shown, verdict.score)
    return best


def plan_import(vault: Vault, path: Path) -> ImportPlan:
    """Read ``path`` and say what importing it would do; nothing is written."""
    layout, entries, invalid = read_entries(path)
    known, written = _names_in_vault(vault)
    known_choices = [folded for _id, _shown, folded in known]
    known_spellings = spellings.NameIndex(enumerate(written))
    duplicates = []
    planned: list[tuple[int, str, str]] = []
    planned_choices: list[str] = []
    planned_spellings = spellings.NameIndex(())
    for entry in entries:
        duplicate = _likely_duplicate(entry, known, known_choices, known_spellings)
        if duplicate is None:
            # Two entries of the same file can duplicate each other too.
            same = _likely_duplicate(entry, planned, planned_choices, planned_spellings)
            if same is not None:
                duplicate = Duplicate(
                    entry.line, entry.display_name, 0, same.actor_name, same.score
                )
        if duplicate is not None:
            duplicates.append(duplicate)
        # Translators: an entry of the file being imported, by its name and where it starts.
        earlier = _("{name} (line {line})").format(
            name=embed(entry.display_name), line=number(entry.line)
        )
        planned.append((0, earlier, _comparable(entry.display_name)))
        planned_choices.append(planned[-1][2])
        planned_spellings.add(len(planned) - 1, entry.display_name)
    return ImportPlan(
        path=str(path),
        layout=layout,
        creates=tuple(entries),
        duplicates=tuple(duplicates),
        invalid=tuple(sorted(invalid, key=lambda e: e.line)),
    )


def describe_plan(plan: ImportPlan) -> list[str]:
    """The plan as lines a person reads before confirming (the CLI's report)."""
    creates = len(plan.creates)
    lines = [
        # Translators: {path} is the file, {layout} "vCard" or a kind of CSV.
        ngettext(
            "{path} ({layout}): {n} actor to create",
            "{path} ({layout}): {n} actors to create",
            creates,
        ).format(path=shown_path(plan.path), layout=plan.layout, n=number(creates))
    ]
    duplicates = {d.line: d for d in plan.duplicates}
    separator = pgettext("list separator", ", ")
    for entry in plan.creates:
        points = len(entry.contact_points)
        extra = separator.join(
            filter(
                None,
                [
                    embed(entry.organization),
                    ngettext("{n} channel", "{n} channels", points).format(n=number(points))
                    if points
                    else "",
                ],
            )
        )
        name = embed(entry.display_name)
        if extra:
            line = "  " + _("line {line}: {name} ({details})").format(
                line=number(entry.line), name=name, details=extra
            )
        else:
            line = "  " + _("line {line}: {name}").format(line=number(entry.line), name=name)
        if entry.line in duplicates:
            dup = duplicates[entry.line]
            if dup.actor_id:
                looks = "  -- " + _("looks like an actor in the vault: {name}")
            else:
                looks = "  -- " + _("looks like an earlier entry: {name}")
            line += looks.format(name=embed(dup.actor_name))
        lines.append(line)
    if plan.invalid:
        invalid = len(plan.invalid)
        lines.append(
            ngettext(
                "{n} entry cannot be imported:", "{n} entries cannot be imported:", invalid
            ).format(n=number(invalid))
        )
        lines += [
            "  " + _("line {line}: {reason}").format(line=number(e.line), reason=e.reason)
            for e in plan.invalid
        ]
    return lines


def apply_import(
    vault: Vault,
    plan: ImportPlan,
    *,
    skip_invalid: bool = False,
    skip_duplicates: bool = False,
) -> list[int]:
    """Create the plan's actors in one transaction; returns their ids.

    With invalid entries in the plan nothing is imported (``ImportInvalid`` for the first)
    unless ``skip_invalid``.
    """
    if plan.invalid and not skip_invalid:
        raise plan.invalid[0]
    skipped = {d.line for d in plan.duplicates} if skip_duplicates else set()
    entries = [entry for entry in plan.creates if entry.line not in skipped]
    if not entries:
        return []
    with vault.transaction() as session:
        return _create_all(session, entries)


def _create_all(session: Session, entries: Sequence[ImportEntry]) -> list[int]:
    """The entries' actors, with their variants, channels and affiliations, written through
    the bulk paths (one batch of statements, one re-index of the actors); returns their ids.

    A codename an entry carries is kept when no actor in the vault and no earlier entry has
    it; the others get a new one (``bulk.add_actors`` reserves them in memory)."""
    wanted = sorted({entry.codename for entry in entries if entry.codename})
    taken: set[str] = set()
    for start in range(0, len(wanted), 500):
        taken.update(
            session.scalars(
                sa.select(Actor.codename).where(Actor.codename.in_(wanted[start : start + 500]))
            )
        )
    new: list[NewActor] = []
    for entry in entries:
        codename = entry.codename or None
        if codename in taken:
            codename = None  # taken: the actor gets a new one
        elif codename:
            taken.add(codename)
        actor = NewActor(
            entry.display_name,
            codename=codename,
            country=entry.country,
            languages=entry.languages,
            notes=entry.notes,
            tags=entry.tags,
        )
        try:
            bulk.actor_row(actor)
        except ContactKeeperError as exc:
            raise ImportInvalid(entry.line, str(exc)) from None
        new.append(actor)
    ids = bulk.add_actors(session, new, [entry.name_variants for entry in entries])
    bulk.insert(
        session,
        Channel,
        [
            {
                "actor_id": actor_id,
                "kind": point.kind,
                "label": records.name("Channel", point.channel_label, max_length=200),
            }
            for actor_id, entry in zip(ids, entries, strict=True)
            for point in entry.contact_points
        ],
    )
    names = sorted({entry.organization for entry in entries if entry.organization})
    organizations: dict[str, int] = {}
    for start in range(0, len(names), 500):
        for org_id, name in session.execute(
            sa.select(Organization.id, Organization.name)
            .where(Organization.name.in_(names[start : start + 500]))
            .order_by(Organization.id.desc())
        ):
            organizations[name] = org_id  # the oldest of several by that name
    missing = [name for name in names if name not in organizations]
    organizations.update(
        zip(
            missing,
            bulk.insert(session, Organization, [{"name": name} for name in missing]),
            strict=True,
        )
    )
    bulk.insert(
        session,
        Affiliation,
        [
            {
                "actor_id": actor_id,
                "organization_id": organizations[entry.organization],
                "role": entry.title,
            }
            for actor_id, entry in zip(ids, entries, strict=True)
            if entry.organization
        ],
    )
    return ids


__all__ = [
    "ContactPoint",
    "Duplicate",
    "ImportEntry",
    "ImportPlan",
    "apply_import",
    "describe_plan",
    "plan_import",
    "read_entries",
]
