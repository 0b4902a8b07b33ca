"""The translation catalogues: extracted from the source, updated, compiled and checked.

``make translations`` (``python -m contactkeeper.catalogues``) does it all, with Babel:

1. extract every marked string (``_``, ``N_``, ``ngettext``, ``pgettext``, ``npgettext``)
   from ``contactkeeper/`` and every ``<string>`` of the Designer forms in ``ui/`` into the
   template ``contactkeeper/locale/contactkeeper.pot``, with the comments that start with
   ``Translators:`` and where each string is used; and the messages of Python's own
   ``argparse``, which the command line routes through the same catalogue;
2. update each language's ``contactkeeper.po`` from the template (new messages are added
   empty, vanished ones dropped, the rest kept); English is filled from the source;
3. compile each ``.po`` to the ``.mo`` the program loads (both are in the repository, so a
   checkout runs without a build step; tests/unit/test_catalogues.py checks they match).

``python -m contactkeeper.catalogues --check`` changes nothing and lists what is missing:
a message of the source not in a catalogue, a message without its translation (or without
one of its plural forms), a compiled file older than its source.
"""

from __future__ import annotations

import argparse
import copy
import io
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, cast

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import DEFAULT_KEYWORDS, extract, extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from contactkeeper import APP_NAME, __version__
from contactkeeper.i18n import DOMAIN, ENGLISH, LANGUAGES, LOCALE_DIR

ROOT = LOCALE_DIR.parent.parent  # the checkout: contactkeeper/ and ui/ are in it
TEMPLATE = LOCALE_DIR / f"{DOMAIN}.pot"
COMMENT_TAGS = ("Translators:",)
KEYWORDS = DEFAULT_KEYWORDS


def extract_ui(
    fileobj: IO[bytes], keywords: object, comment_tags: object, options: object
) -> Iterator[tuple[int, str, str, list[str]]]:
    """Babel extraction method for Qt Designer forms: each ``<string>`` not marked
    ``notr="true"`` (the generated forms translate them through Qt, which the desktop routes
    to this catalogue)."""
    tree = ET.parse(fileobj)  # noqa: S314 - our own Designer forms
    for element in tree.iter("string"):
        if element.get("notr") == "true" or not (element.text or "").strip():
            continue
        comments = [element.get("extracomment")] if element.get("extracomment") else []
        yield 0, "_", element.text or "", [c for c in comments if c]


def source_messages() -> Catalog:
    """Every message of the source, as a fresh template."""
    catalog = Catalog(project=APP_NAME, version=__version__, domain=DOMAIN, fuzzy=False)
    method_map: list[tuple[str, Any]] = [("**.py", "python")]
    package = ROOT / "contactkeeper"
    for filename, lineno, message, comments, context in extract_from_dir(
        str(package),
        method_map=[("gui/forms/**.py", "ignore"), *method_map],
        keywords=KEYWORDS,
        comment_tags=COMMENT_TAGS,
        strip_comment_tags=True,
    ):
        catalog.add(
            message,
            locations=[(f"contactkeeper/{filename}", lineno)],
            auto_comments=comments,
            context=context,
        )
    for form in sorted((ROOT / "ui").glob("*.ui")):
        with form.open("rb") as fileobj:
            for lineno, message, comments, context in extract(cast(Any, extract_ui), fileobj):
                catalog.add(
                    message,
                    locations=[(f"ui/{form.name}", lineno)],
                    auto_comments=comments,
                    context=context,
                )
    argparse_source = Path(argparse.__file__)
    with argparse_source.open("rb") as fileobj:
        for lineno, message, _comments, context in extract("python", fileobj):
            catalog.add(
                message,
                locations=[("argparse.py", lineno)],
                auto_comments=["Python's argparse: the command line's usage and errors"],
                context=context,
            )
    return catalog


def po_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(language: str) -> Path:
    return po_path(language).with_suffix(".mo")


def read_catalog(path: Path, language: str | None = None) -> Catalog:
    with path.open("rb") as fileobj:
        return read_po(fileobj, locale=language, domain=DOMAIN)


def update(template: Catalog) -> None:
    """Write the template and bring every language's catalogue up to it."""
    _write_po(TEMPLATE, template)
    for language in LANGUAGES:
        path = po_path(language)
        if path.exists():
            catalog = read_catalog(path, language)
        else:
            catalog = Catalog(locale=language, domain=DOMAIN, project=APP_NAME)
        # A copy each: Babel's update adopts the template's message objects.
        catalog.update(copy.deepcopy(template), no_fuzzy_matching=True, update_creation_date=False)
        catalog.obsolete.clear()
        if language == ENGLISH:
            _fill_english(catalog)
        catalog.project = APP_NAME
        catalog.fuzzy = False
        catalog.version = __version__
        _write_po(path, catalog)


def _fill_english(catalog: Catalog) -> None:
    """English is the source language: each message is its own translation."""
    for message in catalog:
        if not message.id or _translated(message, catalog):
            continue
        if isinstance(message.id, tuple | list):
            singular, plural = message.id[0], message.id[1]
            message.string = (singular, plural)
        else:
            message.string = message.id


def compile_all() -> None:
    for language in LANGUAGES:
        catalog = read_catalog(po_path(language), language)
        buffer = io.BytesIO()
        write_mo(buffer, catalog, use_fuzzy=False)
        path = mo_path(language)
        if not path.exists() or path.read_bytes() != buffer.getvalue():
            path.write_bytes(buffer.getvalue())


def compiled(language: str) -> bytes:
    """What compiling the language's ``.po`` gives now (to compare with its ``.mo``)."""
    buffer = io.BytesIO()
    write_mo(buffer, read_catalog(po_path(language), language), use_fuzzy=False)
    return buffer.getvalue()


def _write_po(path: Path, catalog: Catalog) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, sort_output=False, omit_header=False)
    if not path.exists() or path.read_bytes() != buffer.getvalue():
        path.write_bytes(buffer.getvalue())


def _translated(message: Message, catalog: Catalog) -> bool:
    if message.fuzzy:
        return False
    if isinstance(message.id, tuple | list):
        forms = message.string if isinstance(message.string, tuple | list) else ()
        return len(forms) == catalog.num_plurals and all(forms)
    return bool(message.string)


def problems(template: Catalog | None = None) -> list[str]:
    """What keeps the catalogues from being complete, one line each (empty when done)."""
    template = source_messages() if template is None else template
    found: list[str] = []
    for language in LANGUAGES:
        path = po_path(language)
        if not path.exists():
            found.append(f"{language}: no catalogue at {path.relative_to(ROOT)}")
            continue
        catalog = read_catalog(path, language)
        for message in template:
            if not message.id:
                continue
            translated = catalog.get(message.id, context=message.context)
            where = ", ".join(f"{f}:{n}" for f, n in message.locations[:2])
            if translated is None:
                found.append(f"{language}: not in the catalogue: {message.id!r} ({where})")
            elif not _translated(translated, catalog):
                found.append(f"{language}: not translated: {message.id!r} ({where})")
        if not mo_path(language).exists() or mo_path(language).read_bytes() != compiled(language):
            found.append(f"{language}: {mo_path(language).name} is older than its .po")
    return found


def pending(language: str, under: list[str], template: Catalog | None = None) -> Catalog:
    """The messages used under the given paths (``contactkeeper/gui/dialogs``, ``ui``) that
    ``language`` has not translated yet: a small catalogue for a translator to fill in and
    give back with :func:`absorb`."""
    template = source_messages() if template is None else template
    existing = read_catalog(po_path(language), language) if po_path(language).exists() else None
    work = Catalog(locale=language, domain=DOMAIN, project=APP_NAME, fuzzy=False)
    for message in template:
        if not message.id or not any(
            str(file).startswith(tuple(under)) for file, _line in message.locations
        ):
            continue
        done = existing.get(message.id, context=message.context) if existing else None
        if done is not None and existing is not None and _translated(done, existing):
            continue
        work.add(
            message.id,
            locations=message.locations,
            auto_comments=message.auto_comments,
            flags=message.flags,
            context=message.context,
        )
    return work


def absorb(fragment: Path) -> int:
    """Copy the translations of ``fragment`` (a ``.po`` for one language) into that
    language's catalogue; returns how many were taken."""
    with fragment.open("rb") as fileobj:
        given = read_po(fileobj, domain=DOMAIN)
    language = str(given.locale) if given.locale else fragment.suffixes[-2].lstrip(".")
    catalog = read_catalog(po_path(language), language)
    taken = 0
    for message in given:
        if not message.id or not message.string:
            continue
        target = catalog.get(message.id, context=message.context)
        if target is None:
            continue
        target.string = message.string
        target.flags.discard("fuzzy")
        taken += 1
    _write_po(po_path(language), catalog)
    return taken


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m contactkeeper.catalogues")
    parser.add_argument("--check", action="store_true", help="change nothing, list gaps")
    parser.add_argument("--pending", metavar="LANGUAGE", help="write what LANGUAGE lacks")
    parser.add_argument("--under", nargs="*", default=["contactkeeper", "ui", "argparse"])
    parser.add_argument("--output", type=Path, help="where --pending writes")
    parser.add_argument("--absorb", nargs="*", type=Path, help="take these .po fragments")
    args = parser.parse_args(argv)
    if args.pending:
        output = args.output or Path(f"{args.pending}.pending.po")
        _write_po(output, pending(args.pending, args.under))
        print(f"wrote {output}")
        return 0
    if args.absorb:
        update(source_messages())
        for fragment in args.absorb:
            print(f"{fragment}: {absorb(fragment)} translation(s) taken")
        compile_all()
        return 0
    if args.check:
        gaps = problems()
        for line in gaps:
            print(line)
        return 1 if gaps else 0
    update(source_messages())
    compile_all()
    gaps = problems()
    print(f"{len(gaps)} message(s) still to translate" if gaps else "catalogues complete")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
