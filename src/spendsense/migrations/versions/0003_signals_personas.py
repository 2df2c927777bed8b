"""signals, recurring and income streams, persona assignments with decision traces

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 14:54:10.761891
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _json() -> sa.types.TypeEngine[object]:
    return sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def _user_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["user_id"], ["users.user_id"], name=op.f(f"fk_{table}_user_id_users"), ondelete="CASCADE"
    )


def _stream_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("user_id", sa.String(length=64), nullable=False),
        sa.Column("window", sa.String(length=8), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("stream_id", sa.String(length=320), nullable=False),
        sa.Column("account_id", sa.String(length=128), nullable=True),
        sa.Column("merchant_key", sa.String(length=128), nullable=False),
        sa.Column("merchant_name", sa.String(length=500), nullable=True),
        sa.Column("frequency", sa.String(length=16), nullable=False),
        sa.Column("average_amount_cents", sa.BigInteger(), nullable=False),
        sa.Column("last_amount_cents", sa.BigInteger(), nullable=False),
        sa.Column("first_date", sa.Date(), nullable=False),
        sa.Column("last_date", sa.Date(), nullable=False),
        sa.Column("transaction_ids", _json(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "signals",
        sa.Column("user_id", sa.String(length=64), nullable=False),
        sa.Column("window", sa.String(length=8), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("values", _json(), nullable=False),
        sa.Column("evidence", _json(), nullable=False),
        sa.Column("cards", _json(), nullable=False),
        sa.Column("computed_at", sa.DateTime(timezone=True), nullable=False),
        _user_fk("signals"),
        sa.PrimaryKeyConstraint("user_id", "window", name=op.f("pk_signals")),
    )
    op.create_table(
        "recurring_streams",
        *_stream_columns(),
        sa.Column("direction", sa.String(length=8), nullable=False),
        sa.Column("predicted_next_date", sa.Date(), nullable=False),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("occurrences", sa.Integer(), nullable=False),
        sa.Column("pfc_primary", sa.String(length=64), nullable=True),
        sa.Column("pfc_detailed", sa.String(length=128), nullable=True),
        sa.Column("is_subscription", sa.Boolean(), nullable=False),
        _user_fk("recurring_streams"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recurring_streams")),
        sa.UniqueConstraint("window", "stream_id", name="uq_recurring_streams_window_stream"),
    )
    op.create_table(
        "income_streams",
        *_stream_columns(),
        sa.Column("is_payroll", sa.Boolean(), nullable=False),
        sa.Column("deposits", sa.Integer(), nullable=False),
        sa.Column("total_cents", sa.BigInteger(), nullable=False),
        sa.Column("median_gap_days", sa.Double(), nullable=True),
        _user_fk("income_streams"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_income_streams")),
        sa.UniqueConstraint("window", "stream_id", name="uq_income_streams_window_stream"),
    )
    for table in ("recurring_streams", "income_streams"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.create_index(batch_op.f(f"ix_{table}_user_id"), ["user_id"], unique=False)
    op.create_table(
        "persona_assignments",
        sa.Column("user_id", sa.String(length=64), nullable=False),
        sa.Column("window", sa.String(length=8), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("primary_persona", sa.String(length=32), nullable=True),
        sa.Column("personas", _json(), nullable=False),
        sa.Column("trace", _json(), nullable=False),
        sa.Column("computed_at", sa.DateTime(timezone=True), nullable=False),
        _user_fk("persona_assignments"),
        sa.PrimaryKeyConstraint("user_id", "window", name=op.f("pk_persona_assignments")),
    )


def downgrade() -> None:
    op.drop_table("persona_assignments")
    for table in ("income_streams", "recurring_streams"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(batch_op.f(f"ix_{table}_user_id"))
        op.drop_table(table)
    op.drop_table("signals")
