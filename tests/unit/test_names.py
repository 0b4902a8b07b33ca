"""Names cleaned on the way in, escaped on the way out, compared by how they look.

``names.clean`` is checked by properties over any text (hypothesis): what it leaves holds
no control, no bidi override, embedding or isolate, no other invisible format character
but the joiners and direction marks Arabic and Persian names need; it only ever removes
characters or turns a line break into a space; and it is idempotent.
"""

from __future__ import annotations

import unicodedata

from hypothesis import example, given
from hypothesis import strategies as st

from contactkeeper.records import names

BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
KEPT = "\u200c\u200d\u200e\u200f\u061c"  # ZWNJ, ZWJ, LRM, RLM, ALM


def _forbidden(char: str) -> bool:
    category = unicodedata.category(char)
    return (
        category in {"Cc", "Cs", "Zl", "Zp"}
        or (category == "Cf" and char not in KEPT)
        or char in BIDI_CONTROLS
    )


def _is_subsequence(small: str, big: str) -> bool:
    chars = iter(big)
    return all(c in chars for c in small)


# Text rich in what an attacker would use, and in what real names hold.
hostile = st.text(
    alphabet=st.one_of(
        st.characters(),
        st.sampled_from(["\x1b", "\x00", "\x07", "\x9b", "\r", "\n", "\t", "\x7f"]),
        st.sampled_from(list(BIDI_CONTROLS + KEPT + "\u2028\u2029\ufeff\u200b\U000e0041")),
        st.sampled_from(list("Layla حداد Белов אורית")),
    ),
    max_size=60,
)


@given(hostile)
@example("\x1b]0;owned\x07Layla\x1b[2K")
@example("\u202edaddaH alyaL")
@example("Nul\x00led")
def test_a_cleaned_name_holds_nothing_invisible_or_controlling(text: str) -> None:
    cleaned = names.clean(text)
    assert not any(_forbidden(c) for c in cleaned), ascii(cleaned)
    assert cleaned == cleaned.strip()


@given(hostile)
def test_cleaning_only_removes_and_is_idempotent(text: str) -> None:
    cleaned = names.clean(text)
    assert names.clean(cleaned) == cleaned
    spaced = "".join(" " if unicodedata.category(c) in {"Zl", "Zp"} else c for c in text)
    spaced = "".join(" " if c in "\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85" else c for c in spaced)
    assert _is_subsequence(cleaned, spaced)


@given(
    st.text(
        alphabet=st.characters(categories=["L", "M", "N", "Pd", "Po", "Zs"]).filter(
            lambda c: c.isprintable()
        ),
        max_size=40,
    )
)
def test_ordinary_names_in_any_script_are_kept_exactly(text: str) -> None:
    assert names.clean(text) == text.strip()


def test_joiners_and_direction_marks_of_arabic_and_persian_names_are_kept() -> None:
    persian = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"  # ZWNJ inside a word
    assert names.clean(persian) == persian
    marked = "\u0644\u064a\u0644\u0649 \u062d\u062f\u0627\u062f\u200f (UN)"  # RLM
    assert names.clean(marked) == marked
    assert names.clean("Layla\u202e Haddad\u2066\u2069") == "Layla Haddad"
    assert names.clean("Layla\nHaddad") == "Layla Haddad"


@given(hostile)
def test_printable_text_has_no_raw_control_and_shows_what_was_there(text: str) -> None:
    shown = names.printable(text)
    assert not any(_forbidden(c) for c in shown), ascii(shown)
    if "\x1b" in text:
        assert "\\x1b" in shown


def test_printable_text_leaves_every_script_alone() -> None:
    for text in ("Layla Haddad", "ليلى حداد\u200f", "Сергей Белов", "אורית כהן", "Sálih"):
        assert names.printable(text) == text
    assert names.printable("\x1b]52;c;ZXZpbA==\x07x") == "\\x1b]52;c;ZXZpbA==\\x07x"
    assert names.printable("\u202eevil") == "\\u202eevil"
    assert names.printable("\x9b2J") == "\\x9b2J"


def test_look_alikes_from_another_script_share_a_key() -> None:
    latin = "Nabil Khoury"
    cyrillic = "N\u0430bil Kh\u043eury"  # Cyrillic a and o
    greek = "Nabil Kh\u03bfury"  # Greek omicron
    assert latin != cyrillic
    assert names.look_alike(cyrillic, latin)
    assert names.look_alike(greek, latin)
    assert names.look_alike("NABIL KHOURY", latin)
    assert names.look_alike("\u0412arakat", "Barakat")  # Cyrillic capital ve
    assert names.look_alike("Harnid", "Hamid")  # "rn" for "m"
    assert not names.look_alike("Nabil Khouri", latin)
    assert not names.look_alike("Layla Haddad", "Leila Haddad")


@given(st.text(max_size=30))
def test_each_look_alike_key_is_its_own_key(text: str) -> None:
    assert names.look_alike_key(names.look_alike_key(text)) == names.look_alike_key(text)
    for key in names.look_alike_keys(text):
        assert names.look_alike_key(key) == key
    assert names.look_alike(text, text)
