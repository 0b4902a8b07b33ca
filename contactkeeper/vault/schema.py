"""The schema a vault's database has, the Alembic migrations that bring it to the newest,
and a check that a database holds exactly the schema ContactKeeper makes.

One place configures Alembic and reads a database's revision, for opening a vault, checking
it, and verifying and restoring backups alike.

A database ContactKeeper did not make itself (a backup's copy, above all) can carry objects
that run later inside the vault it becomes: a trigger that copies a high-risk actor's notes
into a field the redacted export shows, a view, an index or a column default. Every table,
index, trigger and view of such a database is compared with those the migrations make at
the same schema revision; anything else is refused, and the refusal names what is foreign.

The reference is made on the spot: a fresh, empty database in memory, brought to the
revision by the migrations themselves (it holds no record, only the schema and the built-in
kinds of readiness cue), so there is no list of definitions to keep in step by hand.
Definitions are compared after a normalisation that changes no meaning (runs of spaces,
spaces around brackets and commas, and the case of words outside quotes), never inside
quoted text.
"""

from __future__ import annotations

import functools
import threading
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
import sqlcipher3
from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy.pool import StaticPool

from contactkeeper.i18n import _, ngettext, number, pgettext
from contactkeeper.vault.resources import migrations_dir

MIGRATIONS_LOCK = threading.RLock()


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
    """Run every migration from the database's revision to the newest, on ``conn`` (one
    migration run at a time: Alembic's operations are module-level state)."""
    with MIGRATIONS_LOCK:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


# How many differences a message names before it says "and N more".
MAX_NAMED = 5
MAX_NAME_CHARS = 60

_QUOTES = {"'": "'", '"': '"', "`": "`", "[": "]"}
_TIGHT = frozenset("(),;=")

Key = tuple[str, str]  # (type, name), the name folded to lower case as SQLite compares it


@dataclass(frozen=True)
class SchemaObject:
    type: str  # table, index, trigger, view
    name: str
    table: str
    sql: str | None  # normalised; None for SQLite's own automatic indexes
    text: str | None = field(default=None, compare=False)  # as written, to make it again


@dataclass(frozen=True)
class SchemaDifference:
    """What differs from the schema ContactKeeper makes: ``foreign`` (there, but ContactKeeper
    makes no such object), ``altered`` (its definition differs) or ``missing``."""

    kind: str
    object: SchemaObject

    def describe(self) -> str:
        obj = self.object
        phrase = _difference_phrases().get((self.kind, obj.type))
        if phrase is None:  # a type SQLite may add one day: named as SQLite names it
            phrase = {
                "foreign": _("a foreign {type} {name}"),
                "altered": _("an altered {type} {name}"),
            }.get(self.kind, _("no {type} {name}"))
        what = phrase.format(type=obj.type, name=printable(obj.name))
        if obj.type in ("index", "trigger") and obj.table.lower() != obj.name.lower():
            # Translators: {what} is "a foreign trigger x", {table} the table it is on.
            what = _("{what} on {table}").format(what=what, table=printable(obj.table))
        return what


def _difference_phrases() -> dict[tuple[str, str], str]:
    """How each kind of difference of each type of object is worded (whole phrases: a
    translator agrees the adjective with the noun)."""
    return {
        ("foreign", "table"): _("a foreign table {name}"),
        ("foreign", "index"): _("a foreign index {name}"),
        ("foreign", "trigger"): _("a foreign trigger {name}"),
        ("foreign", "view"): _("a foreign view {name}"),
        ("altered", "table"): _("an altered table {name}"),
        ("altered", "index"): _("an altered index {name}"),
        ("altered", "trigger"): _("an altered trigger {name}"),
        ("altered", "view"): _("an altered view {name}"),
        ("missing", "table"): _("no table {name}"),
        ("missing", "index"): _("no index {name}"),
        ("missing", "trigger"): _("no trigger {name}"),
        ("missing", "view"): _("no view {name}"),
    }


def printable(text: str) -> str:
    """A name from a database we did not make, safe to show: control and format characters
    (escape sequences, bidi overrides) escaped, and cut short."""
    out = []
    for char in text[:MAX_NAME_CHARS]:
        category = unicodedata.category(char)
        if category[0] in "CZ" and char != " ":
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return "".join(out) + ("…" if len(text) > MAX_NAME_CHARS else "")


def normalise(sql: str | None) -> str | None:
    """``sql`` with spacing and the case of unquoted words made uniform; quoted text kept."""
    if sql is None:
        return None
    out: list[str] = []
    i, n = 0, len(sql)
    pending_space = False
    while i < n:
        char = sql[i]
        if char in _QUOTES:
            close = _QUOTES[char]
            end = i + 1
            while end < n:
                if sql[end] == close:
                    if close != "]" and end + 1 < n and sql[end + 1] == close:
                        end += 2  # a doubled quote inside quoted text
                        continue
                    break
                end += 1
            token = sql[i : end + 1]
            i = end + 1
        elif char.isspace():
            pending_space = True
            i += 1
            continue
        elif sql.startswith("--", i):
            end = sql.find("\n", i)
            i = n if end < 0 else end + 1
            pending_space = True
            continue
        elif sql.startswith("/*", i):
            end = sql.find("*/", i + 2)
            i = n if end < 0 else end + 2
            pending_space = True
            continue
        else:
            token = char.lower()
            i += 1
        if pending_space and out and token not in _TIGHT and out[-1] not in _TIGHT:
            out.append(" ")
        pending_space = False
        out.append(token)
    return "".join(out)


def read_schema(cx: Any) -> dict[Key, SchemaObject]:
    """Every object in a database's ``sqlite_master`` (a DB-API connection), normalised."""
    rows = cx.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    found: dict[Key, SchemaObject] = {}
    for kind, name, table, sql in rows:
        text = None if sql is None else str(sql)
        obj = SchemaObject(str(kind), str(name), str(table), normalise(text), text)
        key = (obj.type, obj.name.lower())
        if key in found:  # two rows under one name: only a forged table of contents
            found[(obj.type, f"{obj.name.lower()}\x00{len(found)}")] = obj
        else:
            found[key] = obj
    return found


def differences(
    actual: Mapping[Key, SchemaObject], expected: Mapping[Key, SchemaObject]
) -> list[SchemaDifference]:
    """What in ``actual`` is not exactly ``expected``: foreign, altered, then missing."""
    found = []
    for key, obj in actual.items():
        reference = expected.get(key)
        if reference is None:
            found.append(SchemaDifference("foreign", obj))
        elif (obj.table.lower(), obj.sql) != (reference.table.lower(), reference.sql):
            found.append(SchemaDifference("altered", obj))
    found += [SchemaDifference("missing", o) for key, o in expected.items() if key not in actual]
    order = {"foreign": 0, "altered": 1, "missing": 2}
    return sorted(found, key=lambda d: (order[d.kind], d.object.type, d.object.name))


def describe(found: Iterable[SchemaDifference]) -> str:
    """The differences as one phrase: 'a foreign trigger x on actors, an altered table y'."""
    items = [d.describe() for d in found]
    text = pgettext("list separator", ", ").join(items[:MAX_NAMED])
    if len(items) > MAX_NAMED:
        more = len(items) - MAX_NAMED
        # Translators: {named} lists the first differences found; {n} how many more.
        text = ngettext("{named} and {n} more", "{named} and {n} more", more).format(
            named=text, n=number(more)
        )
    return text


# -- the reference ---------------------------------------------------------------------------


def expected_schema(revision: str) -> dict[Key, SchemaObject]:
    """The schema the migrations make at ``revision`` (a known one), normalised."""
    with MIGRATIONS_LOCK:
        return dict(_expected(revision))


@functools.lru_cache(maxsize=8)
def _expected(revision: str) -> tuple[tuple[Key, SchemaObject], ...]:
    if not is_known(revision):
        raise ValueError(f"unknown schema revision {revision!r}")

    def memory() -> Any:
        cx = sqlcipher3.connect(":memory:", check_same_thread=False)
        cx.isolation_level = None
        cx.execute("PRAGMA foreign_keys = ON")
        return cx

    engine = sa.create_engine("sqlite://", module=sqlcipher3, creator=memory, poolclass=StaticPool)
    sa.event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN"))
    try:
        with engine.begin() as conn:
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
        with engine.connect() as conn:
            raw = conn.connection.dbapi_connection
            return tuple(sorted(read_schema(raw).items()))
    finally:
        engine.dispose()


def check(cx: Any, revision: str) -> list[SchemaDifference]:
    """How the database behind ``cx`` differs from ContactKeeper's schema at ``revision``."""
    return differences(read_schema(cx), expected_schema(revision))


__all__ = [
    "SchemaDifference",
    "SchemaObject",
    "check",
    "describe",
    "differences",
    "expected_schema",
    "is_known",
    "normalise",
    "printable",
    "read_schema",
]
