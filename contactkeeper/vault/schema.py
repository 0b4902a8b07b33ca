"""The schema a vault's database has, and the Alembic migrations that bring it to the newest.

One place configures Alembic and reads a database's revision, for opening a vault, checking
it, and verifying and restoring backups alike.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError

from contactkeeper.vault.resources import migrations_dir


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    return cfg


def schema_head() -> str:
    """The newest schema revision this version of ContactKeeper makes."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def is_known(revision: str | None) -> bool:
    """Whether ``revision`` is one of this version's migrations (so it can be upgraded)."""
    if revision is None:
        return False
    try:
        return ScriptDirectory.from_config(alembic_config()).get_revision(revision) is not None
    except CommandError:
        return False


def read_revision(cx: Any) -> str | None:
    """The revision recorded in an open (keyed) DB-API connection, or ``None`` if none is."""
    tables = {r[0] for r in cx.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if "alembic_version" not in tables:
        return None
    row = cx.execute("SELECT version_num FROM alembic_version").fetchone()
    return None if row is None else str(row[0])


def upgrade(conn: sa.Connection) -> None:
    """Run every migration from the database's revision to the newest, on ``conn``."""
    cfg = alembic_config()
    cfg.attributes["connection"] = conn
    command.upgrade(cfg, "head")
