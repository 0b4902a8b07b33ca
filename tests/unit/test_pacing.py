"""Work that can wait gives way: a paced thread's queries pause at the gate it was given,
at steps of each query; a thread that is not paced never pauses, even on a connection a
paced thread used before it."""

from __future__ import annotations

import threading

import sqlalchemy as sa

from contactkeeper.vault import Vault, pacing

# A query of many steps (no table needed): counting to 300,000.
LONG_QUERY = sa.text(
    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 300000) "
    "SELECT count(*) FROM c"
)


def _count(vault: Vault) -> int:
    with vault.transaction() as session:
        return int(session.scalar(LONG_QUERY) or 0)


def test_a_paced_query_waits_at_its_gate_and_goes_on_when_let(vault: Vault) -> None:
    go_on = threading.Event()
    pauses: list[None] = []
    answers: list[int] = []

    def gate() -> None:
        pauses.append(None)
        go_on.wait(10)

    def work() -> None:
        with pacing.paced(gate):
            answers.append(_count(vault))

    worker = threading.Thread(target=work)
    worker.start()
    worker.join(0.5)
    assert worker.is_alive()  # held at the gate
    assert pauses
    go_on.set()
    worker.join(10)
    assert answers == [300000]


def test_a_query_that_is_not_paced_never_pauses(vault: Vault) -> None:
    pauses: list[None] = []

    def gate() -> None:
        pauses.append(None)

    def paced_work() -> None:
        with pacing.paced(gate):
            _count(vault)

    worker = threading.Thread(target=paced_work)
    worker.start()
    worker.join(30)
    paced_pauses = len(pauses)
    assert paced_pauses > 0
    assert not pacing.is_paced()
    # The connection the paced thread used comes back to the pool and serves this thread.
    assert _count(vault) == 300000
    assert len(pauses) == paced_pauses
