"""The demo vault is made in the language of the program: its story reads in French or in
Arabic, while the people keep their names."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from contactkeeper import i18n
from contactkeeper.demo import create_demo_vault
from contactkeeper.records import actors, processes
from contactkeeper.records.actors import ActorFilter
from tests.conftest import FAST_KDF, PASSPHRASE

NOW = datetime(2026, 6, 1, 9, tzinfo=UTC)


@pytest.mark.parametrize(
    ("language", "process", "note"),
    [
        ("fr", "Dialogue côtier de Qaranis", "Personnage fictif de démonstration."),
        ("ar", "الحوار الساحلي في قارانيس", "شخصية وهمية للعرض التجريبي."),
    ],
)
def test_the_demo_is_told_in_the_language_of_the_program(
    tmp_path: Path, language: str, process: str, note: str
) -> None:
    i18n.set_language(language)
    try:
        vault = create_demo_vault(tmp_path / "demo", PASSPHRASE, NOW, kdf=FAST_KDF)
    finally:
        i18n.set_language(i18n.ENGLISH)
    with vault:
        assert process in {p.name for p in processes.list_processes(vault)}
        layla = actors.list_actors(vault, NOW, filters=ActorFilter(text="layla"))[0]
        detail = actors.get_actor(vault, layla.id, NOW)
        assert detail.display_name == "Layla Haddad"  # a name stays as people write it
        assert detail.notes.endswith(note)
