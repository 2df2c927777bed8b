"""The HTTP API (insight routes to the insight functions, everything else to the API function), the WebSocket
API, and the batch function's schedule.

The HTTP API uses the `$default` stage, so paths reach the functions as the app knows them;
the WebSocket API has a stage named after the deploy stage (WebSocket APIs need a name).
"""

from __future__ import annotations

import json
from typing import Any

from spendsense.aws.deploy.context import DeployContext
from spendsense.aws.deploy.functions import ensure_permission

HTTP, WEBSOCKET = "http", "ws"
WEBSOCKET_ROUTES = ("$connect", "$disconnect", "$default")


def find_api(ctx: DeployContext, kind: str) -> dict[str, Any] | None:
    name = ctx.name(kind)
    for page in ctx.client("apigatewayv2").get_paginator("get_apis").paginate():
        for api in page.get("Items", []):
            if api["Name"] == name:
                return dict(api)
    return None


def ensure_api(ctx: DeployContext, kind: str) -> str:
    """The API's id, creating the API and its auto-deployed stage when missing."""
    apigw = ctx.client("apigatewayv2")
    api = find_api(ctx, kind)
    if api is None:
        options = (
            {"ProtocolType": "HTTP"}
            if kind == HTTP
            else {
                "ProtocolType": "WEBSOCKET",
                "RouteSelectionExpression": "$request.body.action",
            }
        )
        api = apigw.create_api(Name=ctx.name(kind), **options)
        ctx.record(f"created {kind} API {ctx.name(kind)}")
    api_id = str(api["ApiId"])
    stage = "$default" if kind == HTTP else ctx.stage_name
    if stage not in {item["StageName"] for item in apigw.get_stages(ApiId=api_id).get("Items", [])}:
        apigw.create_stage(ApiId=api_id, StageName=stage, AutoDeploy=True)
        ctx.record(f"created stage {stage} of {ctx.name(kind)}")
    return api_id


def websocket_endpoint(ctx: DeployContext, api_id: str) -> str:
    """Where the management API (post_to_connection) is reached."""
    return f"https://{api_id}.execute-api.{ctx.region}.amazonaws.com/{ctx.stage_name}"


def _integration_uri(ctx: DeployContext, kind: str, function: str) -> str:
    if kind == HTTP:
        return ctx.function_arn(function)
    return f"arn:aws:apigateway:{ctx.region}:lambda:path/2015-03-31/functions/{ctx.function_arn(function)}/invocations"


def _integration(ctx: DeployContext, api_id: str, kind: str, function: str) -> str:
    apigw, uri = ctx.client("apigatewayv2"), _integration_uri(ctx, kind, function)
    for item in apigw.get_integrations(ApiId=api_id).get("Items", []):
        if item.get("IntegrationUri") == uri:
            return str(item["IntegrationId"])
    options = {"PayloadFormatVersion": "2.0", "TimeoutInMillis": 29_000} if kind == HTTP else {}
    created = apigw.create_integration(ApiId=api_id, IntegrationType="AWS_PROXY", IntegrationUri=uri, **options)
    ctx.record(f"created the {kind} integration of {ctx.function_name(function)}")
    return str(created["IntegrationId"])


def _routes(ctx: DeployContext, api_id: str, wanted: dict[str, str]) -> None:
    """Make the API's routes exactly `wanted` (route key -> integration id)."""
    apigw = ctx.client("apigatewayv2")
    existing = {item["RouteKey"]: item for item in apigw.get_routes(ApiId=api_id).get("Items", [])}
    for key, integration in wanted.items():
        target = f"integrations/{integration}"
        if key not in existing:
            apigw.create_route(ApiId=api_id, RouteKey=key, Target=target)
            ctx.record(f"created route {key}")
        elif existing[key].get("Target") != target:
            apigw.update_route(ApiId=api_id, RouteId=existing[key]["RouteId"], Target=target)
            ctx.record(f"pointed route {key} at {target}")
    for key in set(existing) - set(wanted):
        apigw.delete_route(ApiId=api_id, RouteId=existing[key]["RouteId"])
        ctx.record(f"deleted route {key}")


def _source_arn(ctx: DeployContext, api_id: str) -> str:
    return f"arn:aws:execute-api:{ctx.region}:{ctx.account}:{api_id}/*"


def wire_http_api(ctx: DeployContext, api_id: str) -> None:
    wanted = {"$default": _integration(ctx, api_id, HTTP, "api")}
    for name, function in ctx.config.insight_functions.items():
        wanted[f"GET /api/insights/{{user_id}}/{function.insight}"] = _integration(ctx, api_id, HTTP, name)
    _routes(ctx, api_id, wanted)
    for name in ["api", *ctx.config.insight_functions]:
        ensure_permission(ctx, name, "http-api", "apigateway.amazonaws.com", _source_arn(ctx, api_id))


def wire_websocket_api(ctx: DeployContext, api_id: str) -> None:
    integration = _integration(ctx, api_id, WEBSOCKET, "websocket")
    _routes(ctx, api_id, dict.fromkeys(WEBSOCKET_ROUTES, integration))
    ensure_permission(ctx, "websocket", "websocket-api", "apigateway.amazonaws.com", _source_arn(ctx, api_id))


def ensure_schedule(ctx: DeployContext) -> None:
    """Run the pipeline on the stage's schedule (none: the batch function only runs when invoked)."""
    schedule = ctx.stage.batch_schedule
    if schedule is None:
        return
    events, rule = ctx.client("events"), ctx.name("batch-schedule")
    try:
        current = events.describe_rule(Name=rule)
    except Exception as exc:
        if "ResourceNotFound" not in type(exc).__name__ + str(exc):
            raise
        current = {}
    if current.get("ScheduleExpression") != schedule or current.get("State") != "ENABLED":
        current = events.put_rule(Name=rule, ScheduleExpression=schedule, State="ENABLED")
        ctx.record(f"scheduled the pipeline: {schedule}")
    target = {"Id": "batch", "Arn": ctx.function_arn("batch"), "Input": json.dumps({"task": "pipeline"})}
    targets = events.list_targets_by_rule(Rule=rule).get("Targets", [])
    if [{key: item.get(key) for key in target} for item in targets] != [target]:
        events.put_targets(Rule=rule, Targets=[target])
        ctx.record(f"pointed {rule} at the batch function")
    rule_arn = f"arn:aws:events:{ctx.region}:{ctx.account}:rule/{rule}"
    ensure_permission(ctx, "batch", "schedule", "events.amazonaws.com", rule_arn)
