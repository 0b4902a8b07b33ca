"""Opening a vault sets up the ORM's mappers (once per process), so that the first query of
whichever view the desktop shows first, on the UI thread, does not pay for it (60 to 200 ms
on the reference vault's machine): the desktop opens vaults off the UI thread."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from contactkeeper.vault import Vault
from tests.conftest import FAST_KDF, PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]

# A fresh process (the mappers of this one were set up by earlier tests): it unlocks the
# vault and says whether the actors' mapper is configured, before any query of its own.
_FRESH_PROCESS = """
import json, sys
import sqlalchemy as sa
import tests.conftest  # the suite's cheap key derivation is accepted
from contactkeeper.vault import Vault
from contactkeeper.vault.model import Actor
before = sa.inspect(Actor).configured
vault = Vault.unlock(sys.argv[1], sys.argv[2])
after = sa.inspect(Actor).configured
vault.close()
print(json.dumps({"before": before, "after": after}))
"""


def test_opening_a_vault_sets_up_the_orm_before_any_view_queries(tmp_path: Path) -> None:
    Vault.create(tmp_path / "vault", PASSPHRASE, kdf=FAST_KDF).close()
    done = subprocess.run(
        [sys.executable, "-c", _FRESH_PROCESS, str(tmp_path / "vault"), PASSPHRASE],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
        cwd=ROOT,
    )
    assert json.loads(done.stdout.strip().splitlines()[-1]) == {"before": False, "after": True}
