"""Every word the command line prints goes through the translations.

The command runs in the pseudo-language (``x-pseudo``: every translated string wrapped in
``⟦…⟧``): its help, the help of every subcommand (argparse's own words included) and what
``today`` prints over a demo vault made in that language. Once the wrapped parts, option
names (``--json``), the program's name and the vault's own records are taken out, no word
may be left: a word left was never marked for translation.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest
import sqlalchemy as sa

from contactkeeper import APP_NAME, cli, i18n
from contactkeeper.vault import Vault
from contactkeeper.vault.model import Base
from tests.conftest import FAST_KDF, PASSPHRASE

WORD = re.compile(r"[^\W\d_]{2,}")
NOT_WORDS = re.compile(r"(?<![\w-])--?[\w-]+|\bcontactkeeper\b|\$?CONTACTKEEPER_\w+|\S+\.\w+/\S*")


def unmarked(text: str, records: tuple[str, ...] = ()) -> list[str]:
    kept: list[str] = []
    depth = 0
    for char in text:
        if char == i18n.PSEUDO_OPEN:
            depth += 1
        elif char == i18n.PSEUDO_CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0:
            kept.append(char)
    rest = NOT_WORDS.sub(" ", "".join(kept))
    for record in records:
        rest = rest.replace(record, " ")
    return WORD.findall(rest.replace(APP_NAME, " "))


@pytest.fixture
def pseudo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(i18n.ENVIRONMENT, i18n.PSEUDO)


def _commands(parser: argparse.ArgumentParser, *path: str) -> list[tuple[str, ...]]:
    found = [path]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found += _commands(sub, *path, name)
    return found


def _values(parser: argparse.ArgumentParser) -> set[str]:
    """The names of commands and the values options accept (``json``, ``csv``): typed as
    they are, in every language."""
    found: set[str] = set()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found |= {name, *name.split("-"), *_values(sub)}
        elif action.choices:
            found |= {str(choice) for choice in action.choices}
    return found


@pytest.mark.usefixtures("pseudo")
def test_every_help_of_the_command_line_is_translated(
    capsys: pytest.CaptureFixture[str],
) -> None:
    try:
        cli.speak(i18n.PSEUDO)
        parser = cli.build_parser()
        commands = _commands(parser)
        names = _values(parser)
    finally:
        i18n.set_language(i18n.ENGLISH)
    assert len(commands) > 15
    left = {}
    for command in commands:
        assert cli.main([*command, "--help"]) == 0
        if words := [w for w in unmarked(capsys.readouterr().out) if w not in names]:
            left[" ".join(command) or "(none)"] = words
    i18n.set_language(i18n.ENGLISH)
    assert left == {}


@pytest.mark.usefixtures("pseudo")
def test_what_today_prints_is_translated(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import UTC, datetime

    from contactkeeper.demo import create_demo_vault

    folder = tmp_path / "demo"
    i18n.set_language(i18n.PSEUDO)
    try:
        create_demo_vault(folder, PASSPHRASE, datetime.now(UTC), kdf=FAST_KDF).close()
    finally:
        i18n.set_language(i18n.ENGLISH)
    monkeypatch.setenv(cli.PASSPHRASE_ENV, PASSPHRASE)
    try:
        assert cli.main(["today", "--vault", str(folder), "--reveal"]) == 0
    finally:
        i18n.set_language(i18n.ENGLISH)
    out = capsys.readouterr().out
    with Vault.unlock(folder, PASSPHRASE) as vault, vault.engine.connect() as conn:
        records = {
            value
            for table in Base.metadata.sorted_tables
            for column in table.columns
            if isinstance(column.type, sa.String | sa.Text)
            for (value,) in conn.execute(sa.select(column).distinct())
            if isinstance(value, str) and value.strip()
        }
    assert "Going cold" in out  # the words are there, wrapped
    assert unmarked(out, tuple(sorted(records, key=len, reverse=True))) == []


def test_the_check_finds_a_word_left_unmarked() -> None:
    assert unmarked("⟦show this help~~⟧ --json ⟦Going cold⟧ Karim") == ["Karim"]
    assert unmarked("Karim ⟦trusts~⟧ Layla", ("Karim", "Layla")) == []
    assert unmarked("usage: contactkeeper ⟦[options]⟧") == ["usage"]
