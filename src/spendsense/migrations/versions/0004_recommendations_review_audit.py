"""recommendations, their runs and feedback; the append-only operator audit log

The audit log refuses UPDATE and DELETE in the database itself (triggers below), not only
in the ORM, so that raw SQL cannot change history either.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 14:56:15.278924
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

APPEND_ONLY = "operator_actions is append-only"
SQLITE_TRIGGERS = [
    f"""CREATE TRIGGER operator_actions_no_{verb.lower()} BEFORE {verb} ON operator_actions
    BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY}: {verb} refused'); END"""
    for verb in ("UPDATE", "DELETE")
]
POSTGRES_TRIGGERS = [
    f"""CREATE FUNCTION operator_actions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION '{APPEND_ONLY}: % refused', TG_OP; END $$""",
    """CREATE TRIGGER operator_actions_no_change BEFORE UPDATE OR DELETE ON operator_actions
    FOR EACH ROW EXECUTE FUNCTION operator_actions_append_only()""",
    """CREATE TRIGGER operator_actions_no_truncate BEFORE TRUNCATE ON operator_actions
    FOR EACH STATEMENT EXECUTE FUNCTION operator_actions_append_only()""",
]


def _json() -> sa.types.TypeEngine[object]:
    return sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def _append_only() -> None:
    statements = POSTGRES_TRIGGERS if op.get_bind().dialect.name == "postgresql" else SQLITE_TRIGGERS
    for statement in statements:
        op.execute(statement)


def upgrade() -> None:
    op.create_table(
        "operator_actions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("recommendation_id", sa.String(length=32), nullable=False),
        sa.Column("user_id", sa.String(length=64), nullable=False),
        sa.Column("actor", sa.String(length=128), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("before_status", sa.String(length=16), nullable=True),
        sa.Column("after_status", sa.String(length=16), nullable=True),
        sa.Column("details", _json(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "action IN ('approve', 'reject', 'flag', 'override', 'hide', 'restore', 'block')",
            name=op.f("ck_operator_actions_action"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_operator_actions")),
    )
    with op.batch_alter_table("operator_actions", schema=None) as batch_op:
        batch_op.create_index("ix_operator_actions_recommendation", ["recommendation_id"], unique=False)
        batch_op.create_index("ix_operator_actions_user", ["user_id"], unique=False)
    _append_only()

    op.create_table(
        "recommendation_runs",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("user_id", sa.String(length=64), nullable=False),
        sa.Column("window", sa.String(length=8), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=True),
        sa.Column("persona", _json(), nullable=False),
        sa.Column("signals", _json(), nullable=False),
        sa.Column("facts", _json(), nullable=False),
        sa.Column("context", _json(), nullable=False),
        sa.Column("selection", _json(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.user_id"], name=op.f("fk_recommendation_runs_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recommendation_runs")),
        sa.UniqueConstraint("user_id", "window", name="uq_recommendation_runs_user_window"),
    )
    op.create_table(
        "recommendations",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("user_id", sa.String(length=64), nullable=False),
        sa.Column("window", sa.String(length=8), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("item_id", sa.String(length=64), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("origin", sa.String(length=16), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=False),
        sa.Column("rationale", sa.Text(), nullable=False),
        sa.Column("disclosure", sa.Text(), nullable=False),
        sa.Column("cited_signals", _json(), nullable=False),
        sa.Column("trace", _json(), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=True),
        sa.Column("replaces_id", sa.String(length=32), nullable=True),
        sa.Column("as_of", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("kind IN ('education', 'offer')", name=op.f("ck_recommendations_kind")),
        sa.CheckConstraint(
            "status IN ('pending', 'approved', 'rejected', 'flagged', 'overridden', 'blocked', 'hidden')",
            name=op.f("ck_recommendations_status"),
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.user_id"], name=op.f("fk_recommendations_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recommendations")),
        sa.UniqueConstraint("user_id", "window", "item_id", name="uq_recommendations_user_window_item"),
    )
    with op.batch_alter_table("recommendations", schema=None) as batch_op:
        batch_op.create_index("ix_recommendations_status", ["status"], unique=False)
        batch_op.create_index("ix_recommendations_user_window", ["user_id", "window"], unique=False)

    op.create_table(
        "recommendation_feedback",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("recommendation_id", sa.String(length=32), nullable=False),
        sa.Column("user_id", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("comment", sa.String(length=1000), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "kind IN ('helpful', 'not_helpful', 'dismissed')", name=op.f("ck_recommendation_feedback_kind")
        ),
        sa.ForeignKeyConstraint(
            ["recommendation_id"],
            ["recommendations.id"],
            name=op.f("fk_recommendation_feedback_recommendation_id_recommendations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.user_id"], name=op.f("fk_recommendation_feedback_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recommendation_feedback")),
    )
    with op.batch_alter_table("recommendation_feedback", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_recommendation_feedback_recommendation_id"), ["recommendation_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_recommendation_feedback_user_id"), ["user_id"], unique=False)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS operator_actions_no_truncate ON operator_actions")
        op.execute("DROP TRIGGER IF EXISTS operator_actions_no_change ON operator_actions")
        op.execute("DROP FUNCTION IF EXISTS operator_actions_append_only()")
    else:
        op.execute("DROP TRIGGER IF EXISTS operator_actions_no_update")
        op.execute("DROP TRIGGER IF EXISTS operator_actions_no_delete")
    with op.batch_alter_table("recommendation_feedback", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_recommendation_feedback_user_id"))
        batch_op.drop_index(batch_op.f("ix_recommendation_feedback_recommendation_id"))

    op.drop_table("recommendation_feedback")
    with op.batch_alter_table("recommendations", schema=None) as batch_op:
        batch_op.drop_index("ix_recommendations_user_window")
        batch_op.drop_index("ix_recommendations_status")

    op.drop_table("recommendations")
    op.drop_table("recommendation_runs")
    with op.batch_alter_table("operator_actions", schema=None) as batch_op:
        batch_op.drop_index("ix_operator_actions_user")
        batch_op.drop_index("ix_operator_actions_recommendation")

    op.drop_table("operator_actions")
