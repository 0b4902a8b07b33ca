"""One entry of an address book to import, as the vault will hold it.

:class:`ImportEntry` is one actor to create (its names, affiliation, notes, tags and
:class:`ContactPoint` channels) and the line of the file where its entry starts. Both
readers (:mod:`~contactkeeper.exchange.vcard`, :mod:`~contactkeeper.exchange.csv_import`)
make entries through :func:`entry`, which cleans every name and label as the vault stores
them and checks the lengths the vault allows, so that a plan never fails when applied.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from contactkeeper.errors import ImportInvalid
from contactkeeper.i18n import N_, _, number
from contactkeeper.records import names
from contactkeeper.vault.model import ChannelKind

MAX_NAME = 300


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


def entry(
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
        raise ImportInvalid(line, _("this entry's name is made only of invisible characters"))
    variants = [(names.clean(name), names.clean(kind)) for name, kind in variants]
    organization, title = names.clean(organization), names.clean(title)
    country, languages = names.clean(country), names.clean(languages)
    tags = [tag for tag in (names.clean(t) for t in tags) if tag]
    points = [ContactPoint(p.kind, names.clean(p.value), names.clean(p.label)) for p in points]
    codename = names.clean(codename)
    checks = [
        (N_("the name"), display, MAX_NAME),
        (N_("the organization"), organization, 300),
        (N_("the title"), title, 200),
        (N_("the country"), country, 100),
        (N_("the languages"), languages, 200),
        (N_("the note"), notes, 100_000),
    ]
    checks += [(N_("a name variant"), name, MAX_NAME) for name, _kind in variants]
    checks += [(N_("a tag"), tag, 100) for tag in tags]
    checks += [(N_("a phone number or address"), p.channel_label, 200) for p in points]
    for what, value, limit in checks:
        if len(value) > limit:
            # Translators: {what} is "the name", "a tag"...; the limit is in characters.
            too_long = _("{what} is {length} characters long; at most {limit}")
            raise ImportInvalid(
                line,
                too_long.format(what=_(what), length=number(len(value)), limit=number(limit)),
            )
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
