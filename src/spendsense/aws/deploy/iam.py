"""One IAM role per function, allowed what that function does and nothing more.

No managed policies: even the log permissions name the function's own log group, and the
S3 permissions name the database key, not the data bucket as a whole.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import unquote

from spendsense.aws.deploy.context import DB_KEY, DeployContext, missing

POLICY = "spendsense"
TRUST = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}],
}


def _allow(actions: list[str], resources: list[str]) -> dict[str, Any]:
    return {"Effect": "Allow", "Action": sorted(actions), "Resource": resources}


def _logs(ctx: DeployContext, function: str) -> dict[str, Any]:
    group = f"arn:aws:logs:{ctx.region}:{ctx.account}:log-group:{ctx.log_group(function)}"
    return _allow(["logs:CreateLogStream", "logs:PutLogEvents"], [f"{group}:*"])


def _snapshot(ctx: DeployContext, write: bool) -> dict[str, Any]:
    actions = ["s3:GetObject", "s3:PutObject"] if write else ["s3:GetObject"]
    return _allow(actions, [f"arn:aws:s3:::{ctx.bucket('data')}/{DB_KEY}"])


def _connections(ctx: DeployContext, actions: list[str]) -> list[dict[str, Any]]:
    table = f"arn:aws:dynamodb:{ctx.region}:{ctx.account}:table/{ctx.connections_table}"
    manage = f"arn:aws:execute-api:{ctx.region}:{ctx.account}:*/{ctx.stage_name}/POST/@connections/*"
    return [_allow(actions, [table, f"{table}/index/*"]), _allow(["execute-api:ManageConnections"], [manage])]


def statements(ctx: DeployContext, function: str) -> list[dict[str, Any]]:
    """What `function` may do, besides writing its own logs."""
    insights = f"arn:aws:s3:::{ctx.bucket('insights')}/insights/*"
    parquet = ctx.bucket("parquet")
    if function == "api":
        return [_snapshot(ctx, write=True), *_connections(ctx, ["dynamodb:Query", "dynamodb:DeleteItem"])]
    if function == "batch":
        return [
            _snapshot(ctx, write=True),
            _allow(["s3:PutObject"], [insights]),
            _allow(["s3:ListBucket"], [f"arn:aws:s3:::{parquet}"]),
            _allow(["s3:GetObject", "s3:PutObject"], [f"arn:aws:s3:::{parquet}/parquet/*"]),
            # the earlier Parquet layout's keys, removed once the pipeline has moved its rows over
            _allow(["s3:DeleteObject"], [f"arn:aws:s3:::{parquet}/parquet/*/window=*"]),
        ]
    if function == "websocket":
        dynamo = ["dynamodb:PutItem", "dynamodb:DeleteItem", "dynamodb:Query"]
        return [_snapshot(ctx, write=False), *_connections(ctx, dynamo)]
    return [
        _snapshot(ctx, write=False),
        _allow(["s3:GetObject"], [insights]),
        _allow(["lambda:InvokeFunction"], [ctx.function_arn("batch")]),
    ]


def policy(ctx: DeployContext, function: str) -> dict[str, Any]:
    return {"Version": "2012-10-17", "Statement": [_logs(ctx, function), *statements(ctx, function)]}


def _as_document(value: Any) -> Any:
    """IAM hands policies back URL-encoded (or, through some SDKs, already parsed)."""
    return json.loads(unquote(value)) if isinstance(value, str) else value


def ensure_role(ctx: DeployContext, function: str) -> str:
    iam, name = ctx.client("iam"), ctx.name(function)
    try:
        arn = str(iam.get_role(RoleName=name)["Role"]["Arn"])
    except Exception as exc:
        if not missing(exc):
            raise
        arn = str(iam.create_role(RoleName=name, AssumeRolePolicyDocument=json.dumps(TRUST))["Role"]["Arn"])
        ctx.record(f"created role {name}")
    wanted = policy(ctx, function)
    try:
        current = _as_document(iam.get_role_policy(RoleName=name, PolicyName=POLICY)["PolicyDocument"])
    except Exception as exc:
        if not missing(exc):
            raise
        current = None
    if current != wanted:
        iam.put_role_policy(RoleName=name, PolicyName=POLICY, PolicyDocument=json.dumps(wanted))
        ctx.record(f"set the policy of role {name}")
    return arn


def delete_role(ctx: DeployContext, function: str) -> None:
    iam, name = ctx.client("iam"), ctx.name(function)
    try:
        for policy_name in iam.list_role_policies(RoleName=name)["PolicyNames"]:
            iam.delete_role_policy(RoleName=name, PolicyName=policy_name)
        iam.delete_role(RoleName=name)
    except Exception as exc:
        if not missing(exc):
            raise
        return
    ctx.record(f"deleted role {name}")
