"""Buckets, the database snapshot, Parquet, the token secret and the connections table.

The snapshot is created only when S3 has none (If-None-Match), and an existing one is only
migrated, with If-Match, so a deploy never replaces data that containers have written.
"""

from __future__ import annotations

import secrets
import tempfile
from pathlib import Path
from typing import Any

from spendsense.aws import parquet_sync
from spendsense.aws.clients import error_code
from spendsense.aws.connections import AUDIENCE_INDEX
from spendsense.aws.deploy.context import DB_KEY, DeployContext, missing
from spendsense.kit.db import make_engine, migrate

INSIGHTS_EXPIRE_DAYS = 30
# Every write makes a snapshot version: keep the newest 100 old ones for rollback, drop the rest after a day,
# so storage stays near 100 copies of the database however busy the stage is.
OLD_SNAPSHOTS_KEPT = 100
PUBLIC_ACCESS_FLAGS = ("BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets")


LIFECYCLE_KEYS = ("ID", "Status", "Filter", "Expiration", "NoncurrentVersionExpiration")


def _lifecycle(purpose: str) -> list[dict[str, Any]]:
    rule: dict[str, Any] = {"Status": "Enabled", "Filter": {"Prefix": ""}}
    if purpose == "insights":
        # Cached insights under an old data version are never read again.
        return [{**rule, "ID": "expire", "Expiration": {"Days": INSIGHTS_EXPIRE_DAYS}}]
    if purpose == "data":
        expire = {"NoncurrentDays": 1, "NewerNoncurrentVersions": OLD_SNAPSHOTS_KEPT}
        return [{**rule, "ID": "old-snapshots", "NoncurrentVersionExpiration": expire}]
    return []


def _ensure_bucket(ctx: DeployContext, purpose: str, bucket: str) -> None:
    s3 = ctx.client("s3")
    try:
        s3.head_bucket(Bucket=bucket)
    except Exception as exc:
        if not missing(exc, "NoSuchBucket"):
            raise
        # us-east-1 is the one region that refuses a LocationConstraint naming itself.
        where = {} if ctx.region == "us-east-1" else {"CreateBucketConfiguration": {"LocationConstraint": ctx.region}}
        s3.create_bucket(Bucket=bucket, **where)
        block = dict.fromkeys(PUBLIC_ACCESS_FLAGS, True)
        s3.put_public_access_block(Bucket=bucket, PublicAccessBlockConfiguration=block)
        ctx.record(f"created bucket {bucket}")
    if purpose == "data" and s3.get_bucket_versioning(Bucket=bucket).get("Status") != "Enabled":
        s3.put_bucket_versioning(Bucket=bucket, VersioningConfiguration={"Status": "Enabled"})
        ctx.record(f"enabled versioning on {bucket}")
    rules = _lifecycle(purpose)
    if rules and not _same_rules(_lifecycle_rules(s3, bucket), rules):
        s3.put_bucket_lifecycle_configuration(Bucket=bucket, LifecycleConfiguration={"Rules": rules})
        ctx.record(f"set lifecycle of {bucket}")


def _lifecycle_rules(s3: Any, bucket: str) -> list[dict[str, Any]]:
    try:
        rules: list[dict[str, Any]] = s3.get_bucket_lifecycle_configuration(Bucket=bucket)["Rules"]
    except Exception as exc:
        if error_code(exc) == "NoSuchLifecycleConfiguration":
            return []
        raise
    return [{key: rule[key] for key in LIFECYCLE_KEYS if key in rule} for rule in rules]


def _same_rules(current: list[dict[str, Any]], wanted: list[dict[str, Any]]) -> bool:
    """Equal, except that a service which does not report NewerNoncurrentVersions (moto) cannot show it differs."""

    def without_count(rule: dict[str, Any]) -> dict[str, Any]:
        expire = {
            k: v for k, v in rule.get("NoncurrentVersionExpiration", {}).items() if k != "NewerNoncurrentVersions"
        }
        return {**rule, "NoncurrentVersionExpiration": expire} if expire else rule

    reported = any("NewerNoncurrentVersions" in rule.get("NoncurrentVersionExpiration", {}) for rule in current)
    return current == wanted if reported else [without_count(r) for r in current] == [without_count(r) for r in wanted]


def ensure_buckets(ctx: DeployContext) -> None:
    for purpose, bucket in ctx.buckets.items():
        _ensure_bucket(ctx, purpose, bucket)


def _migrated_copy(source: Path | None, folder: Path) -> tuple[Path, bool]:
    """A migrated copy of `source` (or a new empty store) and whether migrating changed it."""
    path = folder / "spendsense.db"
    if source is not None:
        path.write_bytes(source.read_bytes())
    engine = make_engine(f"sqlite:///{path}")
    with engine.connect() as connection:
        before = connection.exec_driver_sql("PRAGMA schema_version").scalar()
    migrate(engine)
    with engine.connect() as connection:
        after = connection.exec_driver_sql("PRAGMA schema_version").scalar()
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path, before != after


def ensure_snapshot(ctx: DeployContext, seed: Path | None) -> None:
    """Upload `seed` (or an empty store) when S3 has no snapshot; otherwise migrate the one there in place."""
    s3, bucket = ctx.client("s3"), ctx.bucket("data")
    with tempfile.TemporaryDirectory() as folder:
        try:
            current = s3.get_object(Bucket=bucket, Key=DB_KEY)
        except Exception as exc:
            if not missing(exc, "NoSuchKey"):
                raise
            path, _ = _migrated_copy(seed, Path(folder))
            s3.put_object(Bucket=bucket, Key=DB_KEY, Body=path.read_bytes(), IfNoneMatch="*")
            ctx.record(f"uploaded the database snapshot s3://{bucket}/{DB_KEY}")
            return
        downloaded = Path(folder) / "current.db"
        downloaded.write_bytes(current["Body"].read())
        path, changed = _migrated_copy(downloaded, Path(folder))
        if changed:
            s3.put_object(Bucket=bucket, Key=DB_KEY, Body=path.read_bytes(), IfMatch=current["ETag"])
            ctx.record(f"migrated the database snapshot s3://{bucket}/{DB_KEY}")


def upload_parquet(ctx: DeployContext, root: Path) -> None:
    written = parquet_sync.push(ctx.client("s3"), ctx.bucket("parquet"), root)
    if written:
        ctx.record(f"uploaded {len(written)} Parquet files")


def ensure_secret(ctx: DeployContext) -> str:
    """The stage's token-signing secret: generated once, kept in SSM as a SecureString."""
    ssm, name = ctx.client("ssm"), ctx.secret_parameter
    try:
        return str(ssm.get_parameter(Name=name, WithDecryption=True)["Parameter"]["Value"])
    except Exception as exc:
        if not missing(exc, "ParameterNotFound"):
            raise
    value = secrets.token_urlsafe(48)
    ssm.put_parameter(Name=name, Value=value, Type="SecureString", Description="SpendSense JWT signing secret")
    ctx.record(f"created the signing secret {name}")
    return value


def ensure_connections_table(ctx: DeployContext) -> None:
    dynamodb, table = ctx.client("dynamodb"), ctx.connections_table
    try:
        dynamodb.describe_table(TableName=table)
    except Exception as exc:
        if not missing(exc):
            raise
        dynamodb.create_table(
            TableName=table,
            BillingMode="PAY_PER_REQUEST",
            AttributeDefinitions=[
                {"AttributeName": "connection_id", "AttributeType": "S"},
                {"AttributeName": "audience", "AttributeType": "S"},
            ],
            KeySchema=[{"AttributeName": "connection_id", "KeyType": "HASH"}],
            GlobalSecondaryIndexes=[
                {
                    "IndexName": AUDIENCE_INDEX,
                    "KeySchema": [{"AttributeName": "audience", "KeyType": "HASH"}],
                    "Projection": {"ProjectionType": "KEYS_ONLY"},
                }
            ],
        )
        dynamodb.get_waiter("table_exists").wait(TableName=table)
        ctx.record(f"created table {table}")
    ttl = dynamodb.describe_time_to_live(TableName=table)["TimeToLiveDescription"]
    if ttl.get("TimeToLiveStatus") not in {"ENABLED", "ENABLING"}:
        dynamodb.update_time_to_live(
            TableName=table, TimeToLiveSpecification={"Enabled": True, "AttributeName": "expires_at"}
        )
        ctx.record(f"enabled expiry on {table}")
