"""Reading vCard 2.1, 3.0 and 4.0 address books into entries to import.

The file is first bounded in one pass (:func:`bound_vcard`: lines, properties per card,
property length, quoted-printable soft breaks), so that a hostile file cannot keep the
parser busy for minutes; then each card is parsed by ``vobject`` on its own, and a card
that cannot be read becomes an invalid entry with its line number and the reason. Other-
script names (``ALTID``), nicknames and phonetic names become name variants; phones and
e-mail addresses channels, labelled with their type (Apple/Google ``X-ABLabel`` included).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import vobject  # type: ignore[import-untyped]

from contactkeeper import i18n
from contactkeeper.errors import ImportInvalid, ImportRefused
from contactkeeper.exchange.import_entry import ContactPoint, ImportEntry, entry
from contactkeeper.i18n import _
from contactkeeper.vault.model import ChannelKind

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


def bound_vcard(path: Path, text: str) -> None:
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
                    _(
                        "a quoted-printable property is folded over more than {lines} lines "
                        "or {size} KB"
                    ).format(
                        lines=i18n.number(MAX_SOFT_BREAKS),
                        size=i18n.number(MAX_QUOTED_PRINTABLE_CHARS // 1024),
                    ),
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
                    path,
                    _("it holds more than {lines} lines (unfolded)").format(
                        lines=i18n.number(MAX_VCARD_LINES)
                    ),
                )
            if card_properties > MAX_CARD_LINES:
                raise ImportRefused(
                    path,
                    _("one of its cards has more than {lines} lines (unfolded)").format(
                        lines=i18n.number(MAX_CARD_LINES)
                    ),
                )
            head = line.partition(":")[0].upper()
            quoted_printable = "QUOTED-PRINTABLE" in head
        if length > MAX_PROPERTY_CHARS:
            raise ImportRefused(
                path,
                _("one of its properties is longer than {size} MB once unfolded").format(
                    size=i18n.number(MAX_PROPERTY_CHARS // (1024 * 1024))
                ),
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
            yield number, None, _("this line is outside any vCard (BEGIN:VCARD ... END:VCARD)")
    if start is not None:
        yield start, None, _("this vCard has no END:VCARD (the file may be cut short)")


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


def vcard_entries(text: str) -> tuple[list[ImportEntry], list[ImportInvalid]]:
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
            invalid.append(
                ImportInvalid(
                    line, _("this vCard cannot be read ({reason})").format(reason=_short(exc))
                )
            )
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
        raise ImportInvalid(line, _("this entry is not a vCard"))
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
            raise ImportInvalid(line, _("this vCard names only an organization, not a person"))
        raise ImportInvalid(line, _("this vCard has no name (FN or N)"))
    display, _language = names[0]
    variants = [(n, lang) for n, lang in names[1:]] + variants
    return entry(
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
