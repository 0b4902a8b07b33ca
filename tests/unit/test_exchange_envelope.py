"""Colleague cards, fingerprints and the bundle envelope: sealed by one vault, opened only
by the colleagues it was made for, refused whole on any doubt."""

from __future__ import annotations

import json
import struct
from collections.abc import Callable
from datetime import UTC, datetime

import pyrage  # type: ignore[import-untyped]
import pytest

from contactkeeper.errors import (
    BundleAlreadyReceived,
    BundleNotForUs,
    BundleTampered,
    BundleUnknownSender,
    BundleUnreadable,
    CardInvalid,
    ColleagueIsSelf,
    ColleagueKnown,
    ExchangeError,
)
from contactkeeper.exchange.team import colleagues, envelope, identity
from contactkeeper.exchange.team.identity import Card, parse_card
from contactkeeper.vault import Vault, strict_json

NOW = datetime(2026, 12, 2, 17, 30, tzinfo=UTC)
PAYLOAD = b'{"records": "a small payload"}'


def befriend(a: Vault, b: Vault, name_of_b: str = "Omar") -> colleagues.ColleagueInfo:
    """``b`` becomes a colleague of ``a`` (the fingerprint read and confirmed)."""
    return colleagues.add_colleague(
        a, parse_card(identity.own_card(b).text()), now=NOW, name=name_of_b
    )


@pytest.fixture
def pair(make_vault: Callable[..., Vault]) -> tuple[Vault, Vault]:
    amal, omar = make_vault("amal"), make_vault("omar")
    identity.set_card_name(amal, "Amal")
    identity.set_card_name(omar, "Omar")
    befriend(amal, omar, "Omar")
    befriend(omar, amal, "Amal")
    return amal, omar


def sealed_for(sender: Vault, payload: bytes = PAYLOAD) -> envelope.SealedBundle:
    ids = [c.id for c in colleagues.list_colleagues(sender)]
    return envelope.seal(sender, payload, ids, now=NOW)


# -- cards and fingerprints ------------------------------------------------------------


def test_a_vault_makes_its_keys_once_and_its_card_reads_back(vault: Vault) -> None:
    card = identity.own_card(vault)
    assert card == identity.own_card(vault)  # made on first use, then kept
    identity.set_card_name(vault, "Amal Haddad")
    text = identity.own_card(vault).text()
    assert text.startswith("ContactKeeper colleague card 1\nname: Amal Haddad\nage: age1")
    assert parse_card(text) == Card("Amal Haddad", card.age_recipient, card.verify_key)


def test_a_fingerprint_is_thirty_digits_in_six_groups_and_differs_per_vault(
    make_vault: Callable[..., Vault],
) -> None:
    one, two = identity.own_card(make_vault("one")), identity.own_card(make_vault("two"))
    groups = one.fingerprint.split(" ")
    assert len(groups) == 6
    assert all(len(g) == 5 and g.isdigit() for g in groups)
    assert one.fingerprint != two.fingerprint
    assert identity.fingerprint(one.age_recipient, one.verify_key) == one.fingerprint


def test_a_card_pasted_with_blank_lines_and_spaces_still_reads(vault: Vault) -> None:
    card = identity.own_card(vault)
    messy = "\r\n\n   " + card.text().replace("\n", "  \r\n\n") + "\n\n"
    assert parse_card(messy).verify_key == card.verify_key


def test_the_card_text_fits_in_a_qr_code(vault: Vault) -> None:
    matrix = identity.own_card(vault).qr_matrix()
    assert len(matrix) == len(matrix[0]) >= 29
    assert any(any(row) for row in matrix)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "hello",
        "ContactKeeper colleague card 2\nage: x\ned25519: y",
        "ContactKeeper colleague card 1\nname: A\ned25519: AAAA",
        "ContactKeeper colleague card 1\nage: age1notakey\ned25519: " + "A" * 43 + "=",
        "ContactKeeper colleague card 1\n" + "name: A\n" * 2,
        "ContactKeeper colleague card 1\nsecret: 1",
        "ContactKeeper colleague card 1\n" + "x" * 5000,
        "ContactKeeper colleague card 1\n" + "\n".join(f"name: {i}" for i in range(40)),
    ],
    ids=[
        "empty",
        "prose",
        "newer",
        "no-age",
        "bad-age",
        "repeated",
        "unknown",
        "huge",
        "many-lines",
    ],
)
def test_text_that_is_not_a_card_is_refused(text: str) -> None:
    with pytest.raises(CardInvalid):
        parse_card(text)


def test_a_wrong_signing_key_on_a_card_is_refused(vault: Vault) -> None:
    card = identity.own_card(vault)
    bad = card.text().replace(card.verify_key, "!" * 43 + "=")
    with pytest.raises(CardInvalid):
        parse_card(bad)


def test_a_name_on_a_card_cannot_drive_a_terminal_or_flip_text(vault: Vault) -> None:
    card = identity.own_card(vault)
    text = card.text().replace("name: ", "name: Am\x1b[31mal\u202eX")
    assert parse_card(text).name == "Am[31malX"


def test_adding_a_colleague_keeps_their_fingerprint_and_when_it_was_confirmed(
    make_vault: Callable[..., Vault],
) -> None:
    amal, omar = make_vault("amal"), make_vault("omar")
    added = befriend(amal, omar, "Omar Khalil")
    assert added.fingerprint == identity.own_card(omar).fingerprint
    assert added.confirmed_at == NOW
    assert added.added_at == NOW
    assert [c.name for c in colleagues.list_colleagues(amal)] == ["Omar Khalil"]
    with pytest.raises(ColleagueKnown):
        befriend(amal, omar, "Omar again")
    with pytest.raises(ColleagueIsSelf):
        colleagues.add_colleague(amal, identity.own_card(amal), now=NOW, name="Me")


# -- sealing and opening --------------------------------------------------------------


def test_a_bundle_opens_for_its_colleague_with_its_payload_and_sender(
    pair: tuple[Vault, Vault],
) -> None:
    amal, omar = pair
    bundle = sealed_for(amal)
    assert PAYLOAD not in bundle.data
    opened = envelope.open_bundle(omar, bundle.data)
    assert opened.payload == PAYLOAD
    assert opened.sender.name == "Amal"
    assert opened.bundle_id == bundle.bundle_id
    assert opened.created_at == NOW


def test_a_bundle_from_someone_not_a_colleague_is_refused(
    pair: tuple[Vault, Vault], make_vault: Callable[..., Vault]
) -> None:
    _amal, omar = pair
    stranger = make_vault("stranger")
    befriend(stranger, omar)  # the stranger knows Omar's card; Omar never added theirs
    with pytest.raises(BundleUnknownSender):
        envelope.open_bundle(omar, sealed_for(stranger).data)


def test_a_bundle_for_someone_else_is_refused(
    pair: tuple[Vault, Vault], make_vault: Callable[..., Vault]
) -> None:
    amal, omar = pair
    rania = make_vault("rania")
    befriend(rania, amal)
    befriend(amal, rania, "Rania")
    rania_id = next(c.id for c in colleagues.list_colleagues(amal) if c.name == "Rania")
    for_rania = envelope.seal(amal, PAYLOAD, [rania_id], now=NOW)
    with pytest.raises(BundleNotForUs):
        envelope.open_bundle(omar, for_rania.data)
    assert envelope.open_bundle(rania, for_rania.data).payload == PAYLOAD


def test_a_bundle_forwarded_by_a_recipient_to_a_third_person_is_refused(
    pair: tuple[Vault, Vault], make_vault: Callable[..., Vault]
) -> None:
    """Omar decrypts Amal's bundle and encrypts it again to Rania: the signed recipients
    still say Omar only, so Rania refuses it although Amal is her colleague too."""
    amal, omar = pair
    rania = make_vault("rania")
    befriend(rania, amal, "Amal")
    bundle = sealed_for(amal)
    inner = pyrage.decrypt(bundle.data, [identity.own_keys(omar).identity()])
    forwarded = pyrage.encrypt(
        inner, [pyrage.x25519.Recipient.from_str(identity.own_card(rania).age_recipient)]
    )
    with pytest.raises(BundleNotForUs, match="not among the colleagues it was signed for"):
        envelope.open_bundle(rania, forwarded)


def test_every_flipped_byte_of_a_small_bundle_is_refused(pair: tuple[Vault, Vault]) -> None:
    amal, omar = pair
    data = sealed_for(amal).data
    assert len(data) < 2000
    for position in range(len(data)):
        for bit in (0x01, 0x80):
            damaged = bytearray(data)
            damaged[position] ^= bit
            with pytest.raises(ExchangeError) as refused:
                envelope.open_bundle(omar, bytes(damaged))
            assert isinstance(refused.value, BundleTampered | BundleUnreadable | BundleNotForUs), (
                position
            )
    assert envelope.open_bundle(omar, data).payload == PAYLOAD  # the original still opens


def test_a_truncated_or_extended_bundle_is_refused(pair: tuple[Vault, Vault]) -> None:
    amal, omar = pair
    data = sealed_for(amal).data
    for cut in (0, 1, 30, len(data) // 2, len(data) - 17, len(data) - 1):
        with pytest.raises(ExchangeError):
            envelope.open_bundle(omar, data[:cut])
    for extra in (b"\x00", b"x" * 100):
        with pytest.raises(ExchangeError):
            envelope.open_bundle(omar, data + extra)


def _resealed(sender: Vault, recipient: Vault, edit: Callable[[bytes], bytes]) -> bytes:
    """A bundle from ``sender`` decrypted, changed by ``edit`` and encrypted again to
    ``recipient``: what someone holding a recipient's key could make."""
    inner = pyrage.decrypt(sealed_for(sender).data, [identity.own_keys(recipient).identity()])
    card = identity.own_card(recipient)
    resealed: bytes = pyrage.encrypt(
        edit(inner), [pyrage.x25519.Recipient.from_str(card.age_recipient)]
    )
    return resealed


def _with_header(inner: bytes, change: Callable[[dict[str, object]], object]) -> bytes:
    start = len(envelope.MAGIC)
    (length,) = struct.unpack_from(">I", inner, start)
    header = json.loads(inner[start + 4 : start + 4 + length])
    new = strict_json.canonical(change(header))
    return inner[:start] + struct.pack(">I", len(new)) + new + inner[start + 4 + length :]


@pytest.mark.parametrize(
    "edit",
    [
        lambda inner: inner + b"more",
        lambda inner: inner[:-1],
        lambda inner: _with_header(inner, lambda h: {**h, "created": "2030-01-01T00:00:00Z"}),
        lambda inner: _with_header(inner, lambda h: {**h, "extra": 1}),
        lambda inner: _with_header(inner, lambda h: {**h, "payload": {"sha256": "0" * 64}}),
        lambda inner: _with_header(inner, lambda h: [h] * 3),
        lambda inner: _with_header(inner, lambda h: {**h, "recipients": "everyone"}),
        lambda inner: inner[:23] + struct.pack(">I", 2**31) + inner[27:],
        lambda inner: inner[:23] + b"\x00\x00\x00\x05[[[[[" + b"\x00" * 64,
        lambda inner: inner[:27] + b"[" * 5000,
        lambda inner: b"contactkeeper-bundle/9\n" + inner[23:],
        lambda inner: b"",
    ],
    ids=[
        "appended",
        "cut",
        "time",
        "extra-field",
        "payload-field",
        "wrong-type",
        "recipients-type",
        "huge-length",
        "nested",
        "deep",
        "newer",
        "empty",
    ],
)
def test_content_changed_inside_the_encryption_is_refused(
    pair: tuple[Vault, Vault], edit: Callable[[bytes], bytes]
) -> None:
    amal, omar = pair
    with pytest.raises((BundleTampered, BundleUnreadable)):
        envelope.open_bundle(omar, _resealed(amal, omar, edit))


def test_a_file_that_is_no_bundle_is_refused_before_any_work(vault: Vault) -> None:
    for data in (b"", b"hello", b"age-encryption.org/v1\n" + b"-> X25519 a\n" * 500):
        with pytest.raises(BundleUnreadable):
            envelope.open_bundle(vault, data)
    # An age file for a passphrase (header only: it is refused before any key derivation).
    passphrase_file = (
        b"age-encryption.org/v1\n-> scrypt "
        + b"A" * 22
        + b" 18\n"
        + b"A" * 43
        + b"\n--- "
        + b"A" * 43
        + b"\n"
        + b"\x00" * 64
    )
    with pytest.raises(BundleNotForUs, match="passphrase"):
        envelope.open_bundle(vault, passphrase_file)


def test_a_received_bundle_received_again_is_refused_and_says_when(
    pair: tuple[Vault, Vault],
) -> None:
    amal, omar = pair
    bundle = sealed_for(amal)
    opened = envelope.open_bundle(omar, bundle.data)
    envelope.mark_received(omar, opened, now=NOW)
    with pytest.raises(BundleAlreadyReceived, match="2 December 2026"):
        envelope.open_bundle(omar, bundle.data)
    assert envelope.received_count(omar, opened.sender.id) == 1


def test_a_bundle_file_is_read_only_from_a_plain_file(
    pair: tuple[Vault, Vault], tmp_path: object
) -> None:
    from pathlib import Path

    assert isinstance(tmp_path, Path)
    amal, omar = pair
    path = tmp_path / "to-omar.ckbundle"
    envelope.write_bundle_file(path, sealed_for(amal))
    assert envelope.open_bundle(omar, envelope.read_bundle_file(path)).payload == PAYLOAD
    link = tmp_path / "link.ckbundle"
    link.symlink_to(path)
    with pytest.raises(BundleUnreadable, match="symbolic link"):
        envelope.read_bundle_file(link)
    with pytest.raises(BundleUnreadable):
        envelope.read_bundle_file(tmp_path)


def test_the_documented_card_and_its_fingerprint_agree() -> None:
    """docs/exchange-format.md's example is a test vector: a reader without ContactKeeper
    who computes the fingerprint as described gets the digits printed there."""
    from pathlib import Path

    doc = (Path(__file__).parents[2] / "docs" / "exchange-format.md").read_text("utf-8")
    example = doc.split("```\nContactKeeper colleague card 1\n", 1)[1].split("```", 1)[0]
    card = parse_card("ContactKeeper colleague card 1\n" + example)
    assert card.name == "Amal Haddad"
    assert f"`{card.fingerprint}`" in doc
    assert card.fingerprint == "10000 89460 94128 64176 13639 60081"
