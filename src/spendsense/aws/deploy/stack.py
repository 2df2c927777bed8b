"""`deploy`, `status` and `destroy` of one stage, in dependency order.

deploy: storage first (buckets, snapshot, secret, table), then roles and log groups, the
APIs (the API function needs the WebSocket endpoint in its environment), functions, and
last the routes and permissions that point at them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from spendsense.aws.deploy import apis, functions, iam, storage
from spendsense.aws.deploy.context import DeployContext, missing
from spendsense.aws.packaging.build import BuildResult, layers_for


@dataclass(frozen=True)
class DeployInputs:
    build: BuildResult
    database: Path | None = None  # seeds the snapshot when S3 has none yet
    parquet: Path | None = None  # a local Parquet tree to upload


def deploy(ctx: DeployContext, inputs: DeployInputs) -> list[str]:
    """Create or update the stage; the changes made (none when it was already as configured)."""
    storage.ensure_buckets(ctx)
    if ctx.stage.storage == "snapshot":
        storage.ensure_snapshot(ctx, inputs.database)
    if inputs.parquet is not None and inputs.parquet.exists():
        storage.upload_parquet(ctx, inputs.parquet)
    secret = storage.ensure_secret(ctx)
    storage.ensure_connections_table(ctx)
    layers = {name: functions.ensure_layer(ctx, name, report) for name, report in inputs.build.layers.items()}
    http_api, socket_api = apis.ensure_api(ctx, apis.HTTP), apis.ensure_api(ctx, apis.WEBSOCKET)
    socket = apis.websocket_endpoint(ctx, socket_api)
    for name, function in ctx.config.functions.items():
        role = iam.ensure_role(ctx, name)
        functions.ensure_log_group(ctx, name)
        env = functions.environment(ctx, name, function, secret, socket)
        arns = [layers[layer] for layer in layers_for(function, ctx.stage.storage)]
        wanted = functions.desired_configuration(ctx, name, function, role, arns, env)
        functions.ensure_function(ctx, name, inputs.build.functions[name], wanted)
    apis.wire_http_api(ctx, http_api)
    apis.wire_websocket_api(ctx, socket_api)
    apis.ensure_schedule(ctx)
    return ctx.changes


@dataclass(frozen=True)
class Row:
    kind: str
    name: str
    state: str


def _exists(call: Callable[[], object]) -> str:
    try:
        call()
    except Exception as exc:
        if missing(exc, "NoSuchBucket", "ParameterNotFound"):
            return "missing"
        raise
    return "ok"


def status(ctx: DeployContext) -> list[Row]:
    s3, lam, logs = ctx.client("s3"), ctx.client("lambda"), ctx.client("logs")
    rows = [Row("bucket", bucket, _exists(partial(s3.head_bucket, Bucket=bucket))) for bucket in ctx.buckets.values()]
    for name in ctx.config.functions:
        try:
            found = lam.get_function_configuration(FunctionName=ctx.function_name(name))
            state = f"{found.get('State', 'ok')}, {found['MemorySize']} MB, {found['Timeout']} s"
        except Exception as exc:
            if not missing(exc):
                raise
            state = "missing"
        rows.append(Row("function", ctx.function_name(name), state))
        groups = logs.describe_log_groups(logGroupNamePrefix=ctx.log_group(name))["logGroups"]
        rows.append(Row("log group", ctx.log_group(name), "ok" if groups else "missing"))
    for kind in (apis.HTTP, apis.WEBSOCKET):
        api = apis.find_api(ctx, kind)
        rows.append(Row(f"{kind} API", ctx.name(kind), api.get("ApiEndpoint", "ok") if api else "missing"))
    table = ctx.client("dynamodb")
    rows.append(
        Row("table", ctx.connections_table, _exists(lambda: table.describe_table(TableName=ctx.connections_table)))
    )
    return rows


def _empty_bucket(ctx: DeployContext, bucket: str) -> None:
    s3 = ctx.client("s3")
    for page in s3.get_paginator("list_object_versions").paginate(Bucket=bucket):
        doomed = [{"Key": item["Key"], "VersionId": item["VersionId"]} for item in page.get("Versions", [])]
        doomed += [{"Key": item["Key"], "VersionId": item["VersionId"]} for item in page.get("DeleteMarkers", [])]
        if doomed:
            s3.delete_objects(Bucket=bucket, Delete={"Objects": doomed, "Quiet": True})


def _try(ctx: DeployContext, change: str, call: Callable[[], object], *codes: str) -> None:
    """Run a delete, recording it; a thing already gone is fine."""
    try:
        call()
    except Exception as exc:
        if missing(exc, *codes):
            return
        raise
    ctx.record(change)


def destroy(ctx: DeployContext) -> list[str]:
    """Remove everything deploy creates, data included; what was removed."""
    events, rule = ctx.client("events"), ctx.name("batch-schedule")
    _try(ctx, f"removed targets of {rule}", lambda: events.remove_targets(Rule=rule, Ids=["batch"]))
    _try(ctx, f"deleted rule {rule}", lambda: events.delete_rule(Name=rule))
    apigw = ctx.client("apigatewayv2")
    for kind in (apis.HTTP, apis.WEBSOCKET):
        api = apis.find_api(ctx, kind)
        if api is not None:
            _try(ctx, f"deleted {kind} API {api['Name']}", partial(apigw.delete_api, ApiId=api["ApiId"]))
    lam, logs = ctx.client("lambda"), ctx.client("logs")
    for name in ctx.config.functions:
        fn = ctx.function_name(name)
        _try(ctx, f"deleted function {fn}", partial(lam.delete_function, FunctionName=fn))
        group = ctx.log_group(name)
        _try(ctx, f"deleted log group {group}", partial(logs.delete_log_group, logGroupName=group))
        iam.delete_role(ctx, name)
    for layer in map(ctx.name, ctx.config.layers):
        for version in lam.list_layer_versions(LayerName=layer).get("LayerVersions", []):
            number = version["Version"]
            delete = partial(lam.delete_layer_version, LayerName=layer, VersionNumber=number)
            _try(ctx, f"deleted layer {layer} version {number}", delete)
    table, dynamodb = ctx.connections_table, ctx.client("dynamodb")
    _try(ctx, f"deleted table {table}", lambda: dynamodb.delete_table(TableName=table))
    ssm = ctx.client("ssm")
    parameter = ctx.secret_parameter
    _try(ctx, f"deleted {parameter}", lambda: ssm.delete_parameter(Name=parameter), "ParameterNotFound")
    for bucket in ctx.buckets.values():
        _try(ctx, f"deleted bucket {bucket}", partial(_delete_bucket, ctx, bucket), "NoSuchBucket")
    return ctx.changes


def _delete_bucket(ctx: DeployContext, bucket: str) -> None:
    _empty_bucket(ctx, bucket)
    ctx.client("s3").delete_bucket(Bucket=bucket)
