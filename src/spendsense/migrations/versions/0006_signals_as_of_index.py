"""signals: index as_of, so a one-user recompute finds the last run's date without a scan

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25 17:35:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(op.f("ix_signals_as_of"), "signals", ["as_of"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_signals_as_of"), table_name="signals")
