"""The search index keeps no copy of its text (migration 0010), and searches as before."""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import command

from contactkeeper.records import search, trash
from contactkeeper.vault import Vault, schema, schema_head
from contactkeeper.vault.model import (
    Actor,
    Interaction,
    InteractionKind,
    NameVariant,
    Organization,
    OrganizationKind,
    Tag,
)

QUERIES = ["a", "ka", "karim", "nass", "محمد", "mohamed", "כהן", "иван", "water", "wat", "addad"]


def _fill(vault: Vault) -> dict[str, int]:
    with vault.transaction() as session:
        karim = Actor(display_name="Karim Nassar", codename="EGRET", notes="Water rights talks")
        karim.name_variants = [NameVariant(name="كريم نصار")]
        karim.tags = [Tag(name="water")]
        layla = Actor(display_name="Layla Haddad", codename="HERON", country="Lebanon")
        muhammad = Actor(display_name="Muhammad Abbas", codename="IBIS")
        muhammad.name_variants = [NameVariant(name="محمد عباس")]
        session.add_all(
            [
                karim,
                layla,
                muhammad,
                Actor(display_name="Yael Cohen", codename="KITE", notes="כהן"),
                Actor(display_name="Ivan Petrov", codename="LARK", notes="Иван"),
                Organization(name="Coastal Water Forum", kind=OrganizationKind.NGO),
            ]
        )
        session.flush()
        for day, summary in enumerate(
            ["Talked about water and wells", "Karim called Qxzjournal"], 1
        ):
            meeting = Interaction(
                occurred_at=datetime(2026, 3, day, tzinfo=UTC),
                kind=InteractionKind.MEETING,
                summary=summary,
            )
            meeting.participants = [karim]
            session.add(meeting)
        session.flush()
        return {"karim": karim.id, "layla": layla.id}


def _results(vault: Vault) -> dict[str, list[tuple[str, int, str, float]]]:
    return {
        query: [(h.kind, h.id, h.title, round(h.rank, 6)) for h in search.search(vault, query)]
        for query in QUERIES
    } | {
        f"{query} (actors)": [
            (h.kind, h.id, h.title, round(h.rank, 6))
            for h in search.search(vault, query, kinds=["actor", "organization"])
        ]
        for query in QUERIES
    }


def _index_words(vault: Vault) -> bytes:
    """Every byte of the FTS5 index's own pages, as SQLite reads them (decrypted)."""
    with vault.engine.connect() as conn:
        blocks = conn.execute(
            sa.text(
                "SELECT block FROM search_index_data "
                "UNION ALL SELECT block FROM search_index_journal_data"
            )
        ).scalars()
        return b"".join(bytes(b) for b in blocks)


def _integrity(vault: Vault) -> None:
    with vault.engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO search_index (search_index) VALUES ('integrity-check')"))
        conn.execute(
            sa.text(
                "INSERT INTO search_index_journal (search_index_journal) VALUES ('integrity-check')"
            )
        )


def test_the_index_keeps_no_copy_of_the_text(vault: Vault) -> None:
    _fill(vault)
    with vault.engine.connect() as conn:
        tables = set(conn.execute(sa.text("SELECT name FROM sqlite_master")).scalars())
        kept = conn.execute(sa.text("SELECT count(*) FROM search_index_text")).scalar_one()
        indexed = conn.execute(sa.text("SELECT count(*) FROM search_index")).scalar_one()
        journal = conn.execute(  # a table of which rows hold which words, and no more
            sa.text(
                "SELECT count(*) FROM search_index_journal WHERE search_index_journal MATCH 'k*'"
            )
        ).scalar_one()
    assert "search_index_content" not in tables
    assert "search_index_journal_content" not in tables
    assert (indexed, journal) == (6, 1)  # five actors and an organization; "Karim called"
    assert kept == indexed + 2  # and two meetings
    (hit,) = search.search(vault, "wells")
    assert hit.title.endswith("Talked about water and wells")


def test_a_vault_at_the_schema_before_searches_the_same_after_the_upgrade(vault: Vault) -> None:
    _fill(vault)
    before = _results(vault)
    cfg = schema.alembic_config()
    with vault.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0009")
    with vault.engine.connect() as conn:
        tables = set(conn.execute(sa.text("SELECT name FROM sqlite_master")).scalars())
    assert "search_index_content" in tables
    assert "search_index_text" not in tables
    with vault.engine.connect() as conn:  # the old form, made again from the kept text
        rows = conn.execute(sa.text("SELECT count(*) FROM search_index")).scalar_one()
        old = conn.execute(
            sa.text("SELECT count(*) FROM search_index WHERE search_index MATCH 'wells'")
        ).scalar_one()
    assert (rows, old) == (8, 1)

    with vault.engine.begin() as conn:
        schema.upgrade(conn)
    assert vault.schema_revision() == schema_head()
    assert _results(vault) == before
    _integrity(vault)
    assert vault.check_integrity().ok


def test_a_record_edited_or_deleted_leaves_no_word_in_the_index(vault: Vault) -> None:
    ids = _fill(vault)
    with vault.transaction() as session:
        karim = session.get_one(Actor, ids["karim"])
        karim.notes = "Qxzedited note"
        karim.name_variants.append(NameVariant(name="Qxzvariant"))
    with vault.transaction() as session:
        session.get_one(Actor, ids["karim"]).notes = "Something else"
    assert b"qxzedited" not in _index_words(vault)
    assert [h.title for h in search.search(vault, "qxzvariant")] == ["Karim Nassar"]

    assert b"qxzjournal" in _index_words(vault)
    (meeting,) = search.search(vault, "qxzjournal")
    trash.discard(vault, "interaction", meeting.id, meeting.title, datetime.now(UTC))
    assert search.search(vault, "qxzjournal") == []
    assert b"qxzjournal" not in _index_words(vault)

    entry = trash.discard(vault, "actor", ids["karim"], "Karim Nassar", datetime.now(UTC))
    assert search.search(vault, "qxzvariant") == []
    assert b"qxzvariant" not in _index_words(vault)
    assert b"nassar" not in _index_words(vault)
    assert [h.title for h in search.search(vault, "layla")] == ["Layla Haddad"]
    _integrity(vault)

    trash.restore(vault, entry.id)  # back from the trash: found again
    assert [h.title for h in search.search(vault, "qxzvariant")] == ["Karim Nassar"]
    _integrity(vault)
