"""Importing an address book: vCard 2.1/3.0/4.0 and Google/Outlook CSV, into a real vault.

The fixture files in tests/fixtures/import/ are small and handmade after what Apple
Contacts, Android, Google Contacts and Outlook write (see their headers and labels).
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contactkeeper.errors import ContactKeeperError, ImportInvalid
from contactkeeper.exchange import importing
from contactkeeper.records import actors, channels
from contactkeeper.vault import Vault
from contactkeeper.vault.model import ChannelKind

FIXTURES = Path(__file__).parent.parent / "fixtures" / "import"
NOW = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)


def imported(vault: Vault, name: str, **options: bool) -> list[actors.ActorDetail]:
    plan = importing.plan_import(vault, FIXTURES / name)
    ids = importing.apply_import(vault, plan, **options)
    return [actors.get_actor(vault, actor_id, NOW) for actor_id in ids]


def names_in(vault: Vault) -> list[str]:
    return sorted(a.display_name for a in actors.list_actors(vault, NOW))


def channel_labels(vault: Vault, actor_id: int) -> list[tuple[ChannelKind, str]]:
    return [(c.kind, c.label) for c in channels.list_channels(vault, actor_id, NOW)]


def test_an_apple_vcard_brings_names_labels_tags_and_organization(vault: Vault) -> None:
    salih, arabic = imported(vault, "apple-3.0.vcf")

    assert salih.display_name == "Ahmed Salih"
    assert sorted(salih.tags) == ["north", "port"]
    assert salih.notes == (
        "Met at the port in 2024. Prefers tea, not coffee. A long note that Apple folds "
        "across lines."
    )
    assert [(a.organization, a.role) for a in salih.affiliations] == [
        ("Harbour Council", "Adviser to the mayor")
    ]
    assert set(channel_labels(vault, salih.id)) == {
        (ChannelKind.PHONE, "mobile: +961 1 234 567"),
        (ChannelKind.PHONE, "safe line: +961 1 765 432"),
        (ChannelKind.EMAIL, "work: a.salih@example.org"),
    }
    assert arabic.display_name == "أحمد صالح"
    assert [v.name for v in arabic.name_variants] == ["Abu Karim"]


def test_an_android_vcard_2_1_in_quoted_printable_keeps_cyrillic_exactly(vault: Vault) -> None:
    (person,) = imported(vault, "android-2.1.vcf")
    assert person.display_name == "Ахмед Салех"
    assert person.notes == "Café au port, réservé"
    assert set(channel_labels(vault, person.id)) == {
        (ChannelKind.PHONE, "cell: +7 900 123 45 67"),
        (ChannelKind.PHONE, "work: +7 495 000 00 00"),
    }


def test_vcard_4_names_in_other_scripts_become_name_variants(vault: Vault) -> None:
    (orit,) = imported(vault, "altid-4.0.vcf")
    assert orit.display_name == "Orit Cohen"
    assert [(v.name, v.script) for v in orit.name_variants] == [
        ("אורית כהן", "he"),
        ("Орит Коэн", "ru"),
    ]
    assert orit.country == "Israel"
    assert orit.languages == "he, en"


def test_a_google_contacts_csv_is_imported_with_multiline_notes_and_several_phones(
    vault: Vault,
) -> None:
    plan = importing.plan_import(vault, FIXTURES / "google.csv")
    assert plan.layout == "Google CSV"
    assert [(e.line, e.display_name) for e in plan.creates] == [
        (2, "Ахмед Салех"),
        (4, "أحمد صالح"),
        (5, "Dr. Farida Haddad"),
    ]
    salih = actors.get_actor(vault, importing.apply_import(vault, plan)[0], NOW)
    assert salih.notes == "Met at the port.\nSecond line of the note."
    assert list(salih.tags) == ["north"]
    assert [v.name for v in salih.name_variants] == ["Abu Karim"]
    assert set(channel_labels(vault, salih.id)) == {
        (ChannelKind.PHONE, "mobile: +7 900 123 45 67"),
        (ChannelKind.PHONE, "mobile: +7 900 765 43 21"),
        (ChannelKind.EMAIL, "work: a.salih@example.org"),
    }


def test_an_outlook_csv_is_imported(vault: Vault) -> None:
    oleg, miriam = imported(vault, "outlook.csv")
    assert oleg.display_name == "Олег Смирнов"
    assert oleg.country == "Russia"
    assert sorted(oleg.tags) == ["ministry", "north"]
    assert [(a.organization, a.role) for a in oleg.affiliations] == [
        ("Ministry of Ports", "Deputy head")
    ]
    assert miriam.display_name == "Miriam Levi"


def test_names_in_arabic_hebrew_and_cyrillic_survive_every_format_exactly(vault: Vault) -> None:
    for name in ("apple-3.0.vcf", "android-2.1.vcf", "altid-4.0.vcf", "google.csv", "outlook.csv"):
        imported(vault, name)
    names = names_in(vault)
    for expected in ("أحمد صالح", "Ахмед Салех", "Олег Смирнов"):
        assert expected in names
    orit = next(a for a in actors.list_actors(vault, NOW) if a.display_name == "Orit Cohen")
    detail = actors.get_actor(vault, orit.id, NOW)
    assert "אורית כהן" in [v.name for v in detail.name_variants]


def test_the_plan_flags_likely_duplicates_in_other_spellings_and_writes_nothing(
    vault: Vault,
) -> None:
    existing = actors.create_actor(
        vault, actors.NewActor("Ahmed Sálih", name_variants=["احمد صالح"]), NOW
    )
    plan = importing.plan_import(vault, FIXTURES / "apple-3.0.vcf")

    assert names_in(vault) == ["Ahmed Sálih"]
    assert [(d.line, d.actor_id) for d in plan.duplicates] == [(1, existing.id), (18, existing.id)]
    report = "\n".join(importing.describe_plan(plan))
    assert "line 1: Ahmed Salih" in report
    assert "looks like an actor in the vault: Ahmed Sálih" in report


def test_two_entries_of_one_file_for_the_same_person_are_flagged(
    vault: Vault, tmp_path: Path
) -> None:
    twice = tmp_path / "twice.vcf"
    twice.write_text(
        "BEGIN:VCARD\nVERSION:3.0\nFN:Ахмед Салех\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nFN:Ахмед  Салех\nEND:VCARD\n",
        encoding="utf-8",
    )
    plan = importing.plan_import(vault, twice)
    assert [(d.line, d.actor_id) for d in plan.duplicates] == [(5, 0)]
    assert "looks like an earlier entry" in "\n".join(importing.describe_plan(plan))


def test_a_malformed_vcard_file_imports_nothing_and_reports_every_line(vault: Vault) -> None:
    plan = importing.plan_import(vault, FIXTURES / "malformed.vcf")

    assert [(e.line, e.reason) for e in plan.invalid] == [
        (5, "this vCard names only an organization, not a person"),
        (10, "this line is outside any vCard (BEGIN:VCARD ... END:VCARD)"),
        (11, "this vCard has no name (FN or N)"),
        (15, "this vCard has no END:VCARD (the file may be cut short)"),
    ]
    with pytest.raises(ImportInvalid) as caught:
        importing.apply_import(vault, plan)
    assert caught.value.line == 5
    assert names_in(vault) == []


def test_skipping_invalid_entries_imports_the_rest(vault: Vault) -> None:
    plan = importing.plan_import(vault, FIXTURES / "malformed.csv")
    assert [(e.line, e.reason) for e in plan.invalid] == [
        (3, "this row has 6 fields; the header has 5"),
        (4, "this row names only an organization, not a person"),
    ]
    importing.apply_import(vault, plan, skip_invalid=True)
    assert names_in(vault) == ["Another Good", "Good Row"]


def test_skipping_duplicates_leaves_the_existing_actor_alone(vault: Vault) -> None:
    actors.create_actor(vault, actors.NewActor("Ahmed Salih"), NOW)
    plan = importing.plan_import(vault, FIXTURES / "apple-3.0.vcf")
    importing.apply_import(vault, plan, skip_duplicates=True)
    # "أحمد صالح" is Ahmed Salih in Arabic script: a duplicate too.
    assert [d.line for d in plan.duplicates] == [1, 18]
    assert names_in(vault) == ["Ahmed Salih"]


def test_a_csv_from_another_program_is_refused_with_a_reason(vault: Vault, tmp_path: Path) -> None:
    other = tmp_path / "other.csv"
    other.write_text("Full name;Phone\nSomeone;123\n", encoding="utf-8")
    plan = importing.plan_import(vault, other)
    assert plan.creates == ()
    assert plan.invalid[0].line == 1
    assert "neither Google" in plan.invalid[0].reason


def test_a_name_longer_than_the_vault_allows_is_reported_not_cut(
    vault: Vault, tmp_path: Path
) -> None:
    long_card = tmp_path / "long.vcf"
    long_card.write_text(f"BEGIN:VCARD\nVERSION:3.0\nFN:{'x' * 301}\nEND:VCARD\n", encoding="utf-8")
    plan = importing.plan_import(vault, long_card)
    assert [(e.line, e.reason) for e in plan.invalid] == [
        (1, "the name is 301 characters long; at most 300")
    ]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig"])
def test_an_outlook_csv_saved_as_unicode_keeps_every_name(
    vault: Vault, tmp_path: Path, encoding: str
) -> None:
    text = (FIXTURES / "outlook.csv").read_text("utf-8")
    other = tmp_path / "outlook-unicode.csv"
    other.write_bytes(text.encode(encoding))
    plan = importing.plan_import(vault, other)
    assert [e.display_name for e in plan.creates] == ["Олег Смирнов", "Miriam Levi"]


def test_an_old_windows_csv_in_cp1252_keeps_its_accents(vault: Vault, tmp_path: Path) -> None:
    old = tmp_path / "old.csv"
    old.write_bytes("First Name,Last Name,Company\r\nRené,Müller,Café Zürich\r\n".encode("cp1252"))
    (entry,) = importing.plan_import(vault, old).creates
    assert (entry.display_name, entry.organization) == ("René Müller", "Café Zürich")


def test_a_missing_file_is_said_plainly(vault: Vault, tmp_path: Path) -> None:
    with pytest.raises(ContactKeeperError, match="no file"):
        importing.plan_import(vault, tmp_path / "absent.vcf")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    head=st.sampled_from(["BEGIN:VCARD\nVERSION:3.0\n", "First Name,Last Name,Company\n", ""]),
    body=st.text(max_size=200),
)
def test_any_file_gives_a_plan_never_a_crash(head: str, body: str) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "contacts.vcf"
        path.write_text(head + body, encoding="utf-8")
        layout, entries, invalid = importing.read_entries(path)
    assert layout in {"vCard", "Google CSV", "Outlook CSV", "CSV"}
    assert all(isinstance(e, ImportInvalid) and e.line >= 1 for e in invalid)
    assert all(e.display_name.strip() for e in entries)


def test_a_codename_already_in_use_is_not_taken_twice(vault: Vault, tmp_path: Path) -> None:
    actors.create_actor(vault, actors.NewActor("Layla Haddad", codename="AMBER WREN"), NOW)
    card = tmp_path / "card.vcf"
    card.write_text(
        "BEGIN:VCARD\nVERSION:3.0\nFN:Someone Else\nX-CONTACTKEEPER-CODENAME:AMBER WREN\n"
        "END:VCARD\nBEGIN:VCARD\nVERSION:3.0\nFN:Third Person\n"
        "X-CONTACTKEEPER-CODENAME:quiet harbour\nEND:VCARD\n",
        encoding="utf-8",
    )
    other, third = (
        actors.get_actor(vault, i, NOW)
        for i in importing.apply_import(vault, importing.plan_import(vault, card))
    )
    assert other.codename != "AMBER WREN"
    assert third.codename == "QUIET HARBOUR"
