"""The choice of language, the pseudo-language, isolation and the locale's formats."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from contactkeeper import i18n


@pytest.fixture(autouse=True)
def english_after(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """Each test starts with no saved choice and no system locale, and ends in English."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    for name in (*i18n.SYSTEM_VARIABLES, "LC_TIME", i18n.ENVIRONMENT):
        monkeypatch.delenv(name, raising=False)
    yield
    i18n.set_language(i18n.ENGLISH)


def test_the_system_locale_chooses_the_language(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "fr_CA.UTF-8")
    assert i18n.set_language() == "fr"
    assert i18n.formats_locale_name() == "fr_CA"  # the region's formats
    monkeypatch.setenv("LANGUAGE", "de:ar")  # the first supported one of the list
    assert i18n.set_language() == "ar"
    assert i18n.right_to_left()


def test_c_or_an_unsupported_locale_speaks_english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    monkeypatch.setenv("LC_ALL", "C")  # LC_ALL wins over LANG
    assert i18n.set_language() == "en"
    monkeypatch.setenv("LC_ALL", "de_DE.UTF-8")
    assert i18n.set_language() == "en"
    assert not i18n.right_to_left()


def test_the_saved_choice_wins_over_the_system(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    i18n.save_choice("ar")
    assert i18n.saved_choice() == "ar"
    assert i18n.set_language() == "ar"
    i18n.save_choice(None)  # back to the system's
    assert i18n.saved_choice() is None
    assert i18n.set_language() == "fr"
    with pytest.raises(ValueError, match="unsupported"):
        i18n.save_choice("de")


def test_the_variable_wins_over_everything(monkeypatch: pytest.MonkeyPatch) -> None:
    i18n.save_choice("ar")
    monkeypatch.setenv("LANG", "ar_EG.UTF-8")
    monkeypatch.setenv(i18n.ENVIRONMENT, "fr_CH")
    assert i18n.set_language() == "fr"
    assert i18n.formats_locale_name() == "fr_CH"


def test_a_broken_choice_file_is_ignored() -> None:
    i18n.save_choice("fr")
    path = Path(i18n._choice_path())
    path.write_bytes(b"\xff\xfe garbage")
    assert i18n.saved_choice() is None
    assert i18n.set_language() == "en"


def test_the_pseudo_language_wraps_and_lengthens() -> None:
    i18n.set_language(i18n.PSEUDO)
    text = i18n._("Going cold")
    assert text.startswith("⟦Going cold")
    assert text.endswith("⟧")
    assert len(text) - 2 >= len("Going cold") * 1.4
    assert i18n._("  Indented\n") == "  ⟦Indented~~~~⟧\n"  # layout kept outside
    counted = i18n.ngettext("{n} channel", "{n} channels", 3).format(n=3)
    assert counted.startswith("⟦3 channels")
    assert i18n.short_date(date(2026, 12, 2)).startswith("⟦")  # formats are wrapped too


def test_isolate_keeps_a_name_from_spilling_into_the_sentence() -> None:
    assert i18n.isolate("محمد") == "\u2068محمد\u2069"
    assert i18n.isolate("") == ""


@pytest.mark.parametrize(
    ("language", "short", "long", "number"),
    [
        ("en", "2 Dec 2026", "2 December 2026", "12,345.5"),
        ("fr", "2 déc. 2026", "2 décembre 2026", "12\u202f345,5"),
        ("ar", "٠٢\u200f/١٢\u200f/٢٠٢٦", "٢ ديسمبر ٢٠٢٦", "١٢٬٣٤٥٫٥"),
    ],
)
def test_dates_and_numbers_follow_the_locale(
    language: str, short: str, long: str, number: str
) -> None:
    i18n.set_language(language)
    moment = datetime(2026, 12, 2, 14, 5, tzinfo=UTC)
    assert i18n.short_date(moment.date()) == short
    assert i18n.long_date(moment.date()) == long
    assert i18n.number(12345.5) == number
    assert i18n.short_datetime(moment, UTC).startswith(short)
    assert i18n.long_datetime(moment, UTC).startswith(long)


def test_the_week_starts_on_the_locales_first_day(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    i18n.set_language()
    assert i18n.first_weekday() == 6  # Sunday
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    i18n.set_language()
    assert i18n.first_weekday() == 0  # Monday
    monkeypatch.setenv("LANG", "ar_EG.UTF-8")
    i18n.set_language()
    assert i18n.first_weekday() == 5  # Saturday


def test_nothing_is_translated_while_modules_are_imported() -> None:
    """The language is chosen after the imports: a word translated at import would stay in
    English (or whichever language was current) for the whole run."""
    script = """
import gettext, importlib, json, pkgutil, sys
from contactkeeper import i18n
calls = []
class Spy(gettext.NullTranslations):
    def gettext(self, message):
        calls.append(message)
        return message
    def ngettext(self, one, many, n):
        calls.append(one)
        return one if n == 1 else many
    def pgettext(self, context, message):
        calls.append(message)
        return message
i18n._active = i18n._Active("en", "en", Spy())
import contactkeeper
for module in pkgutil.walk_packages(contactkeeper.__path__, "contactkeeper."):
    if module.name.endswith("__main__"):
        continue
    importlib.import_module(module.name)
print(json.dumps(calls))
"""
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
        timeout=120,
    )
    assert json.loads(result.stdout.strip().splitlines()[-1]) == []


def test_no_function_hides_the_translation_function() -> None:
    """A function that binds ``_`` (``for _ in ...``, ``a, _ = ...``) makes every ``_("...")``
    in it call that value instead of translating: a crash, or a word left in English."""
    import ast

    package = Path(i18n.__file__).parent
    hidden = []
    for path in sorted(package.rglob("*.py")):
        if "forms" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                continue
            nodes = list(ast.walk(function))
            # A comprehension's variables live in the comprehension alone (Python 3).
            own = {
                id(n) for c in nodes if isinstance(c, ast.comprehension) for n in ast.walk(c.target)
            }
            binds = any(
                isinstance(n, ast.Name)
                and n.id == "_"
                and isinstance(n.ctx, ast.Store)
                and id(n) not in own
                for n in nodes
            )
            calls = any(
                isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "_"
                for n in nodes
            )
            if binds and calls:
                hidden.append(f"{path.relative_to(package)}:{function.lineno}")
    assert hidden == []
