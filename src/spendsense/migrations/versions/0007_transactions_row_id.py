"""transactions: a row id as primary key, Plaid's transaction_id unique through an index

Why: with the random text id as primary key every inserted row went to a random place in the
key's B-tree, the dominant cost of a bulk load at 100k users. A separate unique index can be
dropped during a bulk load and rebuilt once, sorted (docs/decisions.md).

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-25 17:40:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ROW_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")  # INTEGER: SQLite's rowid itself


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # Rebuilt by copy; the new `id` is left out of the copy, so SQLite numbers the rows.
        with op.batch_alter_table("transactions", recreate="always") as batch_op:
            batch_op.add_column(sa.Column("id", ROW_ID, nullable=False), insert_before="transaction_id")
            batch_op.drop_constraint("pk_transactions", type_="primary")
            batch_op.create_primary_key("pk_transactions", ["id"])
    else:
        op.drop_constraint("pk_transactions", "transactions", type_="primary")
        op.add_column("transactions", sa.Column("id", ROW_ID, sa.Identity(), nullable=False))
        op.create_primary_key("pk_transactions", "transactions", ["id"])
    op.create_index("ux_transactions_transaction_id", "transactions", ["transaction_id"], unique=True)


def downgrade() -> None:
    op.drop_index("ux_transactions_transaction_id", table_name="transactions")
    with op.batch_alter_table("transactions", recreate="auto") as batch_op:
        batch_op.drop_constraint("pk_transactions", type_="primary")
        batch_op.drop_column("id")
        batch_op.create_primary_key("pk_transactions", ["transaction_id"])
