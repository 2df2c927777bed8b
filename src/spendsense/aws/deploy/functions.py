"""Log groups, layers and functions: created when missing, updated only where they differ from config.yaml.

Code is compared by digest (Lambda's CodeSha256 against the local zip's), configuration
field by field, so an unchanged function is not touched and keeps its warm containers.
"""

from __future__ import annotations

import base64
import json
import os
import time
from pathlib import Path
from typing import Any

from spendsense.aws.clients import transfer
from spendsense.aws.deploy.context import DATA_DIR, DB_KEY, DB_PATH, DeployContext, missing
from spendsense.aws.packaging.build import PackageReport
from spendsense.aws.stack_config import FunctionConfig
from spendsense.kit.errors import SpendSenseError

# A role IAM has just created cannot be assumed by Lambda for some seconds.
ROLE_PROPAGATION_ATTEMPTS = 10


class DeployError(SpendSenseError):
    status_code = 500
    error = "deploy_failed"


def ensure_log_group(ctx: DeployContext, function: str) -> None:
    logs, name = ctx.client("logs"), ctx.log_group(function)
    found = logs.describe_log_groups(logGroupNamePrefix=name)["logGroups"]
    group = next((item for item in found if item["logGroupName"] == name), None)
    if group is None:
        logs.create_log_group(logGroupName=name)
        ctx.record(f"created log group {name}")
    if (group or {}).get("retentionInDays") != ctx.stage.log_retention_days:
        logs.put_retention_policy(logGroupName=name, retentionInDays=ctx.stage.log_retention_days)
        ctx.record(f"set retention of {name} to {ctx.stage.log_retention_days} days")


def ensure_layer(ctx: DeployContext, name: str, report: PackageReport) -> str:
    """The ARN of the layer version holding exactly this zip (published through S3: layers pass 50 MB)."""
    lam, layer = ctx.client("lambda"), ctx.name(name)
    tag = f"sha256:{report.stats.sha256}"
    for version in lam.list_layer_versions(LayerName=layer).get("LayerVersions", []):
        if version.get("Description") == tag:
            return str(version["LayerVersionArn"])
    key = f"artifacts/layers/{name}-{base64.b64decode(report.stats.sha256).hex()[:16]}.zip"
    with transfer(ctx.client("s3")) as files:
        files.upload_file(str(report.stats.path), ctx.bucket("data"), key)
    published = lam.publish_layer_version(
        LayerName=layer,
        Description=tag,
        Content={"S3Bucket": ctx.bucket("data"), "S3Key": key},
        CompatibleRuntimes=[ctx.config.runtime],
        CompatibleArchitectures=[ctx.config.architecture],
    )
    ctx.record(f"published layer {layer} version {published['Version']}")
    return str(published["LayerVersionArn"])


def environment(ctx: DeployContext, name: str, function: FunctionConfig, secret: str, socket: str) -> dict[str, str]:
    stage, buckets = ctx.stage, ctx.buckets
    env = {
        "ENVIRONMENT": stage.environment,
        "CORS_ORIGINS": ",".join(stage.cors_origins),
        "SPENDSENSE_LOG_JSON": "true",
        "SPENDSENSE_DATA_DIR": DATA_DIR,
        "S3_BUCKET_INSIGHTS": buckets["insights"],
        "S3_BUCKET_PARQUET": buckets["parquet"],
    }
    if stage.storage == "snapshot":
        env |= {"DB_PATH": DB_PATH, "DB_S3_KEY": DB_KEY, "SPENDSENSE_DB_S3_BUCKET": buckets["data"]}
    elif os.environ.get("DATABASE_URL"):
        env["DATABASE_URL"] = os.environ["DATABASE_URL"]
    else:
        raise DeployError(f"stage {ctx.stage_name} stores in PostgreSQL: set DATABASE_URL for the deploy")
    if name != "batch":
        env["JWT_SECRET"] = secret
    if name in {"api", "websocket"}:
        env["SPENDSENSE_CONNECTIONS_TABLE"] = ctx.connections_table
    if name == "api":
        env["SPENDSENSE_WEBSOCKET_ENDPOINT"] = socket
    if function.insight:
        env["SPENDSENSE_INSIGHTS_COMPUTE_FUNCTION"] = ctx.function_name("batch")
    return env | function.env


def desired_configuration(
    ctx: DeployContext, name: str, function: FunctionConfig, role: str, layers: list[str], env: dict[str, str]
) -> dict[str, Any]:
    return {
        "Role": role,
        "Handler": function.handler,
        "Runtime": ctx.config.runtime,
        "MemorySize": function.memory,
        "Timeout": function.timeout,
        "Environment": {"Variables": env},
        "Layers": layers,
        "LoggingConfig": {"LogFormat": "JSON", "LogGroup": ctx.log_group(name)},
    }


def _current(configuration: dict[str, Any], wanted: dict[str, Any]) -> dict[str, Any]:
    """The fields of get_function_configuration that `desired_configuration` sets, in the same shape.

    A service that does not report the logging config (moto) cannot show it differs, so it is taken as wanted.
    """
    logging = configuration.get("LoggingConfig")
    if logging is None:
        logging = wanted["LoggingConfig"]
    return {
        "Role": configuration.get("Role"),
        "Handler": configuration.get("Handler"),
        "Runtime": configuration.get("Runtime"),
        "MemorySize": configuration.get("MemorySize"),
        "Timeout": configuration.get("Timeout"),
        "Environment": {"Variables": (configuration.get("Environment") or {}).get("Variables", {})},
        "Layers": [layer["Arn"] for layer in configuration.get("Layers", [])],
        "LoggingConfig": {"LogFormat": logging.get("LogFormat"), "LogGroup": logging.get("LogGroup")},
    }


def _create(lam: Any, function_name: str, zip_path: Path, wanted: dict[str, Any], architecture: str) -> None:
    for attempt in range(ROLE_PROPAGATION_ATTEMPTS):
        try:
            lam.create_function(
                FunctionName=function_name,
                Code={"ZipFile": zip_path.read_bytes()},
                Architectures=[architecture],
                Publish=False,
                **wanted,
            )
            break
        except Exception as exc:
            if "cannot be assumed" not in str(exc) or attempt == ROLE_PROPAGATION_ATTEMPTS - 1:
                raise
            time.sleep(2 + attempt)
    lam.get_waiter("function_active_v2").wait(FunctionName=function_name)


def ensure_function(ctx: DeployContext, name: str, report: PackageReport, wanted: dict[str, Any]) -> None:
    lam, function_name = ctx.client("lambda"), ctx.function_name(name)
    try:
        configuration = lam.get_function_configuration(FunctionName=function_name)
    except Exception as exc:
        if not missing(exc):
            raise
        _create(lam, function_name, report.stats.path, wanted, ctx.config.architecture)
        ctx.record(f"created function {function_name}")
        return
    if configuration.get("CodeSha256") != report.stats.sha256 or configuration.get("Architectures") != [
        ctx.config.architecture
    ]:
        zipped = report.stats.path.read_bytes()
        lam.update_function_code(FunctionName=function_name, ZipFile=zipped, Architectures=[ctx.config.architecture])
        lam.get_waiter("function_updated_v2").wait(FunctionName=function_name)
        ctx.record(f"updated the code of {function_name}")
    if _current(configuration, wanted) != wanted:
        lam.update_function_configuration(FunctionName=function_name, **wanted)
        lam.get_waiter("function_updated_v2").wait(FunctionName=function_name)
        ctx.record(f"updated the configuration of {function_name}")


def ensure_permission(ctx: DeployContext, function: str, sid: str, principal: str, source_arn: str) -> None:
    """Let `principal` (API Gateway, EventBridge) invoke the function, from `source_arn` only."""
    lam, function_name = ctx.client("lambda"), ctx.function_name(function)
    try:
        statements = json.loads(lam.get_policy(FunctionName=function_name)["Policy"])["Statement"]
    except Exception as exc:
        if not missing(exc):
            raise
        statements = []
    if any(statement.get("Sid") == sid for statement in statements):
        return
    lam.add_permission(
        FunctionName=function_name,
        StatementId=sid,
        Action="lambda:InvokeFunction",
        Principal=principal,
        SourceArn=source_arn,
    )
    ctx.record(f"allowed {principal} to invoke {function_name}")
