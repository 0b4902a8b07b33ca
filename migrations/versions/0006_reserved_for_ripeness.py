"""Reserved for readiness per party, the cue catalogue's dimensions, graded reports, the opportunity flag and warmth with two intervals.

Nothing changes yet: the revision keeps its place in the chain while the work that fills it
is under way.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 06:30:00.000000
"""

from collections.abc import Sequence

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
