"""Exports in open formats from a real vault: what the person asked for, and nothing more."""

from __future__ import annotations

import csv
import io
import json
import stat
from datetime import date
from pathlib import Path

import icalendar
import pytest

from contactkeeper.errors import ContactKeeperError, PlaintextRefused
from contactkeeper.exchange import exporting, importing
from contactkeeper.records import actors, channels, followups, readiness
from contactkeeper.vault import Vault
from contactkeeper.vault.model import ChannelKind
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.unit.test_backup import NOW, fill


@pytest.fixture
def filled(vault: Vault) -> Vault:
    fill(vault)
    heron = actors.list_actors(vault, NOW)[0]
    channels.add_channel(
        vault, heron.id, NOW, kind=ChannelKind.PHONE, label="mobile: +961 1 234 567"
    )
    followups.create_follow_up(
        vault,
        followups.NewFollowUp(
            "Send the draft agenda", date(2026, 6, 10), actor_id=heron.id, note="via WILLOW"
        ),
    )
    done = followups.create_follow_up(
        vault, followups.NewFollowUp("Already done", date(2026, 5, 1), actor_id=heron.id)
    )
    followups.set_done(vault, done.id, True, NOW)
    kind = readiness.cue_kinds(vault)[0]
    readiness.record_cue(
        vault,
        readiness.NewCue(
            kind_id=kind.id,
            observed_on=date(2026, 5, 17),
            process_id=1,
            note="Heard at the port that they want a way out",
        ),
    )
    return vault


def written(vault: Vault, fmt: str, folder: Path) -> str:
    target = folder / f"export.{fmt}"
    exporting.export(vault, fmt, target, i_understand_plaintext=True, now=lambda: NOW)
    return target.read_text("utf-8")


@pytest.mark.parametrize("fmt", sorted(exporting.CLEAR_FORMATS))
def test_an_export_in_clear_is_refused_without_explicit_confirmation(
    filled: Vault, tmp_path: Path, fmt: str
) -> None:
    with pytest.raises(PlaintextRefused):
        exporting.export(filled, fmt, tmp_path / "out")
    assert list(tmp_path.iterdir()) == [filled.path]


def test_the_json_export_holds_every_record_with_names_exactly(
    filled: Vault, tmp_path: Path
) -> None:
    body = json.loads(written(filled, "json", tmp_path))
    tables = body["tables"]
    assert body["format"] == "contactkeeper-export"
    assert body["version"] == 1
    assert sorted(a["display_name"] for a in tables["actors"]) == ["Ахмед Салех", "אורית כהן"]
    assert {v["name"] for v in tables["name_variants"]} == {"أحمد صالح", "Ahmed Salih"}
    assert len(tables["interaction_participants"]) == 2
    assert len(tables["follow_ups"]) == 2
    assert tables["interactions"][0]["occurred_at"] == "2026-06-01T09:00:00Z"
    assert "trash" not in tables
    with filled.engine.connect() as conn:
        for table in ("actors", "actor_tags", "channels", "readiness_cues", "relationships"):
            count = conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar()  # noqa: S608
            assert len(tables[table]) == count, table


def test_the_csv_export_opens_in_a_spreadsheet_with_every_script(
    filled: Vault, tmp_path: Path
) -> None:
    text = written(filled, "csv", tmp_path)
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    heron = next(r for r in rows if r["codename"] == "HERON")
    assert heron["display_name"] == "Ахмед Салех"
    assert heron["name_variants"] == "أحمد صالح; Ahmed Salih"
    assert heron["tags"] == "north; port"
    assert heron["phones"] == "+961 1 234 567"
    assert heron["affiliations"] == "adviser, Harbour Council"
    assert len(rows) == 2


def test_a_name_that_looks_like_a_formula_stays_text_in_the_csv(
    vault: Vault, tmp_path: Path
) -> None:
    actors.create_actor(vault, actors.NewActor('=HYPERLINK("http://x","y")'), NOW)
    rows = list(csv.reader(io.StringIO(written(vault, "csv", tmp_path).removeprefix("\ufeff"))))
    assert rows[1][1] == '\'=HYPERLINK("http://x","y")'


def test_a_vcard_export_imports_back_into_another_vault(filled: Vault, tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    written(filled, "vcard", tmp_path / "out")
    with Vault.create(tmp_path / "other", PASSPHRASE, kdf=FAST_KDF) as other:
        plan = importing.plan_import(other, tmp_path / "out" / "export.vcard")
        assert plan.invalid == ()
        ids = importing.apply_import(other, plan)
        details = {d.display_name: d for d in (actors.get_actor(other, i, NOW) for i in ids)}
        assert sorted(details) == ["Ахмед Салех", "אורית כהן"]
        heron = details["Ахмед Салех"]
        assert heron.codename == "HERON"
        assert [v.name for v in heron.name_variants] == ["أحمد صالح", "Ahmed Salih"]
        assert list(heron.tags) == ["north", "port"]
        assert heron.notes == "Met at the port; prefers tea."
        assert [c.label for c in channels.list_channels(other, heron.id, NOW)] == [
            "mobile: +961 1 234 567"
        ]


def test_the_calendar_export_lists_open_follow_ups_on_their_due_dates(
    filled: Vault, tmp_path: Path
) -> None:
    calendar = icalendar.Calendar.from_ical(written(filled, "ics", tmp_path))
    events = list(calendar.walk("VEVENT"))
    assert [str(e["summary"]) for e in events] == ["Send the draft agenda"]
    assert events[0].decoded("dtstart") == date(2026, 6, 10)
    assert "Ахмед Салех" in str(events[0]["description"])


def test_the_redacted_export_shows_codenames_months_and_nothing_sensitive(
    filled: Vault, tmp_path: Path
) -> None:
    target = tmp_path / "for-funders.json"
    exporting.export(filled, "redacted", target, now=lambda: NOW)
    text = target.read_text("utf-8")
    body = json.loads(text)

    for secret in (
        "Ахмед Салех",
        "אורית כהן",
        "HERON",  # a high-risk actor: left out altogether
        "Met at the port",
        "Dinner",
        "way out",
        "2026-05-17",
        "2026-06-01",
    ):
        assert secret not in text, secret
    assert [a["codename"] for a in body["actors"]] == ["WILLOW"]
    assert body["interactions"] == []  # it involved the high-risk actor
    assert body["readiness_cues"][0]["month"] == "2026-05"
    assert body["processes"][0]["participants"] == [{"codename": "WILLOW", "role": "convenor"}]


def test_an_export_never_writes_over_a_file_and_is_private(filled: Vault, tmp_path: Path) -> None:
    target = tmp_path / "export.json"
    exporting.export(filled, "json", target, i_understand_plaintext=True)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    before = target.read_bytes()
    with pytest.raises(ContactKeeperError, match="already exists"):
        exporting.export(filled, "json", target, i_understand_plaintext=True)
    assert target.read_bytes() == before
