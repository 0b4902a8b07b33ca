"""Small whole numbers are written once per language and kept (the web of channels writes
one for each of its ties): what is kept follows the language chosen since."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from contactkeeper import i18n


@pytest.fixture(autouse=True)
def english_again(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    yield
    i18n.set_language(i18n.ENGLISH)


def test_a_number_kept_in_one_language_is_written_anew_in_another() -> None:
    i18n.set_language("en")
    assert [i18n.number(n) for n in (3, 1234, -5)] == ["3", "1,234", "-5"]
    i18n.set_language("fr")
    assert [i18n.number(n) for n in (3, 1234, -5)] == ["3", "1\u202f234", "-5"]
    i18n.set_language("ar")
    assert [i18n.number(n) for n in (3, 1234)] == ["٣", "١٬٢٣٤"]
    i18n.set_language("en")
    assert i18n.number(1234) == "1,234"


def test_large_numbers_and_decimals_are_written_as_before() -> None:
    i18n.set_language("en")
    assert i18n.number(1_234_567) == "1,234,567"
    assert i18n.number(2.5, 1) == "2.5"
    assert i18n.number(7, 0) == "7"
