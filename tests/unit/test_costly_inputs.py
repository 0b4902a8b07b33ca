"""Files whose cost their author sets: refused before the work, never blamed on a passphrase.

A backup's age header names its own scrypt work factor (2^22 costs 4 GiB of memory), and a
vCard of a few megabytes can hold millions of folded lines that the vCard parser unfolds in
quadratic time. Each is bounded to what a real file needs and refused, with a message that
says why, before the work starts.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from contactkeeper.errors import BackupDamaged, BackupWrongPassphrase, ImportRefused
from contactkeeper.exchange import age_child, backup, importing, vcard
from contactkeeper.vault import Vault

FIXTURE = Path(__file__).parent.parent / "fixtures" / "backup-v1" / "backup-v1.age"
GOLDEN_PASSPHRASE = "golden backup passphrase v1"
NOW = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
# A refusal must come at once, whatever the machine: far below what the work itself takes.
# Measured in CPU time of this process, so that a busy machine (other work, parallel test
# workers) does not fail it; a parser that went quadratic would take minutes.
QUICK_SECONDS = 3.0


# -- the backup's scrypt work factor ---------------------------------------------------------


def with_work_factor(data: bytes, log2: int) -> bytes:
    """The passphrase backup ``data`` with another scrypt work factor in its header."""
    first, stanza, rest = data.split(b"\n", 2)
    head, _factor = stanza.rsplit(b" ", 1)
    return b"\n".join([first, head + b" " + str(log2).encode(), rest])


@pytest.mark.parametrize("log2", [22, 23, 30, 63])
def test_a_work_factor_above_what_contactkeeper_writes_is_refused_before_deriving(
    log2: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    derivations: list[object] = []
    monkeypatch.setattr(age_child, "decrypt", lambda *a: derivations.append(a))
    hostile = with_work_factor(FIXTURE.read_bytes(), log2)

    with pytest.raises(BackupDamaged) as caught:
        backup.open_backup(hostile, passphrase=GOLDEN_PASSPHRASE)

    assert not isinstance(caught.value, BackupWrongPassphrase)
    assert f"2^{log2}" in str(caught.value)
    assert f"at most 2^{backup.MAX_SCRYPT_LOG2}" in str(caught.value)
    assert derivations == []


def test_the_bound_leaves_room_above_what_contactkeeper_writes() -> None:
    """age picks the factor that takes about a second where the backup is made: 2^19 or
    2^20 on the machines this was measured on (the golden backup has 2^19)."""
    written = int(FIXTURE.read_bytes().split(b"\n")[1].rsplit(b" ", 1)[1])
    assert written == 19
    assert backup.MAX_SCRYPT_LOG2 == 21  # 2 GiB: one step of margin above a fast machine


def test_a_backup_at_the_bound_is_still_read(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[object] = []

    def decrypt(*args: object) -> bytes:
        calls.append(args)
        raise RuntimeError("decryption failed")

    monkeypatch.setattr(age_child, "decrypt", decrypt)
    at_bound = with_work_factor(FIXTURE.read_bytes(), backup.MAX_SCRYPT_LOG2)
    with pytest.raises(BackupWrongPassphrase):
        backup.open_backup(at_bound, passphrase=GOLDEN_PASSPHRASE)
    assert len(calls) == 1


# -- vCards ------------------------------------------------------------------------------------


def folded_quoted_printable(lines: int) -> str:
    """One card whose note is ``lines`` quoted-printable soft line breaks long."""
    return (
        "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Salih\r\nNOTE;ENCODING=QUOTED-PRINTABLE:a=\r\n"
        + "b=\r\n" * lines
        + "c\r\nEND:VCARD\r\n"
    )


def many_properties(count: int) -> str:
    return "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Salih\r\n" + "NOTE:x\r\n" * count + "END:VCARD\r\n"


def many_cards(count: int) -> str:
    return "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nEND:VCARD\r\n" * count


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (folded_quoted_printable(1_000_000), "folded"),
        (many_properties(1_000_000), "lines"),
        (many_cards(600_000), "lines"),
    ],
    ids=["a million folded lines", "a million properties", "600,000 cards"],
)
def test_an_address_book_far_beyond_any_real_one_is_refused_before_parsing(
    vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, reason: str
) -> None:
    path = tmp_path / "contacts.vcf"
    path.write_text(text, encoding="utf-8")
    assert path.stat().st_size < importing.MAX_FILE_BYTES  # within the size already allowed
    parsed: list[object] = []
    monkeypatch.setattr(vcard.vobject, "readOne", lambda *a, **k: parsed.append(a))

    started = time.process_time()
    with pytest.raises(ImportRefused) as caught:
        importing.plan_import(vault, path)

    assert time.process_time() - started < QUICK_SECONDS
    assert parsed == []
    assert reason in str(caught.value)
    assert "Nothing was imported" in str(caught.value)


def test_a_real_sized_address_book_with_a_photo_still_imports(vault: Vault, tmp_path: Path) -> None:
    photo = "QUJD" * 100_000  # 400 KB of base64, folded as Apple folds it
    folded = "\r\n ".join(photo[i : i + 74] for i in range(0, len(photo), 74))
    card = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Layla Haddad\r\nNOTE;CHARSET=UTF-8:"
        + "a long note " * 300
        + "\r\nPHOTO;ENCODING=b;TYPE=JPEG:"
        + folded
        + "\r\nEND:VCARD\r\n"
    )
    others = "".join(
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person {n}\r\nTEL:+961 {n}\r\nEND:VCARD\r\n"
        for n in range(2000)
    )
    path = tmp_path / "contacts.vcf"
    path.write_text(card + others, encoding="utf-8")

    plan = importing.plan_import(vault, path)

    assert len(plan.creates) == 2001
    assert plan.invalid == ()


def test_the_worst_address_book_within_the_bounds_is_read_in_seconds(
    vault: Vault, tmp_path: Path
) -> None:
    """The longest quoted-printable note the bounds let through: parsing it stays quick."""
    breaks = vcard.MAX_SOFT_BREAKS - 1
    width = vcard.MAX_QUOTED_PRINTABLE_CHARS // (breaks + 2) - 2
    note = "=\r\n".join(["a" * width] * (breaks + 1))
    text = (
        "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Salih\r\nNOTE;ENCODING=QUOTED-PRINTABLE:"
        + note
        + "\r\nEND:VCARD\r\n"
    )
    path = tmp_path / "contacts.vcf"
    path.write_text(text, encoding="utf-8")

    started = time.process_time()
    plan = importing.plan_import(vault, path)

    assert time.process_time() - started < QUICK_SECONDS
    assert plan.invalid[0].reason.startswith("the note is")  # read, then judged too long
