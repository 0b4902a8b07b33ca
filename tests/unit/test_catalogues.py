"""The three catalogues are complete: every message of the source is in each, translated
(with every plural form), and each compiled ``.mo`` is what its ``.po`` gives."""

from __future__ import annotations

import gettext
import re

import pytest
from babel.messages.catalog import Catalog

from contactkeeper import catalogues, i18n


@pytest.fixture(scope="module")
def template() -> Catalog:
    return catalogues.source_messages()


def test_every_catalogue_has_every_message_translated(template: Catalog) -> None:
    assert catalogues.problems(template) == []


def test_the_source_has_messages_from_code_forms_and_argparse(template: Catalog) -> None:
    places = {file.split("/")[0] for message in template for file, _ in message.locations}
    assert {"contactkeeper", "ui", "argparse.py"} <= places


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_translations_keep_every_field_and_tag(language: str) -> None:
    """A translation that drops ``{name}`` or a tag would fail at run time or lose a word."""
    catalog = catalogues.read_catalog(catalogues.po_path(language), language)
    # Every field and HTML tag must stay; italics may be left out (Arabic script is not
    # slanted for emphasis), and a <folder> in a command's help is a word, not a tag.
    tags = r"</?(?:b|br|p|a|ul|ol|li|tt|code|span|div|table|tr|td|th|h[1-6]|img|small|hr)\b"
    field = re.compile(r"\{[a-z_]*\}|%\([a-z_]+\)s|%s|%d|" + tags)
    wrong = []
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple | list) else (message.id,)
        strings = message.string if isinstance(message.string, tuple | list) else (message.string,)
        wanted = sorted(set(field.findall(ids[-1])))
        for string in filter(None, strings):  # the untranslated: test above
            # An Arabic "one" or "two" form may say the number in words instead of {n}.
            found = sorted(set(field.findall(string)))
            if found != wanted and not (len(ids) > 1 and set(found) < set(wanted)):
                wrong.append(f"{ids[0]!r}: {string!r}")
    assert wrong == []


def test_arabic_counts_with_its_six_plural_forms() -> None:
    catalog = catalogues.read_catalog(catalogues.po_path("ar"), "ar")
    assert catalog.num_plurals == 6
    with catalogues.mo_path("ar").open("rb") as compiled:
        translations = gettext.GNUTranslations(compiled)
    counted = [m for m in catalog if isinstance(m.id, tuple | list) and "{n}" in m.id[1]]
    assert counted, "no counted message in the catalogue"
    # Arabic words 0, 1, 2, a few (3-10), many (11-99) and 100 differently: some messages
    # use all six forms (others rightly share some).
    widest = max(
        len({translations.ngettext(m.id[0], m.id[1], n) for n in (0, 1, 2, 5, 11, 100)})
        for m in counted
    )
    assert widest >= 5


def test_the_program_loads_the_compiled_catalogue() -> None:
    try:
        assert i18n.set_language("fr") == "fr"
        assert i18n._("Unlock your vault") != "Unlock your vault"
        assert i18n.set_language("ar") == "ar"
        assert i18n._("Unlock your vault") != "Unlock your vault"
    finally:
        i18n.set_language(i18n.ENGLISH)
