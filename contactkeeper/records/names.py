"""Names as people see them: cleaned on the way in, escaped on the way out, compared by look.

**Cleaning** (:func:`clean`), applied by the record services and the importer to every
stored name and label (display names, codenames, name variants, tags, organization and
process names, roles, countries, languages, channel labels):

- control characters (Unicode category Cc: NUL, ESC and every terminal escape sequence's
  introducer, DEL, the C1 controls such as CSI U+009B) are removed; a tab or line break
  becomes a space, as do the line and paragraph separators U+2028 and U+2029;
- bidi embeddings, overrides and isolates (U+202A to U+202E, U+2066 to U+2069), which make
  a name read backwards or hide part of it, are removed, with every other invisible format
  character (category Cf: zero-width space, byte-order mark, word joiner, the "tag"
  letters of U+E0000, ...) and lone surrogates;
- **kept**: ZERO WIDTH NON-JOINER and ZERO WIDTH JOINER (Persian, Kurdish and Urdu
  spelling needs them inside words), and the direction marks LRM, RLM and ALM (U+200E,
  U+200F, U+061C). The marks are invisible characters with a direction and no power to
  reorder what surrounds them beyond the neutral characters next to them; Arabic names
  written beside Latin letters or digits use them to display correctly. Search and the
  duplicate checks ignore all five (:func:`contactkeeper.vault.search_index.fold` drops format
  characters), so they cannot make one name pass for another.

Nothing else changes: letters of any script, accents and spacing stay exactly as typed.

**Escaping** (:func:`printable`): text printed to a terminal shows every character that
cleaning would remove as a visible escape (``\\x1b``, ``\\u202e``), so that a name stored
before cleaning existed, or text from a file, cannot drive the terminal.

**Look-alikes** (:func:`skeleton`, :func:`look_alike`): Unicode's confusables table
(UTS #39, shipped by the ``confusable-homoglyphs`` package) maps each character to the
prototype it is visually confused with, Cyrillic "а" to Latin "a", "rn" for "m". Two names
with the same key look the same on screen, whatever script each letter comes from.
"""

from __future__ import annotations

import functools
import importlib.resources
import json
import unicodedata
from collections.abc import Callable
from typing import Final

from contactkeeper.vault.search_index import fold

# Invisible format characters that real names need (see the module's description).
KEPT_FORMAT: Final = frozenset({"\u200c", "\u200d", "\u200e", "\u200f", "\u061c"})
_LINE_SEPARATORS: Final = frozenset({"Zl", "Zp"})
_REMOVED: Final = frozenset({"Cc", "Cf", "Cs"})


def _unwanted(char: str) -> bool:
    """Whether ``char`` is removed from names (or escaped when printed)."""
    category = unicodedata.category(char)
    if category in _LINE_SEPARATORS:
        return True
    return category in _REMOVED and char not in KEPT_FORMAT


class _CleanTable(dict[int, str | None]):
    """``str.translate`` table for :func:`clean`: learns each code point once."""

    def __missing__(self, code: int) -> str | None:
        char = chr(code)
        value: str | None = char
        if _unwanted(char):
            spacing = char.isspace() or unicodedata.category(char) in _LINE_SEPARATORS
            value = " " if spacing else None
        self[code] = value
        return value


_CLEAN_TABLE: Final = _CleanTable()


def clean(text: str) -> str:
    """``text`` without controls, bidi overrides and other invisible format characters
    (line breaks become spaces), stripped of surrounding space. Idempotent."""
    if text.isascii() and text.isprintable():
        return text.strip()
    return text.translate(_CLEAN_TABLE).strip()


class _EscapeTable(dict[int, str]):
    """``str.translate`` table for :func:`printable`."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        if not _unwanted(char):
            value = char
        elif code <= 0xFF:
            value = f"\\x{code:02x}"
        elif code <= 0xFFFF:
            value = f"\\u{code:04x}"
        else:
            value = f"\\U{code:08x}"
        self[code] = value
        return value


_ESCAPE_TABLE: Final = _EscapeTable({0x2068: "", 0x2069: ""})  # FSI, PDI: see printable


def printable(text: str) -> str:
    """``text`` safe to print to a terminal: every control, bidi override and invisible
    format character (but the kept joiners and marks) shown as an escape like ``\\x1b``.
    The first-strong isolates a translated sentence puts around a name
    (:func:`contactkeeper.i18n.isolate`) are dropped instead: a terminal lays out each line
    itself, and without them no isolate reaches it at all."""
    if text.isascii() and text.isprintable():
        return text
    return text.translate(_ESCAPE_TABLE)


# -- look-alikes ------------------------------------------------------------------------------


def _representative(members: set[str], degree: dict[str, int]) -> str:
    """The prototype of a class of confusables: the character the others were mapped to
    (the one linked to most), else a plain ASCII one, else the lowest."""
    return min(members, key=lambda c: (-degree[c], not c.isascii(), ord(c)))


@functools.cache
def _skeleton_table() -> dict[int, str]:
    """Unicode's confusables as a ``str.translate`` table, built once.

    The package's data lists each mapping "source -> prototype" in both directions, and
    wraps right-to-left characters in LRM marks for display: those are dropped. A character
    confused with a sequence ("m" with "rn") maps to it; characters confused one for one
    fall into classes, each mapped to its prototype.
    """
    source = importlib.resources.files("confusable_homoglyphs").joinpath("confusables.json")
    data: dict[str, list[dict[str, str]]] = json.loads(source.read_text(encoding="utf-8"))
    parent: dict[str, str] = {}

    def find(char: str) -> str:
        while parent.setdefault(char, char) != char:
            parent[char] = parent[parent[char]]
            char = parent[char]
        return char

    degree: dict[str, int] = {}
    sequences: dict[str, str] = {}
    for key, entries in data.items():
        char = key.replace("\u200e", "")
        if len(char) != 1:
            continue  # a sequence's list of characters confused with it
        for entry in entries:
            other = entry["c"].replace("\u200e", "")
            if not other or other == char:
                continue
            if len(other) > 1:
                sequences[char] = other
                continue
            degree[char] = degree.get(char, 0) + 1
            degree[other] = degree.get(other, 0) + 1
            parent[find(char)] = find(other)
    classes: dict[str, set[str]] = {}
    for char in list(parent):
        classes.setdefault(find(char), set()).add(char)
    prototype: dict[str, str] = {}
    for members in classes.values():
        chosen = _representative(members, degree)
        prototype.update((member, chosen) for member in members)
    table = {ord(c): p for c, p in prototype.items() if c != p}
    for char, sequence in sequences.items():
        if char not in prototype:
            table[ord(char)] = "".join(prototype.get(c, c) for c in sequence)
    # Close the table: a value's own characters map no further, so one pass is enough.
    for code, value in table.items():
        for _round in range(8):
            mapped = unicodedata.normalize(
                "NFD", unicodedata.normalize("NFD", value).translate(table)
            )
            if mapped == value:
                break
            value = mapped
        table[code] = value
    return table


def skeleton(text: str) -> str:
    """UTS #39's skeleton of ``text``: decomposed, each character replaced by the prototype
    of its class of look-alikes, decomposed again. Equal skeletons look alike."""
    return unicodedata.normalize(
        "NFD", unicodedata.normalize("NFD", text).translate(_skeleton_table())
    )


@functools.lru_cache(maxsize=65536)
def look_alike_key(name: str) -> str:
    """What a name looks like: its skeleton, folded as search folds (case, accents, format
    characters), with single spaces. Idempotent (the key of a key is itself).

    A skeleton heeds case ("I" looks like "l", "i" does not), so the key of a stored name
    is taken as written (Cyrillic "В" looks like Latin "B"); compare it with every key of
    the name typed (:func:`look_alike_keys`), which also covers a change of case.
    """
    return _stable_key(name, fold)


def look_alike_keys(name: str) -> frozenset[str]:
    """The keys of a name as written and in lower case ("NABIL" looks like "Nabil")."""
    return frozenset({_stable_key(name, fold), _stable_key(fold(name), fold)})


def look_alike(typed: str, stored: str) -> bool:
    """Whether two names look the same on screen, whatever script their letters are from."""
    return look_alike_key(stored) in look_alike_keys(typed)


def _stable_key(text: str, fold: Callable[[str], str]) -> str:
    key = " ".join(fold(skeleton(text)).split())
    for _round in range(4):  # folding may yield characters the skeleton maps again: until stable
        again = " ".join(fold(skeleton(key)).split())
        if again == key:
            break
        key = again
    return key


__all__ = [
    "KEPT_FORMAT",
    "clean",
    "look_alike",
    "look_alike_key",
    "look_alike_keys",
    "printable",
    "skeleton",
]
