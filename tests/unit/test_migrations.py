"""The migrations build exactly the schema the model describes."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from contactkeeper.vault import Vault, schema_head
from contactkeeper.vault.model import Base


def test_a_new_vault_is_at_the_newest_schema(vault: Vault) -> None:
    assert vault.schema_revision() == schema_head()


def test_the_migrated_schema_matches_the_model(vault: Vault) -> None:
    with vault.engine.connect() as conn:
        context = MigrationContext.configure(
            conn,
            opts={
                "compare_type": True,
                "include_object": lambda obj, name, type_, reflected, compare_to: (
                    not (type_ == "table" and str(name).startswith("search_index"))
                ),
            },
        )
        assert compare_metadata(context, Base.metadata) == []
