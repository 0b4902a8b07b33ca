"""What leaves the program about a high-risk actor: the command line's search and import
plan, and the redacted export, name them by codename only and carry none of their
quasi-identifiers (name variants, titles with organizations, notes, phone numbers,
addresses); ``search --privacy`` names nobody and hides summaries, as privacy mode does.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from contactkeeper import cli
from contactkeeper import vault as vault_module
from contactkeeper.demo import create_demo_vault
from contactkeeper.exchange import exporting
from contactkeeper.records import actors, channels
from contactkeeper.vault import Vault
from contactkeeper.vault.model import ChannelKind, Sensitivity
from tests.conftest import FAST_KDF, PASSPHRASE

NOW = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
PHONE = "mobile: +7 912 555 01 23"
ADDRESS = "home: 14 Tollgate Lane, upper Dry Valley"
# Real names, words of their notes, their organizations and places: each finds them.
QUERIES = (
    "Yusuf Barakat",
    "Bashir",
    "Kirill",
    "Barakat",
    "commander",
    "militia",
    "Coastal",
    "brigades",
    "quartermaster",
    "security",
    "valley",
    "port",
)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("withheld") / "demo"
    with create_demo_vault(path, PASSPHRASE, NOW, kdf=FAST_KDF) as vault:
        cast = {a.codename: a.id for a in actors.list_actors(vault, NOW, limit=1000)}
        channels.add_channel(vault, cast["GREY KEYHOLE"], NOW, kind=ChannelKind.PHONE, label=PHONE)
        channels.add_channel(
            vault, cast["CINDER TOLL"], NOW, kind=ChannelKind.IN_PERSON, label=ADDRESS
        )
    return path


@pytest.fixture(autouse=True)
def _private(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(vault_module, "calibrate", lambda *a, **k: FAST_KDF)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data-home"))
    monkeypatch.setenv(cli.PASSPHRASE_ENV, PASSPHRASE)


def identities(path: Path) -> tuple[dict[str, str], dict[str, str]]:
    """(high-risk actors' names and quasi-identifiers, every actor's display name), each
    folded text -> codename."""
    withheld: dict[str, str] = {}
    everyone: dict[str, str] = {}
    with Vault.unlock(path, PASSPHRASE) as vault:
        for summary in actors.list_actors(vault, NOW, limit=1000):
            actor = actors.get_actor(vault, summary.id, NOW)
            everyone[actor.display_name.casefold()] = actor.codename
            if actor.sensitivity is not Sensitivity.HIGH_RISK:
                continue
            texts = [actor.display_name, *(v.name for v in actor.name_variants)]
            texts += [actor.notes.split(".")[0]]
            texts += [f"{a.role}, {a.organization}" for a in actor.affiliations]
            texts += [c.label for c in channels.list_channels(vault, actor.id, NOW)]
            withheld.update({t.casefold(): actor.codename for t in texts if t.strip()})
    assert PHONE.casefold() in withheld
    assert "commander, dry valley guard" in withheld
    return withheld, everyone


def found_in(text: str, wanted: dict[str, str]) -> list[str]:
    folded = text.casefold()
    return sorted(f"{name!r} ({codename})" for name, codename in wanted.items() if name in folded)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert cli.main(list(argv)) == 0
    out, err = capsys.readouterr()
    return out + err


def test_search_names_a_high_risk_actor_by_codename_and_nothing_more(
    capsys: pytest.CaptureFixture[str], demo: Path
) -> None:
    withheld, _ = identities(demo)
    shown = ""
    for query in QUERIES:
        shown += run(capsys, "search", query, "--vault", str(demo), "--limit", "50")
        shown += run(capsys, "search", query, "--json", "--vault", str(demo), "--limit", "50")
    assert found_in(shown, withheld) == []
    assert "ONYX FALCON" in shown  # found, by the codename
    assert "Layla Haddad" in shown  # others keep their names


def test_search_in_privacy_mode_names_nobody_and_hides_summaries(
    capsys: pytest.CaptureFixture[str], demo: Path
) -> None:
    withheld, everyone = identities(demo)
    shown = ""
    for query in QUERIES:
        out = run(capsys, "search", query, "--privacy", "--json", "--vault", str(demo))
        for hit in json.loads(out):
            if hit["kind"] == "interaction":
                assert " · " not in hit["title"]  # the date alone, no summary
        shown += out
        shown += run(capsys, "search", query, "--privacy", "--vault", str(demo))
    assert found_in(shown, withheld) == []
    assert found_in(shown, everyone) == []
    assert "AMBER WREN" in shown


def test_the_redacted_export_holds_no_trace_of_a_high_risk_actor(
    demo: Path, tmp_path: Path
) -> None:
    withheld, _ = identities(demo)
    target = tmp_path / "shared.json"
    with Vault.unlock(demo, PASSPHRASE) as vault:
        risky = [
            a.codename
            for a in actors.list_actors(vault, NOW, limit=1000)
            if a.sensitivity is Sensitivity.HIGH_RISK
        ]
        exporting.export(vault, "redacted", target)
    text = target.read_text(encoding="utf-8")
    assert found_in(text, withheld) == []
    assert [c for c in risky if c in text] == []
    for organization in ("Coastal Brigades", "Dry Valley Guard", "Verenian State Security"):
        assert organization not in text


def test_an_import_plan_names_a_high_risk_look_alike_by_codename(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    demo: Path,
    tmp_path: Path,
) -> None:
    withheld, _ = identities(demo)
    monkeypatch.setattr("builtins.input", lambda question: "n")
    card = tmp_path / "one.vcf"
    card.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Youssef Barakat\r\nEND:VCARD\r\n")
    status = cli.main(["import", str(card), "--vault", str(demo)])  # answered "n"
    out, _ = capsys.readouterr()
    assert status == 1
    assert "looks like an actor in the vault: ONYX FALCON" in out
    assert found_in(out.replace("Youssef Barakat", ""), withheld) == []
