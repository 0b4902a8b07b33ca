"""Importing actors from address books: vCard 2.1/3.0/4.0 and Google/Outlook CSV.

First a plan (``plan_import``): what would be created, which entries look like actors the
vault already holds (fuzzy, on folded names and name variants, so ``Salih``/``Sálih`` and
Arabic letter variants match), and every entry that cannot be imported, with its line
number and the reason. Nothing is written until ``apply_import``, which is all or nothing
unless told to skip the invalid entries.

An entry becomes an actor: its formatted name the display name; other-script names
(vCard ``ALTID``), nicknames and phonetic names its name variants; phone numbers and e-mail
addresses direct channels (labelled with their type, Apple/Google ``X-ABLabel`` labels
included); organization and title an affiliation; categories/labels tags; the note its
notes. Names in any script are kept exactly as written, but for what
:func:`contactkeeper.records.names.clean` removes from every name and label (controls, terminal
escape sequences, bidi overrides, invisible format characters) and surrounding spaces.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlalchemy as sa
import vobject  # type: ignore[import-untyped]
from rapidfuzz import fuzz, process
from sqlalchemy.orm import Session

from contactkeeper import records
from contactkeeper.errors import ContactKeeperError, ImportInvalid, ImportRefused
from contactkeeper.records import bulk, names
from contactkeeper.records.actors import NewActor
from contactkeeper.records.wording import plural
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

MAX_FILE_BYTES = 32 * 1024 * 1024
DUPLICATE_SCORE = 88.0
MAX_NAME = 300
# What an address book needs, checked before a vCard file is parsed: the parser unfolds
# lines in time that grows with their number (quoted-printable soft breaks: with the square
# of it), so a file of a few megabytes could keep it busy for minutes. Google Contacts holds
# at most 25,000 contacts; a card has tens of properties; a property folds over a few
# lines, or a few tens of thousands for a photo (in base64, 75 characters a line).
MAX_VCARD_LINES = 400_000  # properties in the whole file, each counted once unfolded
MAX_CARD_LINES = 2_000  # properties in one card
MAX_PROPERTY_CHARS = 4 * 1024 * 1024  # one property unfolded: a photo of 3 MB
MAX_SOFT_BREAKS = 5_000  # quoted-printable lines of one property (a note of 350 KB)
MAX_QUOTED_PRINTABLE_CHARS = 512 * 1024  # one quoted-printable property unfolded


@dataclass(frozen=True)
class ContactPoint:
    kind: ChannelKind  # PHONE, EMAIL or MESSENGER
    value: str
    label: str = ""

    @property
    def channel_label(self) -> str:
        return f"{self.label}: {self.value}" if self.label else self.value


@dataclass(frozen=True)
class ImportEntry:
    """One actor to create, and the line of the file where its entry starts."""

    line: int
    display_name: str
    name_variants: tuple[tuple[str, str], ...] = ()  # (name, language or kind)
    organization: str = ""
    title: str = ""
    country: str = ""
    languages: str = ""
    notes: str = ""
    tags: tuple[str, ...] = ()
    contact_points: tuple[ContactPoint, ...] = ()
    codename: str = ""  # kept when the vault has no actor by that codename yet


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
            raise ContactKeeperError(f"{path} is too large to be an address book to import.")
        data = path.read_bytes()
    except FileNotFoundError:
        raise ContactKeeperError(f"There is no file {path} to import.") from None
    except OSError as exc:
        raise ContactKeeperError(f"{path} cannot be read ({exc.strerror}).") from None
    text = _decode(data)
    if re.search(r"^\s*BEGIN:VCARD\s*$", text, re.IGNORECASE | re.MULTILINE):
        _bound_vcard(path, text)
        return ("vCard", *_vcard_entries(text))
    if path.suffix.lower() in {".vcf", ".vcard"}:
        return "vCard", [], [ImportInvalid(1, "there is no BEGIN:VCARD in this file")]
    return _csv_entries(text)


# -- vCard ---------------------------------------------------------------------------------


def _bound_vcard(path: Path, text: str) -> None:
    """Refuse a vCard file beyond any real address book, in one pass, before parsing it."""
    properties = card_properties = 0
    length = soft_breaks = 0
    quoted_printable = False
    for line in text.splitlines():
        if quoted_printable:  # a soft line break continues the property
            soft_breaks += 1
            length += len(line)
            if soft_breaks > MAX_SOFT_BREAKS or length > MAX_QUOTED_PRINTABLE_CHARS:
                raise ImportRefused(
                    path,
                    f"a quoted-printable property is folded over more than "
                    f"{MAX_SOFT_BREAKS:,} lines or {MAX_QUOTED_PRINTABLE_CHARS // 1024} KB",
                )
        elif line[:1] in (" ", "\t"):  # a folded line continues the property
            length += len(line)
        else:
            properties += 1
            card_properties += 1
            length, soft_breaks = len(line), 0
            word = line.strip().upper()
            if word == "BEGIN:VCARD":
                card_properties = 1
            if properties > MAX_VCARD_LINES:
                raise ImportRefused(
                    path, f"it holds more than {MAX_VCARD_LINES:,} lines (unfolded)"
                )
            if card_properties > MAX_CARD_LINES:
                raise ImportRefused(
                    path, f"one of its cards has more than {MAX_CARD_LINES:,} lines (unfolded)"
                )
            head = line.partition(":")[0].upper()
            quoted_printable = "QUOTED-PRINTABLE" in head
        if length > MAX_PROPERTY_CHARS:
            raise ImportRefused(
                path,
                f"one of its properties is longer than {MAX_PROPERTY_CHARS // (1024 * 1024)} "
                "MB once unfolded",
            )
        quoted_printable = quoted_printable and line.endswith("=")


def _split_cards(text: str) -> Iterator[tuple[int, str | None, str]]:
    """(line of BEGIN:VCARD, the card's text or None, why not) for every card."""
    lines = text.splitlines()
    start: int | None = None
    depth = 0
    for number, line in enumerate(lines, 1):
        word = line.strip().upper()
        if word == "BEGIN:VCARD":
            if start is None:
                start = number
            depth += 1
        elif word == "END:VCARD" and start is not None:
            depth -= 1
            if depth == 0:
                yield start, "\n".join(lines[start - 1 : number]) + "\n", ""
                start = None
        elif start is None and line.strip():
            yield number, None, "this line is outside any vCard (BEGIN:VCARD ... END:VCARD)"
    if start is not None:
        yield start, None, "this vCard has no END:VCARD (the file may be cut short)"


_LIST_PROPERTIES = ("CATEGORIES", "NICKNAME")


def _escape_v21(card: str) -> str:
    """vCard 2.1 gives commas and backslashes no meaning, but vobject reads every card by
    the 3.0 rules (where a bare comma ends a text value): escape them first."""
    out = []
    quoted_printable = False
    for line in card.split("\n"):
        if quoted_printable or line[:1] in (" ", "\t"):
            head, value = "", line
        else:
            name, sep, value = line.partition(":")
            head = name + sep
            quoted_printable = "QUOTED-PRINTABLE" in name.upper()
        if head.split(";")[0].split(".")[-1].upper() not in _LIST_PROPERTIES:
            value = value.replace("\\", "\\\\").replace(",", "\\,")
        out.append(head + value)
        quoted_printable = quoted_printable and line.rstrip("\r").endswith("=")
    return "\n".join(out)


def _vcard_entries(text: str) -> tuple[list[ImportEntry], list[ImportInvalid]]:
    entries: list[ImportEntry] = []
    invalid: list[ImportInvalid] = []
    seen_outside = False
    for line, card, why in _split_cards(text):
        if card is None:
            if "outside" in why:
                if seen_outside:
                    continue
                seen_outside = True
            invalid.append(ImportInvalid(line, why))
            continue
        if re.search(r"^VERSION:\s*2\.1\s*$", card, re.IGNORECASE | re.MULTILINE):
            card = _escape_v21(card)
        try:
            component = vobject.readOne(card, allowQP=True)
            entry = _from_vcard(line, component)
        except ImportInvalid as exc:
            invalid.append(exc)
        except Exception as exc:  # vobject raises many kinds of error on malformed input
            invalid.append(ImportInvalid(line, f"this vCard cannot be read ({_short(exc)})"))
        else:
            entries.append(entry)
    return entries, invalid


def _short(exc: Exception) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:120]


def _text(value: Any) -> str:
    if isinstance(value, list):
        value = " ".join(str(v) for v in value if v)
    return str(value or "").strip()


def _params(line: Any, name: str) -> list[str]:
    values = line.params.get(name.upper(), [])
    return [str(v) for v in values]


_APPLE_LABEL = re.compile(r"_\$!<(.*)>!\$_")


def _label(line: Any, labels: dict[str, str]) -> str:
    """A phone's or address's label: Apple/Google X-ABLabel of its group, else its TYPE."""
    if line.group and line.group.lower() in labels:
        raw = labels[line.group.lower()]
        match = _APPLE_LABEL.fullmatch(raw)
        return (match.group(1) if match else raw).strip().lower()
    kinds = [t.lower() for t in _params(line, "TYPE") + list(getattr(line, "singletonparams", []))]
    kinds = [
        k
        for k in kinds
        if k not in {"voice", "internet", "pref", "x400", "encoding=quoted-printable"}
    ]
    return ", ".join(dict.fromkeys(kinds))


def _name_from_n(value: Any) -> str:
    parts = [
        getattr(value, "prefix", ""),
        getattr(value, "given", ""),
        getattr(value, "additional", ""),
        getattr(value, "family", ""),
        getattr(value, "suffix", ""),
    ]
    return " ".join(p for p in (_text(x) for x in parts) if p)


def _from_vcard(line: int, card: Any) -> ImportEntry:
    if card.name.upper() != "VCARD":
        raise ImportInvalid(line, "this entry is not a vCard")
    children = list(card.getChildren())
    labels = {
        c.group.lower(): _text(c.value)
        for c in children
        if c.name.upper() == "X-ABLABEL" and c.group
    }
    names: list[tuple[str, str]] = []  # (name, language)
    variants: list[tuple[str, str]] = []
    organization = title = country = notes = codename = ""
    languages: list[str] = []
    tags: list[str] = []
    points: list[ContactPoint] = []
    for child in children:
        key = child.name.upper()
        if key == "FN":
            value = _text(child.value)
            language = ",".join(_params(child, "LANGUAGE"))
            if value:
                names.append((value, language))
        elif key == "N" and not names:
            value = _name_from_n(child.value)
            if value:
                names.append((value, ",".join(_params(child, "LANGUAGE"))))
        elif key == "NICKNAME":
            values = child.value if isinstance(child.value, list) else [child.value]
            variants += [(_text(n), "nickname") for n in values if _text(n)]
        elif key in {"X-PHONETIC-FIRST-NAME", "X-PHONETIC-LAST-NAME"}:
            continue
        elif key == "X-CONTACTKEEPER-CODENAME":
            codename = _text(child.value)
        elif key == "ORG" and not organization:
            units = child.value if isinstance(child.value, list) else [child.value]
            organization = next((_text(u) for u in units if _text(u)), "")
        elif key in {"TITLE", "ROLE"} and not title:
            title = _text(child.value)
        elif key == "ADR" and not country:
            country = _text(getattr(child.value, "country", ""))
        elif key == "LANG":
            languages.append(_text(child.value))
        elif key == "NOTE":
            notes = "\n".join(filter(None, [notes, _text(child.value)]))
        elif key == "CATEGORIES":
            values = child.value if isinstance(child.value, list) else [child.value]
            tags += [t.strip() for v in values for t in str(v).split(",") if t.strip()]
        elif key == "TEL":
            points.append(
                ContactPoint(ChannelKind.PHONE, _text(child.value), _label(child, labels))
            )
        elif key == "EMAIL":
            points.append(
                ContactPoint(ChannelKind.EMAIL, _text(child.value), _label(child, labels))
            )
        elif key in {"IMPP", "X-SKYPE", "X-TELEGRAM", "X-SIGNAL", "X-WHATSAPP"}:
            label = key.removeprefix("X-").lower() if key != "IMPP" else _label(child, labels)
            points.append(ContactPoint(ChannelKind.MESSENGER, _text(child.value), label))
    phonetic = " ".join(
        _text(c.value)
        for c in children
        if c.name.upper() in {"X-PHONETIC-FIRST-NAME", "X-PHONETIC-LAST-NAME"}
    ).strip()
    if phonetic:
        variants.append((phonetic, "phonetic"))
    if not names:
        if organization:
            raise ImportInvalid(line, "this vCard names only an organization, not a person")
        raise ImportInvalid(line, "this vCard has no name (FN or N)")
    display, _ = names[0]
    variants = [(n, lang) for n, lang in names[1:]] + variants
    return _entry(
        line,
        display,
        variants,
        organization=organization,
        title=title,
        country=country,
        languages=", ".join(filter(None, languages)),
        notes=notes,
        tags=tags,
        points=points,
        codename=codename,
    )


def _entry(
    line: int,
    display: str,
    variants: Iterable[tuple[str, str]],
    *,
    organization: str = "",
    title: str = "",
    country: str = "",
    languages: str = "",
    notes: str = "",
    tags: Iterable[str] = (),
    points: Iterable[ContactPoint] = (),
    codename: str = "",
) -> ImportEntry:
    """Clean every name and label as the vault stores them (:func:`names.clean`: no
    controls, escape sequences or bidi overrides), and check the lengths the vault allows,
    so that a plan never fails when applied."""
    display = names.clean(display)
    if not display:
        raise ImportInvalid(line, "this entry's name is made only of invisible characters")
    variants = [(names.clean(name), names.clean(kind)) for name, kind in variants]
    organization, title = names.clean(organization), names.clean(title)
    country, languages = names.clean(country), names.clean(languages)
    tags = [tag for tag in (names.clean(t) for t in tags) if tag]
    points = [ContactPoint(p.kind, names.clean(p.value), names.clean(p.label)) for p in points]
    codename = names.clean(codename)
    checks = [
        ("the name", display, MAX_NAME),
        ("the organization", organization, 300),
        ("the title", title, 200),
        ("the country", country, 100),
        ("the languages", languages, 200),
        ("the note", notes, 100_000),
    ]
    checks += [("a name variant", name, MAX_NAME) for name, _ in variants]
    checks += [("a tag", tag, 100) for tag in tags]
    checks += [("a phone number or address", p.channel_label, 200) for p in points]
    for what, value, limit in checks:
        if len(value) > limit:
            raise ImportInvalid(line, f"{what} is {len(value)} characters long; at most {limit}")
    seen = {display}
    unique_variants = []
    for name, kind in variants:
        if name and name not in seen:
            seen.add(name)
            unique_variants.append((name, kind[:40]))
    return ImportEntry(
        line=line,
        display_name=display,
        name_variants=tuple(unique_variants),
        organization=organization,
        title=title,
        country=country,
        languages=languages,
        notes=notes,
        tags=tuple(dict.fromkeys(tags)),
        contact_points=tuple(p for p in points if p.value),
        codename=codename.strip().upper() if len(codename.strip()) <= 100 else "",
    )


# -- CSV -----------------------------------------------------------------------------------


def _csv_entries(text: str) -> tuple[str, list[ImportEntry], list[ImportInvalid]]:
    rows = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(rows)
    except StopIteration:
        return "CSV", [], [ImportInvalid(1, "the file is empty")]
    except csv.Error as exc:
        return "CSV", [], [ImportInvalid(1, f"this is not a readable CSV file ({exc})")]
    columns = [h.strip().lstrip("\ufeff") for h in header]
    layout = _csv_layout(columns)
    if layout is None:
        return (
            "CSV",
            [],
            [
                ImportInvalid(
                    1,
                    "the header is neither Google Contacts' nor Outlook's (export the "
                    "contacts again as Google CSV or Outlook CSV, or as vCard)",
                )
            ],
        )
    entries: list[ImportEntry] = []
    invalid: list[ImportInvalid] = []
    line = rows.line_num + 1
    while True:
        try:
            row = next(rows)
        except StopIteration:
            break
        except csv.Error as exc:
            invalid.append(ImportInvalid(line, f"this row cannot be read ({exc})"))
            break
        start, line = line, rows.line_num + 1
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(columns):
            invalid.append(
                ImportInvalid(
                    start, f"this row has {len(row)} fields; the header has {len(columns)}"
                )
            )
            continue
        record = dict(zip(columns, (cell.strip() for cell in row), strict=True))
        try:
            entries.append(
                _from_google(start, record)
                if layout == "Google CSV"
                else _from_outlook(start, record)
            )
        except ImportInvalid as exc:
            invalid.append(exc)
    return layout, entries, invalid


def _csv_layout(columns: Sequence[str]) -> str | None:
    names = set(columns)
    if any(re.fullmatch(r"(E-mail|Phone) 1 - (Value|Type|Label)", c) for c in names):
        return "Google CSV"
    if {"First Name", "Last Name"} <= names and (
        {"E-mail Address", "Mobile Phone", "Business Phone", "Company"} & names
    ):
        return "Outlook CSV"
    return None


def _joined(record: dict[str, str], *keys: str) -> str:
    return " ".join(record[k] for k in keys if record.get(k))


def _from_google(line: int, record: dict[str, str]) -> ImportEntry:
    display = record.get("Name") or _joined(
        record,
        "Name Prefix",
        "Given Name",
        "First Name",
        "Additional Name",
        "Middle Name",
        "Family Name",
        "Last Name",
        "Name Suffix",
    )
    organization = record.get("Organization 1 - Name") or record.get("Organization Name", "")
    if not display:
        if organization:
            raise ImportInvalid(line, "this row names only an organization, not a person")
        raise ImportInvalid(line, "this row has no name")
    points: list[ContactPoint] = []
    for key, value in record.items():
        match = re.fullmatch(r"(E-mail|Phone) (\d+) - Value", key)
        if not match or not value:
            continue
        kind = ChannelKind.EMAIL if match.group(1) == "E-mail" else ChannelKind.PHONE
        prefix = f"{match.group(1)} {match.group(2)} - "
        label = record.get(prefix + "Label") or record.get(prefix + "Type", "")
        label = label.lstrip("* ").lower()
        # Google puts several values in one cell, separated by " ::: ".
        points += [ContactPoint(kind, v.strip(), label) for v in value.split(":::") if v.strip()]
    phonetic = _joined(
        record,
        "Phonetic First Name",
        "Given Name Yomi",
        "Phonetic Middle Name",
        "Phonetic Last Name",
        "Family Name Yomi",
    )
    variants = [(n.strip(), "nickname") for n in record.get("Nickname", "").split(":::")]
    if phonetic:
        variants.append((phonetic, "phonetic"))
    groups = record.get("Group Membership") or record.get("Labels", "")
    tags = [
        g.strip().lstrip("* ")
        for g in groups.split(":::")
        if g.strip() and g.strip().lstrip("* ") not in {"myContacts", "starred"}
    ]
    return _entry(
        line,
        display,
        variants,
        organization=organization,
        title=record.get("Organization 1 - Title") or record.get("Organization Title", ""),
        country=record.get("Address 1 - Country", ""),
        notes=record.get("Notes", ""),
        tags=tags,
        points=points,
    )


_OUTLOOK_PHONES = (
    "Mobile Phone",
    "Business Phone",
    "Business Phone 2",
    "Home Phone",
    "Home Phone 2",
    "Other Phone",
    "Primary Phone",
    "Car Phone",
    "Company Main Phone",
)


def _from_outlook(line: int, record: dict[str, str]) -> ImportEntry:
    display = _joined(record, "First Name", "Middle Name", "Last Name", "Suffix")
    if not display:
        if record.get("Company"):
            raise ImportInvalid(line, "this row names only an organization, not a person")
        raise ImportInvalid(line, "this row has no name")
    points = [
        ContactPoint(ChannelKind.PHONE, record[key], key.removesuffix(" Phone").lower())
        for key in _OUTLOOK_PHONES
        if record.get(key)
    ]
    points += [
        ContactPoint(ChannelKind.EMAIL, record[key], "")
        for key in ("E-mail Address", "E-mail 2 Address", "E-mail 3 Address")
        if record.get(key)
    ]
    variants = [(record.get("Nickname", ""), "nickname")]
    phonetic = _joined(record, "Given Yomi", "Surname Yomi")
    if phonetic:
        variants.append((phonetic, "phonetic"))
    return _entry(
        line,
        display,
        variants,
        organization=record.get("Company", ""),
        title=record.get("Job Title", ""),
        country=record.get("Business Country/Region") or record.get("Home Country/Region", ""),
        notes=record.get("Notes", ""),
        tags=[t.strip() for t in record.get("Categories", "").split(";") if t.strip()],
        points=points,
    )


# -- planning and applying -----------------------------------------------------------------


def _names_in_vault(vault: Vault) -> list[tuple[int, str, str]]:
    """(actor id, the name the actor is shown by, comparable form) for every name and
    variant in the vault. A high-risk actor is shown by codename: the plan is printed."""
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
    return [(actor_id, label, _comparable(name)) for actor_id, label, name in rows]


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
    entry: ImportEntry, known: Sequence[tuple[int, str, str]], choices: Sequence[str]
) -> Duplicate | None:
    """``choices`` are the third fields of ``known``, listed once by the caller."""
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
            actor_id, shown, _ = known[found[2]]
            best = Duplicate(entry.line, entry.display_name, actor_id, shown, float(found[1]))
    return best


def plan_import(vault: Vault, path: Path) -> ImportPlan:
    """Read ``path`` and say what importing it would do; nothing is written."""
    layout, entries, invalid = read_entries(path)
    known = _names_in_vault(vault)
    known_choices = [folded for _, _, folded in known]
    duplicates = []
    planned: list[tuple[int, str, str]] = []
    planned_choices: list[str] = []
    for entry in entries:
        duplicate = _likely_duplicate(entry, known, known_choices)
        if duplicate is None:
            # Two entries of the same file can duplicate each other too.
            same = _likely_duplicate(entry, planned, planned_choices)
            if same is not None:
                duplicate = Duplicate(
                    entry.line, entry.display_name, 0, same.actor_name, same.score
                )
        if duplicate is not None:
            duplicates.append(duplicate)
        planned.append(
            (0, f"{entry.display_name} (line {entry.line})", _comparable(entry.display_name))
        )
        planned_choices.append(planned[-1][2])
    return ImportPlan(
        path=str(path),
        layout=layout,
        creates=tuple(entries),
        duplicates=tuple(duplicates),
        invalid=tuple(sorted(invalid, key=lambda e: e.line)),
    )


def describe_plan(plan: ImportPlan) -> list[str]:
    """The plan as lines a person reads before confirming (the CLI's report)."""
    lines = [f"{plan.path} ({plan.layout}): {plural(len(plan.creates), 'actor')} to create"]
    duplicates = {d.line: d for d in plan.duplicates}
    for entry in plan.creates:
        extra = ", ".join(
            filter(
                None,
                [
                    entry.organization,
                    plural(len(entry.contact_points), "channel") if entry.contact_points else "",
                ],
            )
        )
        line = f"  line {entry.line}: {entry.display_name}" + (f" ({extra})" if extra else "")
        if entry.line in duplicates:
            dup = duplicates[entry.line]
            where = "an actor in the vault" if dup.actor_id else "an earlier entry"
            line += f"  -- looks like {where}: {dup.actor_name}"
        lines.append(line)
    if plan.invalid:
        lines.append(f"{plural(len(plan.invalid), 'entry', 'entries')} cannot be imported:")
        lines += [f"  line {e.line}: {e.reason}" for e in plan.invalid]
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
