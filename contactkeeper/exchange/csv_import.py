"""Reading Google and Outlook CSV address books into entries to import.

The layout is told by the columns of the header row; each row becomes an entry, or an
invalid entry with its line number and the reason.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence

from contactkeeper.errors import ImportInvalid
from contactkeeper.exchange.import_entry import ContactPoint, ImportEntry, entry
from contactkeeper.i18n import _, ngettext, number
from contactkeeper.vault.model import ChannelKind


def csv_entries(text: str) -> tuple[str, list[ImportEntry], list[ImportInvalid]]:
    rows = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(rows)
    except StopIteration:
        return "CSV", [], [ImportInvalid(1, _("the file is empty"))]
    except csv.Error as exc:
        return (
            "CSV",
            [],
            [ImportInvalid(1, _("this is not a readable CSV file ({reason})").format(reason=exc))],
        )
    columns = [h.strip().lstrip("\ufeff") for h in header]
    layout = _csv_layout(columns)
    if layout is None:
        return (
            "CSV",
            [],
            [
                ImportInvalid(
                    1,
                    _(
                        "the header is neither Google Contacts' nor Outlook's (export the "
                        "contacts again as Google CSV or Outlook CSV, or as vCard)"
                    ),
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
            invalid.append(
                ImportInvalid(line, _("this row cannot be read ({reason})").format(reason=exc))
            )
            break
        start, line = line, rows.line_num + 1
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(columns):
            invalid.append(
                ImportInvalid(
                    start,
                    ngettext(
                        "this row has {n} field; the header has {header}",
                        "this row has {n} fields; the header has {header}",
                        len(row),
                    ).format(n=number(len(row)), header=number(len(columns))),
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
            raise ImportInvalid(line, _("this row names only an organization, not a person"))
        raise ImportInvalid(line, _("this row has no name"))
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
    return entry(
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
            raise ImportInvalid(line, _("this row names only an organization, not a person"))
        raise ImportInvalid(line, _("this row has no name"))
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
    return entry(
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
