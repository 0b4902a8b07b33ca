"""The "Possible duplicates" list over the whole vault, with the evidence for each pair."""

from __future__ import annotations

from datetime import UTC, datetime

from contactkeeper import records
from contactkeeper.records import actors, channels, duplicates, organizations
from contactkeeper.vault import Vault
from contactkeeper.vault.model import ChannelKind, Sensitivity
from tests.helpers.text import plain

NOW = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)


def actor(
    vault: Vault, name: str, *variants: str, sensitivity: Sensitivity = Sensitivity.NORMAL
) -> int:
    new = actors.NewActor(name, name_variants=variants, sensitivity=sensitivity)
    return actors.create_actor(vault, new, NOW).id


def test_an_actor_entered_twice_in_two_scripts_is_one_pair_with_its_evidence(
    vault: Vault,
) -> None:
    latin = actor(vault, "Muhammad Abbas", "Mohammed Abbas")
    arabic = actor(vault, "محمد عباس")
    actor(vault, "Hussein Abbas")
    actor(vault, "Hassan Qadri")
    council = organizations.create_organization(vault, "Harbour Council")
    for someone in (latin, arabic):
        organizations.add_affiliation(vault, someone, council.id, "Adviser")
    channels.add_channel(vault, latin, NOW, kind=ChannelKind.PHONE, label="mobile: +961 1 234 567")
    channels.add_channel(vault, arabic, NOW, kind=ChannelKind.PHONE, label="+9611234567")
    channels.add_channel(vault, arabic, NOW, kind=ChannelKind.EMAIL, label="m.abbas@example.org")

    pairs = duplicates.possible_duplicates(vault)

    assert [(p.first.actor_id, p.second.actor_id) for p in pairs] == [(latin, arabic)]
    pair = pairs[0]
    assert (pair.first.name, pair.second.name) == ("Muhammad Abbas", "محمد عباس")
    assert "محمد عباس" in pair.spellings
    assert pair.organizations == ("Harbour Council",)
    assert pair.addresses == ("+961 1 234 567",)
    assert "both at Harbour Council" in plain(pair.evidence)


def test_look_alikes_and_namesakes_with_another_family_name_are_no_pair(vault: Vault) -> None:
    for name in (
        "Ali Haddad",
        "Alia Haddad",
        "Hassan Qadri",
        "Hussein Qadri",
        "Yael Cohen",
        "Yoel Cohen",
        "Sergei Ivanov",
        "Sergei Petrov",
        "Karim Nassar",
        "Karima Nassar",
    ):
        actor(vault, name)

    assert duplicates.possible_duplicates(vault) == []


def test_spellings_in_latin_cyrillic_and_hebrew_are_found(vault: Vault) -> None:
    omar = actor(vault, "Omar Farouk")
    umar = actor(vault, "Umar Faruq")
    sergei = actor(vault, "Sergei Ivanov")
    sergey = actor(vault, "Сергей Иванов")
    yitzhak = actor(vault, "Yitzhak Levi")
    hebrew = actor(vault, "יצחק לוי")

    found = {(p.first.actor_id, p.second.actor_id) for p in duplicates.possible_duplicates(vault)}

    assert found == {(omar, umar), (sergei, sergey), (yitzhak, hebrew)}


def test_a_withheld_actor_goes_by_codename_and_its_evidence_is_left_out(vault: Vault) -> None:
    actor(vault, "Muhammad Abbas")
    hidden = actor(vault, "محمد عباس", sensitivity=Sensitivity.HIGH_RISK)
    codename = actors.get_actor(vault, hidden, NOW).codename

    (pair,) = duplicates.possible_duplicates(vault, withheld=records.high_risk_withheld)

    assert pair.second.name == codename
    assert pair.spellings == ""
    assert pair.evidence == ""


def test_phone_numbers_and_emails_are_read_from_channel_labels() -> None:
    assert duplicates.addresses("work: A.Salih@Example.org") == {
        "a.salih@example.org": "A.Salih@Example.org"
    }
    assert duplicates.addresses("mobile: +961 1 234 567") == {"1234567": "+961 1 234 567"}
    assert duplicates.addresses("01 234 567").keys() == {"1234567"}
    assert duplicates.addresses("Signal") == {}
