"""Hostile names: terminal escapes, direction overrides, NUL bytes and look-alike letters,
typed in or imported from an address book.

Every stored name (display name, codename, name variants, tags, organization and process
names, roles) is cleaned by the record services and the importer; the command line escapes
whatever record text it prints (older vaults may hold names stored before cleaning); and a
name written with look-alike letters of another script is called a likely duplicate.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa

from contactkeeper import cli
from contactkeeper import vault as vault_module
from contactkeeper.exchange import importing
from contactkeeper.records import actors, organizations, processes
from contactkeeper.records.actors import NewActor
from contactkeeper.vault import Vault
from contactkeeper.vault.model import Actor
from tests.conftest import FAST_KDF, PASSPHRASE

NOW = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
# Sets the terminal's title, erases the line, and writes "evil" to the clipboard (OSC 52).
ESCAPES = "\x1b]0;owned\x07\x1b[2K\x1b]52;c;ZXZpbA==\x07"
RLO = "\u202e"  # RIGHT-TO-LEFT OVERRIDE: what follows reads backwards
HOSTILE = f"{ESCAPES}Layla{RLO} Had\x00dad\u2066"
RAW = ("\x1b", "\x07", "\x00", RLO, "\u2066", "\x9b")


def clean(text: str) -> bool:
    return not any(c in text for c in RAW)


@pytest.fixture(autouse=True)
def _cheap_and_private(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(vault_module, "calibrate", lambda *a, **k: FAST_KDF)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data-home"))
    monkeypatch.delenv(cli.PASSPHRASE_ENV, raising=False)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = cli.main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


# -- entry --------------------------------------------------------------------------------------


def test_every_name_typed_in_is_stored_clean(vault: Vault) -> None:
    actor = actors.create_actor(
        vault,
        NewActor(
            HOSTILE,
            codename=f"{ESCAPES}amber wren{RLO}",
            tags=[f"gate{RLO}keeper", "\x1b[31mred"],
            name_variants=[f"ليلى{RLO} حداد\x00"],
            country=f"Qaranis{ESCAPES}",
        ),
        NOW,
    )
    assert actor.display_name == "]0;owned[2K]52;c;ZXZpbA==Layla Haddad"
    assert actor.codename == "]0;OWNED[2K]52;C;ZXZPBA==AMBER WREN"
    assert sorted(actor.tags) == ["[31mred", "gatekeeper"]
    assert [v.name for v in actor.name_variants] == ["ليلى حداد"]
    assert clean(actor.country)

    changed = actors.update_actor(vault, actor.id, NOW, display_name=f"Layla{RLO}\x00 Haddad")
    assert changed.display_name == "Layla Haddad"
    variant = actors.add_name_variant(vault, actor.id, "Leila\x1b[8m Haddad", script=f"la{RLO}")
    assert (variant.name, variant.script) == ("Leila[8m Haddad", "la")
    actors.rename_tag(vault, "gatekeeper", f"\x07gate{RLO}")
    assert actors.all_tags(vault) == ["[31mred", "gate"]

    org = organizations.create_organization(vault, f"Coastal{RLO} Forum\x00")
    assert org.name == "Coastal Forum"
    organizations.add_affiliation(vault, actor.id, org.id, role="Board\x1b[2K member")
    (affiliation,) = actors.get_actor(vault, actor.id, NOW).affiliations
    assert affiliation.role == "Board[2K member"
    process = processes.create_process(vault, f"Coast{ESCAPES} dialogue")
    assert clean(process.name)


# -- import -------------------------------------------------------------------------------------


def hostile_vcard(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.vcf"
    card = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\n"
        f"FN:{HOSTILE}\r\n"
        f"NICKNAME:Lay{RLO}la\r\n"
        f"ORG:Coastal\x1b[2K Forum{RLO}\r\n"
        f"TITLE:Chair\x1b[2K\r\n"
        f"CATEGORIES:gate{RLO}keeper\r\n"
        "END:VCARD\r\n"
    )
    path.write_text(card, encoding="utf-8")
    return path


def test_an_imported_card_is_stored_clean(vault: Vault, tmp_path: Path) -> None:
    plan = importing.plan_import(vault, hostile_vcard(tmp_path))
    (entry,) = plan.creates
    assert clean(entry.display_name)
    assert all(clean(text) for text in importing.describe_plan(plan))
    (actor_id,) = importing.apply_import(vault, plan)
    actor = actors.get_actor(vault, actor_id, NOW)
    assert actor.display_name == "]0;owned[2K]52;c;ZXZpbA==Layla Haddad"
    assert [v.name for v in actor.name_variants] == ["Layla"]
    assert [(a.organization, a.role) for a in actor.affiliations] == [
        ("Coastal[2K Forum", "Chair[2K")
    ]
    assert actor.tags == ("gatekeeper",)


def test_the_import_command_prints_no_escape_sequence(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "v"
    Vault.create(path, PASSPHRASE, kdf=FAST_KDF).close()
    secret = tmp_path / "p"
    secret.write_text(PASSPHRASE, encoding="utf-8")
    status, out, err = run(
        capsys,
        "import",
        str(hostile_vcard(tmp_path)),
        "--yes",
        "--vault",
        str(path),
        "--passphrase-file",
        str(secret),
    )
    assert status == 0
    assert clean(out)
    assert clean(err)
    assert "Layla Haddad" in out


# -- what the command line prints from an older vault -----------------------------------------


@pytest.fixture
def raw_vault(tmp_path: Path) -> Path:
    """A vault whose names were stored before cleaning existed (written past the services)."""
    path = tmp_path / "raw"
    with Vault.create(path, PASSPHRASE, kdf=FAST_KDF) as vault:
        layla = actors.create_actor(vault, NewActor("Layla Haddad"), NOW)
        with vault.transaction() as session:
            session.execute(
                sa.update(Actor)
                .where(Actor.id == layla.id)
                .values(display_name=f"Layla Haddad {ESCAPES}\x9b2J{RLO}")
            )
    return path


def test_search_escapes_control_characters_it_prints(
    capsys: pytest.CaptureFixture[str], raw_vault: Path, tmp_path: Path
) -> None:
    secret = tmp_path / "p"
    secret.write_text(PASSPHRASE, encoding="utf-8")
    args = ["--vault", str(raw_vault), "--passphrase-file", str(secret)]
    status, out, _ = run(capsys, "search", "layla", *args)
    assert status == 0
    assert "Layla Haddad" in out
    assert clean(out)
    assert "\\x1b]0;owned\\x07" in out  # shown, not obeyed

    status, out, _ = run(capsys, "search", "layla", "--json", *args)
    assert status == 0
    assert clean(out)
    (hit,) = json.loads(out)
    assert hit["title"] == f"Layla Haddad {ESCAPES}\x9b2J{RLO}"  # the JSON still says it all


# -- look-alikes --------------------------------------------------------------------------------

CYRILLIC_NABIL = "N\u0430bil Kh\u043eury"  # Cyrillic a and o: looks exactly like Nabil Khoury


def test_a_name_in_look_alike_letters_of_another_script_is_called_similar(
    vault: Vault,
) -> None:
    nabil = actors.create_actor(vault, NewActor("Nabil Khoury"), NOW).id
    actors.create_actor(vault, NewActor("Omar Farouk"), NOW)
    assert [a.id for a in actors.similar_names(vault, CYRILLIC_NABIL, NOW)] == [nabil]
    assert [a.id for a in actors.similar_names(vault, "Nabil Kh\u03bfury", NOW)] == [nabil]


def test_an_actor_stored_in_look_alike_letters_is_found_by_the_real_spelling(
    vault: Vault,
) -> None:
    poser = actors.create_actor(vault, NewActor(CYRILLIC_NABIL), NOW).id
    assert [a.id for a in actors.similar_names(vault, "Nabil Khoury", NOW)] == [poser]
    # A look-alike of a name variant counts too.
    other = actors.create_actor(vault, NewActor("Omar Farouk", name_variants=["Abu Walid"]), NOW).id
    assert other in [a.id for a in actors.similar_names(vault, "\u0410bu W\u0430lid", NOW)]


def test_importing_a_look_alike_of_an_actor_is_called_a_likely_duplicate(
    vault: Vault, tmp_path: Path
) -> None:
    nabil = actors.create_actor(vault, NewActor("Nabil Khoury"), NOW).id
    path = tmp_path / "posers.vcf"
    path.write_text(
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{CYRILLIC_NABIL}\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Lay\u217ca Haddad\r\nEND:VCARD\r\n"  # Roman numeral L
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Layla Haddad\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    plan = importing.plan_import(vault, path)
    duplicates = {d.name: d for d in plan.duplicates}
    assert duplicates[CYRILLIC_NABIL].actor_id == nabil
    assert duplicates["Layla Haddad"].actor_id == 0  # an earlier entry of the same file
