"""Likely duplicates are warned about across spellings and scripts: the new-actor and log
dialogs (``actors.similar_names``) and the import preview (``importing.plan_import``)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from contactkeeper.exchange import importing
from contactkeeper.records import actors
from contactkeeper.vault import Vault
from tests.helpers.text import plain

NOW = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)


def similar(vault: Vault, name: str) -> list[str]:
    return [a.display_name for a in actors.similar_names(vault, name, NOW)]


def test_other_spellings_and_scripts_warn_about_the_actor_they_name(vault: Vault) -> None:
    actors.create_actor(
        vault, actors.NewActor("Muhammad Abbas", name_variants=["Mohammed Abbas"]), NOW
    )
    actors.create_actor(vault, actors.NewActor("Hassan Qadri"), NOW)
    actors.create_actor(vault, actors.NewActor("Omar Farouk"), NOW)

    assert similar(vault, "Mohamed Abbas") == ["Muhammad Abbas"]
    assert similar(vault, "محمد عباس") == ["Muhammad Abbas"]
    assert similar(vault, "Hasan Kadri") == ["Hassan Qadri"]
    assert similar(vault, "Umar Faruq") == ["Omar Farouk"]


def test_a_look_alike_of_another_person_is_no_warning(vault: Vault) -> None:
    actors.create_actor(vault, actors.NewActor("Hassan Qadri"), NOW)
    actors.create_actor(vault, actors.NewActor("Amira Said"), NOW)

    assert similar(vault, "Hussein Qadri") == []
    assert similar(vault, "Amir Saad") == []


def test_a_name_variant_in_arabic_script_matches_a_latin_spelling(vault: Vault) -> None:
    actors.create_actor(vault, actors.NewActor("Abu Karim", name_variants=["يوسف الخطيب"]), NOW)

    assert similar(vault, "Youssef El Khatib") == ["Abu Karim"]


def test_the_import_preview_flags_an_entry_spelled_in_another_script(
    vault: Vault, tmp_path: Path
) -> None:
    existing = actors.create_actor(vault, actors.NewActor("Muhammad Abbas"), NOW)
    book = tmp_path / "book.vcf"
    book.write_text(
        "BEGIN:VCARD\nVERSION:3.0\nFN:محمد عباس\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nFN:Hussein Abbas\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nFN:Abd al-Rahman Qadri\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nFN:عبد الرحمن قادري\nEND:VCARD\n",
        encoding="utf-8",
    )
    plan = importing.plan_import(vault, book)

    assert [(d.line, d.actor_id) for d in plan.duplicates] == [(1, existing.id), (13, 0)]
    report = plain("\n".join(importing.describe_plan(plan)))
    assert "line 1: محمد عباس  -- looks like an actor in the vault: Muhammad Abbas" in report
    assert "line 13: عبد الرحمن قادري  -- looks like an earlier entry" in report
