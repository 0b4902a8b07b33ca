"""A backup may hold only the schema ContactKeeper makes: nothing that runs inside the vault.

Anyone with the organisation's public key can make a backup that decrypts, checks out and
counts right. These tests craft such backups from a real vault's copy, with the backup
module's own steps, and put into the copy what an attacker would: triggers, views, extra
indexes and tables, altered columns, a schema revision that does not match the tables. Each
must be refused by ``verify`` (which names what is foreign) and by ``restore`` (which then
changes nothing), and the verification report says the schema is exactly ContactKeeper's.
"""

from __future__ import annotations

import hashlib
import secrets
import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyrage
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contactkeeper.errors import BackupDamaged, BackupForeignSchema
from contactkeeper.exchange import backup, database_copy, exporting, restore
from contactkeeper.exchange.manifest import Manifest, pack_payload
from contactkeeper.records import actors, processes
from contactkeeper.vault import Vault, schema, schema_head
from contactkeeper.vault import connection as database
from contactkeeper.vault.model import Sensitivity
from tests.conftest import FAST_KDF
from tests.unit.test_backup import fill, seal_old_vault

NEW_PASSPHRASE = "the passphrase on the new laptop"
NOW = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _private_app_data(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data-home"))


@pytest.fixture
def keys() -> tuple[str, str]:
    return backup.new_identity()


def file_hashes(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def export_image(vault: Vault, folder: Path) -> tuple[Path, str]:
    """The one-time-keyed copy a backup holds, made with the backup module's own step."""
    image, key_hex = folder / f"image-{secrets.token_hex(4)}.db", secrets.token_hex(32)
    with vault.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        database_copy.attach_and_export(raw, image, key_hex)
    return image, key_hex


def seal(
    image: Path,
    key_hex: str,
    recipient: str,
    statements: tuple[str, ...] = (),
    *,
    writable_schema: bool = False,
    **manifest: Any,
) -> Path:
    """Change the copy with ``statements``, then pack and encrypt it as a backup would be,
    with a manifest that matches what the copy now holds (as an attacker would write it)."""
    cx = database.connect(image, key_hex)
    try:
        if writable_schema:
            cx.execute("PRAGMA writable_schema = ON")
        for statement in statements:
            cx.execute(statement)
        if writable_schema:
            cx.execute("PRAGMA writable_schema = OFF")
        cx.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        cx.execute("PRAGMA journal_mode = DELETE")
    finally:
        cx.close()
    data = image.read_bytes()
    fields: dict[str, Any] = {
        "format_version": 1,
        "vault_id": "a-vault-id",
        "schema_revision": database_copy.revision(image, key_hex),
        "app_version": "0.1.0",
        "created_at": NOW,
        "counts": database_copy.counts(image, key_hex),
        "database_sha256": hashlib.sha256(data).hexdigest(),
        "database_bytes": len(data),
        "database_key": key_hex,
    }
    payload = pack_payload(Manifest(**(fields | manifest)), data)
    target = image.with_suffix(".age")
    target.write_bytes(pyrage.encrypt(payload, [pyrage.x25519.Recipient.from_str(recipient)]))
    return target


@pytest.fixture
def source(vault: Vault, tmp_path: Path) -> Path:
    """A clean copy of a filled vault; each test changes its own copy of it."""
    fill(vault)
    image, key_hex = export_image(vault, tmp_path)
    (tmp_path / "source.key").write_text(key_hex)
    return image


def copy_of(source: Path) -> tuple[Path, str]:
    target = source.with_name(f"copy-{secrets.token_hex(4)}.db")
    shutil.copyfile(source, target)
    return target, source.with_name("source.key").read_text()


# The attack from the review: a trigger that copies a high-risk actor's notes, whenever they
# change, into the name of every process, which the redacted export (made for funders and
# colleagues) shows in clear.
LEAK = (
    "CREATE TRIGGER keep_names_in_step AFTER UPDATE OF notes ON actors "
    "WHEN NEW.sensitivity = 'high-risk' "
    "BEGIN UPDATE processes SET name = substr(NEW.notes, 1, 300); END"
)
assert Sensitivity.HIGH_RISK.value == "high-risk"


def test_the_leaking_trigger_would_carry_high_risk_notes_into_the_redacted_export(
    vault: Vault, tmp_path: Path
) -> None:
    """Why the check exists: the trigger does what the review says once it is in a vault
    (put here by hand, on a throwaway vault, to show it, not through a restore)."""
    hidden = actors.NewActor("Hidden Name", codename="HERON", sensitivity=Sensitivity.HIGH_RISK)
    heron = actors.create_actor(vault, hidden, NOW)
    processes.create_process(vault, "Coastal talks")
    with vault.engine.begin() as conn:
        conn.exec_driver_sql(LEAK)
    actors.update_actor(vault, heron.id, NOW, notes="meets the envoy on Tuesday")
    out = tmp_path / "for-funders.json"
    exporting.export(vault, "redacted", out)
    assert "meets the envoy on Tuesday" in out.read_text("utf-8")


def test_a_backup_with_a_leaking_trigger_is_refused_by_verify_and_restore(
    source: Path, keys: tuple[str, str], make_vault: Any
) -> None:
    image, key_hex = copy_of(source)
    hostile = seal(image, key_hex, keys[1], (LEAK,))
    current = make_vault("current")
    current.close()
    before = file_hashes(current.path)

    with pytest.raises(BackupForeignSchema) as caught:
        backup.verify_backup(hostile, identities=[keys[0]])
    assert "trigger keep_names_in_step on actors" in str(caught.value)
    assert f"schema revision {schema_head()}" in str(caught.value)

    with pytest.raises(BackupForeignSchema):
        backup.restore_backup(
            hostile, current.path, NEW_PASSPHRASE, identities=[keys[0]], kdf=FAST_KDF,
            confirmed=True,
        )  # fmt: skip
    assert file_hashes(current.path) == before
    assert not backup.pre_restore_path(current.path).exists()
    assert [p.name for p in current.path.parent.iterdir() if p.name.startswith(".")] == []


@pytest.mark.parametrize(
    ("statements", "named"),
    [
        (("CREATE VIEW actors_by_codename AS SELECT codename, notes FROM actors",),
         "a foreign view actors_by_codename"),
        (("CREATE INDEX ix_actors_notes ON actors(notes)",),
         "a foreign index ix_actors_notes on actors"),
        (("CREATE TABLE mailbox(body TEXT)",), "a foreign table mailbox"),
        (("ALTER TABLE actors ADD COLUMN relay TEXT DEFAULT 'x'",), "an altered table actors"),
        (("DROP INDEX ix_trash_deleted_at",), "no index ix_trash_deleted_at on trash"),
        (
            ("DROP TRIGGER interactions_pass_time_to_participants",
             "CREATE TRIGGER interactions_pass_time_to_participants AFTER UPDATE OF occurred_at "
             "ON interactions BEGIN UPDATE processes SET name = NEW.summary; END"),
            "an altered trigger interactions_pass_time_to_participants on interactions",
        ),
    ],
    ids=["view", "index", "table", "added column", "dropped index", "altered trigger"],
)  # fmt: skip
def test_foreign_or_altered_objects_are_named_and_refused(
    source: Path, keys: tuple[str, str], statements: tuple[str, ...], named: str
) -> None:
    image, key_hex = copy_of(source)
    hostile = seal(image, key_hex, keys[1], statements)
    with pytest.raises(BackupForeignSchema) as caught:
        backup.verify_backup(hostile, identities=[keys[0]])
    assert named in str(caught.value)


def test_a_column_definition_rewritten_in_the_table_of_contents_is_refused(
    source: Path, keys: tuple[str, str]
) -> None:
    """A hand-edited ``sqlite_master``: the column now fills itself with another's value."""
    image, key_hex = copy_of(source)
    hostile = seal(
        image,
        key_hex,
        keys[1],
        (
            "UPDATE sqlite_master SET sql = replace(sql, 'languages VARCHAR(200) NOT NULL', "
            "'languages VARCHAR(200) NOT NULL DEFAULT (random())') WHERE name = 'actors'",
        ),
        writable_schema=True,
    )
    with pytest.raises(BackupForeignSchema, match="an altered table actors"):
        backup.verify_backup(hostile, identities=[keys[0]])


def test_a_backup_claiming_an_older_schema_than_its_tables_fails_verification(
    source: Path, keys: tuple[str, str], tmp_path: Path
) -> None:
    """Such a backup used to verify, then fail to restore halfway through its upgrade."""
    image, key_hex = copy_of(source)
    hostile = seal(image, key_hex, keys[1], ("UPDATE alembic_version SET version_num = '0001'",))
    with pytest.raises(BackupForeignSchema, match="revision 0001"):
        backup.verify_backup(hostile, identities=[keys[0]])
    with pytest.raises(BackupForeignSchema):
        backup.restore_backup(
            hostile, tmp_path / "new", NEW_PASSPHRASE, identities=[keys[0]], kdf=FAST_KDF
        )
    assert not (tmp_path / "new").exists()


def test_the_verification_report_says_the_schema_is_exactly_contactkeepers(
    source: Path, keys: tuple[str, str], tmp_path: Path
) -> None:
    image, key_hex = copy_of(source)
    report = backup.verify_backup(seal(image, key_hex, keys[1]), identities=[keys[0]])
    assert report.schema_line == (
        f"Schema: exactly as ContactKeeper makes it at revision {schema_head()}"
    )
    old = backup.verify_backup(seal_old_vault(tmp_path, keys[1]), identities=[keys[0]])
    assert old.schema_line == (
        "Schema: exactly as ContactKeeper makes it at revision 0001, and it upgrades "
        f"cleanly to {schema_head()}"
    )


def test_an_older_backup_whose_upgrade_would_fail_fails_verification(
    tmp_path: Path, keys: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Verify runs the upgrade a restore would run (on its throwaway copy), so a backup that
    could not be restored does not pass as intact."""
    old = seal_old_vault(tmp_path, keys[1])
    real = restore._upgrade_copy

    def failing_upgrade(conn: Any) -> None:
        conn.exec_driver_sql("INSERT INTO alembic_version VALUES ('a second head')")
        real(conn)

    monkeypatch.setattr(restore, "_upgrade_copy", failing_upgrade)
    with pytest.raises(BackupDamaged, match="cannot be brought up to"):
        backup.verify_backup(old, identities=[keys[0]])


# -- fuzz-ish: many shapes of foreign object, each named ------------------------------------

TABLES = ("actors", "interactions", "processes", "channels", "follow_ups", "trash")
NAMES = st.text(alphabet=st.sampled_from("abcxyz_0123\u202e\u200fé"), min_size=1, max_size=12).map(
    lambda s: "t_" + s
)


@st.composite
def foreign_objects(draw: st.DrawFn) -> tuple[str, str, str]:
    """(statement, kind, name) of one foreign object on a real table."""
    name = draw(NAMES)
    table = draw(st.sampled_from(TABLES))
    quoted = '"' + name.replace('"', '""') + '"'
    kind = draw(st.sampled_from(["trigger", "view", "index", "table"]))
    if kind == "trigger":
        timing = draw(st.sampled_from(["BEFORE", "AFTER"]))
        event = draw(st.sampled_from(["INSERT", "DELETE", "UPDATE"]))
        sql = f"CREATE TRIGGER {quoted} {timing} {event} ON {table} BEGIN SELECT 1; END"
    elif kind == "view":
        sql = f"CREATE VIEW {quoted} AS SELECT * FROM {table}"  # noqa: S608
    elif kind == "index":
        sql = f"CREATE INDEX {quoted} ON {table}(id)"
    else:
        sql = f"CREATE TABLE {quoted}(x, y DEFAULT (random()))"
    return sql, kind, name


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow,
          HealthCheck.function_scoped_fixture])  # fmt: skip
@given(found=foreign_objects())
def test_any_foreign_trigger_view_index_or_table_is_refused_and_named(
    source: Path, keys: tuple[str, str], found: tuple[str, str, str]
) -> None:
    statement, kind, name = found
    image, key_hex = copy_of(source)
    hostile = seal(image, key_hex, keys[1], (statement,))
    with pytest.raises(BackupForeignSchema) as caught:
        backup.verify_backup(hostile, identities=[keys[0]])
    message = str(caught.value)
    assert f"a foreign {kind} {schema.printable(name)}" in message
    assert "\u202e" not in message
    assert "\u200f" not in message


def test_normalising_keeps_quoted_text_and_ignores_only_spacing_and_case() -> None:
    assert schema.normalise("CREATE  TABLE x ( a  INT )") == schema.normalise(
        "create table x(a int)"
    )
    assert schema.normalise("CREATE TABLE x(a DEFAULT 'A  b')") != schema.normalise(
        "CREATE TABLE x(a DEFAULT 'a b')"
    )
    assert schema.normalise("CREATE TABLE x(a) -- note\n") == schema.normalise("CREATE TABLE x(a)")
