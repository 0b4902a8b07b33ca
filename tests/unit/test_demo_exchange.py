"""The demo vault shows exchange between colleagues as it is used: a co-facilitator added
and confirmed, and a meeting she logged, received from her in a bundle."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from contactkeeper.demo import create_demo_vault
from contactkeeper.demo.colleague import CO_FACILITATOR
from contactkeeper.exchange.team import colleagues, envelope, identity
from contactkeeper.vault import Vault
from contactkeeper.vault.model import Interaction
from tests.conftest import FAST_KDF, PASSPHRASE

NOW = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Vault]:
    folder = tmp_path_factory.mktemp("demo")
    vault = create_demo_vault(folder / "vault", PASSPHRASE, NOW, kdf=FAST_KDF)
    yield vault
    vault.close()
    assert [p.name for p in folder.iterdir()] == ["vault"]  # her vault is gone


def test_the_demo_has_a_confirmed_co_facilitator_and_a_bundle_from_her(demo: Vault) -> None:
    [nour] = colleagues.list_colleagues(demo)
    assert nour.name == CO_FACILITATOR
    assert nour.confirmed_at is not None
    assert nour.confirmed_at < NOW
    assert envelope.received_count(demo, nour.id) == 1
    assert identity.own_card(demo).name == "Demo practitioner"


def test_the_meeting_she_logged_is_in_the_demo_vault(demo: Vault) -> None:
    with demo.transaction() as session:
        summaries = list(session.scalars(sa.select(Interaction.summary)))
    assert any("Logged by the co-facilitator" in s for s in summaries)
