"""Alembic environment for ContactKeeper vaults.

Migrations only ever run on a connection the vault has already keyed and validated
(``config.attributes["connection"]``); there is no URL and no offline mode, because a
vault cannot be opened without its key.
"""

from alembic import context

from contactkeeper.model import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("ContactKeeper migrations run only through an unlocked vault")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
