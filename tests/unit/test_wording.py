"""Counts agree with their nouns, in the GUI, the CLI and the reports alike."""

from __future__ import annotations

from pathlib import Path

from contactkeeper.exchange import importing
from contactkeeper.records.wording import plural
from contactkeeper.vault import Vault


def test_one_is_singular_and_every_other_count_plural() -> None:
    assert plural(1, "follow-up") == "1 follow-up"
    assert plural(0, "follow-up") == "0 follow-ups"
    assert plural(2, "channel") == "2 channels"
    assert plural(1, "entry", "entries") == "1 entry"
    assert plural(3, "entry", "entries") == "3 entries"
    assert plural(12_500, "actor") == "12,500 actors"


def test_an_import_plan_counts_in_words(vault: Vault, tmp_path: Path) -> None:
    card = tmp_path / "one.vcf"
    card.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Amal Haddad\r\nN:Haddad;Amal;;;\r\n"
        "TEL;TYPE=CELL:+961 1 234 567\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    report = "\n".join(importing.describe_plan(importing.plan_import(vault, card)))
    assert "1 actor to create" in report
    assert "(1 channel)" in report
    assert "(s)" not in report
