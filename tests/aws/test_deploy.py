"""Deploy against a moto server: every resource as configured, a second deploy changes nothing, destroy removes all.

The function code is a small stand-in zip: what deploy does does not depend on what the code is.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import boto3
import pytest
from typer.testing import CliRunner

from spendsense.aws.deploy import stack
from spendsense.aws.deploy.context import DB_KEY, DeployContext
from spendsense.aws.packaging.archive import Source, write_zip
from spendsense.aws.packaging.build import BuildResult, PackageReport
from spendsense.aws.packaging.wheels import Target
from spendsense.aws.stack_config import StackConfig, load_config
from spendsense.cli import app

STAGE = "dev"


@pytest.fixture
def config() -> StackConfig:
    return load_config()


@pytest.fixture
def artifacts(config: StackConfig, tmp_path: Path) -> BuildResult:
    source = tmp_path / "code"
    source.mkdir()
    (source / "handler.py").write_text("def handler(event, context):\n    return {}\n")
    reports = {}
    for name, function in config.functions.items():
        stats = write_zip(tmp_path / f"{name}.zip", [Source(source)], extra={"name.txt": name.encode()})
        reports[name] = PackageReport(name, "function", stats, budget=function.budget)
    layer = write_zip(tmp_path / "layer.zip", [Source(source, "python/")])
    return BuildResult(
        Target(config.runtime, config.architecture), {"polars": PackageReport("polars", "layer", layer)}, reports
    )


@pytest.fixture
def deployed(aws: str, config: StackConfig, artifacts: BuildResult) -> DeployContext:
    context = DeployContext(config, STAGE)
    assert stack.deploy(context, stack.DeployInputs(artifacts))
    return DeployContext(config, STAGE)


def policy_of(role: str) -> list[dict[str, Any]]:
    document = boto3.client("iam").get_role_policy(RoleName=role, PolicyName="spendsense")["PolicyDocument"]
    statements: list[dict[str, Any]] = document["Statement"]
    return statements


class TestDeploy:
    def test_every_function_has_its_configured_memory_timeout_handler_and_env(
        self, deployed: DeployContext, config: StackConfig
    ) -> None:
        lam = boto3.client("lambda")
        for name, function in config.functions.items():
            found = lam.get_function_configuration(FunctionName=f"spendsense-dev-{name}")
            assert (found["MemorySize"], found["Timeout"], found["Handler"]) == (
                function.memory,
                function.timeout,
                function.handler,
            )
            assert (found["Runtime"], found["Architectures"]) == (config.runtime, [config.architecture])
            env = found["Environment"]["Variables"]
            assert env["CORS_ORIGINS"] == ",".join(config.stage(STAGE).cors_origins)
            assert env["DB_S3_KEY"] == DB_KEY
            assert env["SPENDSENSE_DB_S3_BUCKET"] == deployed.bucket("data")
            assert ("JWT_SECRET" in env) is (name != "batch")
            assert len(found.get("Layers", [])) == len(function.layers)
        insight = lam.get_function_configuration(FunctionName="spendsense-dev-net-worth")["Environment"]["Variables"]
        assert insight["SPENDSENSE_INSIGHTS_COMPUTE_FUNCTION"] == "spendsense-dev-batch"
        api = lam.get_function_configuration(FunctionName="spendsense-dev-api")["Environment"]["Variables"]
        assert api["SPENDSENSE_WEBSOCKET_ENDPOINT"].endswith(".amazonaws.com/dev")

    def test_storage_the_secret_and_the_table_exist(self, deployed: DeployContext, tmp_path: Path) -> None:
        s3 = boto3.client("s3")
        assert s3.get_bucket_versioning(Bucket=deployed.bucket("data"))["Status"] == "Enabled"
        rules = s3.get_bucket_lifecycle_configuration(Bucket=deployed.bucket("insights"))["Rules"]
        assert rules[0]["Expiration"]["Days"] == 30
        snapshot = tmp_path / "snapshot.db"
        snapshot.write_bytes(s3.get_object(Bucket=deployed.bucket("data"), Key=DB_KEY)["Body"].read())
        with sqlite3.connect(snapshot) as connection:
            assert connection.execute("SELECT count(*) FROM alembic_version").fetchone() == (1,)
        connection.close()
        assert boto3.client("ssm").get_parameter(Name="/spendsense/dev/jwt-secret", WithDecryption=True)
        table = boto3.client("dynamodb").describe_table(TableName="spendsense-dev-connections")["Table"]
        assert [index["IndexName"] for index in table["GlobalSecondaryIndexes"]] == ["audience"]

    def test_log_groups_keep_the_stages_retention(self, deployed: DeployContext, config: StackConfig) -> None:
        groups = boto3.client("logs").describe_log_groups(logGroupNamePrefix="/aws/lambda/spendsense-dev-")["logGroups"]
        assert {group["logGroupName"]: group["retentionInDays"] for group in groups} == {
            f"/aws/lambda/spendsense-dev-{name}": config.stage(STAGE).log_retention_days for name in config.functions
        }

    def test_roles_allow_only_what_each_function_does(self, deployed: DeployContext) -> None:
        insight = policy_of("spendsense-dev-weekly-recap")
        snapshot = next(s for s in insight if any(str(r).endswith(DB_KEY) for r in s["Resource"]))
        assert snapshot["Action"] == ["s3:GetObject"]
        assert any(s["Action"] == ["lambda:InvokeFunction"] for s in insight)
        for statements in (insight, policy_of("spendsense-dev-api"), policy_of("spendsense-dev-batch")):
            assert all(resource != "*" for statement in statements for resource in statement["Resource"])

    def test_the_http_api_routes_insights_to_their_functions_and_the_rest_to_the_api(
        self, deployed: DeployContext, config: StackConfig
    ) -> None:
        apigw = boto3.client("apigatewayv2")
        api = next(item for item in apigw.get_apis()["Items"] if item["Name"] == "spendsense-dev-http")
        uris = {
            item["IntegrationId"]: item["IntegrationUri"]
            for item in apigw.get_integrations(ApiId=api["ApiId"])["Items"]
        }
        routes = {
            route["RouteKey"]: uris[route["Target"].removeprefix("integrations/")].rsplit(":", 1)[-1]
            for route in apigw.get_routes(ApiId=api["ApiId"])["Items"]
        }
        expected = {
            f"GET /api/insights/{{user_id}}/{f.insight}": f"spendsense-dev-{n}"
            for n, f in config.insight_functions.items()
        }
        assert routes == {"$default": "spendsense-dev-api", **expected}
        policy = json.loads(boto3.client("lambda").get_policy(FunctionName="spendsense-dev-api")["Policy"])
        assert policy["Statement"][0]["Principal"]["Service"] == "apigateway.amazonaws.com"

    def test_the_websocket_api_and_the_schedule(self, deployed: DeployContext) -> None:
        apigw = boto3.client("apigatewayv2")
        api = next(item for item in apigw.get_apis()["Items"] if item["Name"] == "spendsense-dev-ws")
        assert sorted(route["RouteKey"] for route in apigw.get_routes(ApiId=api["ApiId"])["Items"]) == [
            "$connect",
            "$default",
            "$disconnect",
        ]
        assert [stage["StageName"] for stage in apigw.get_stages(ApiId=api["ApiId"])["Items"]] == [STAGE]
        events = boto3.client("events")
        assert events.describe_rule(Name="spendsense-dev-batch-schedule")["ScheduleExpression"] == "cron(0 6 * * ? *)"


class TestIdempotence:
    def test_a_second_deploy_changes_nothing(self, deployed: DeployContext, artifacts: BuildResult) -> None:
        assert stack.deploy(deployed, stack.DeployInputs(artifacts)) == []

    def test_a_changed_setting_updates_only_that(
        self, deployed: DeployContext, config: StackConfig, artifacts: BuildResult
    ) -> None:
        functions = {**config.functions, "api": config.functions["api"].model_copy(update={"memory": 2048})}
        changed = DeployContext(config.model_copy(update={"functions": functions}), STAGE)
        assert stack.deploy(changed, stack.DeployInputs(artifacts)) == [
            "updated the configuration of spendsense-dev-api"
        ]
        assert (
            boto3.client("lambda").get_function_configuration(FunctionName="spendsense-dev-api")["MemorySize"] == 2048
        )

    def test_an_existing_snapshot_is_kept(
        self, deployed: DeployContext, artifacts: BuildResult, tmp_path: Path
    ) -> None:
        s3, bucket = boto3.client("s3"), deployed.bucket("data")
        etag = s3.head_object(Bucket=bucket, Key=DB_KEY)["ETag"]
        seed = tmp_path / "other.db"
        sqlite3.connect(seed).close()
        stack.deploy(deployed, stack.DeployInputs(artifacts, database=seed))
        assert s3.head_object(Bucket=bucket, Key=DB_KEY)["ETag"] == etag


class TestDestroy:
    def test_destroy_removes_everything(self, deployed: DeployContext, aws: str) -> None:
        removed = CliRunner().invoke(app, ["aws", "destroy", "--stage", STAGE, "--yes", "--endpoint-url", aws])
        assert removed.exit_code == 0, removed.output
        assert boto3.client("lambda").list_functions()["Functions"] == []
        assert boto3.client("s3").list_buckets()["Buckets"] == []
        assert boto3.client("apigatewayv2").get_apis()["Items"] == []
        assert boto3.client("dynamodb").list_tables()["TableNames"] == []
        assert [r for r in boto3.client("iam").list_roles()["Roles"] if r["RoleName"].startswith("spendsense-")] == []
        assert boto3.client("logs").describe_log_groups(logGroupNamePrefix="/aws/lambda/spendsense")["logGroups"] == []
        assert boto3.client("lambda").list_layers()["Layers"] == []
        assert boto3.client("events").list_rules()["Rules"] == []
        assert boto3.client("ssm").describe_parameters()["Parameters"] == []
        status = CliRunner().invoke(app, ["aws", "status", "--stage", STAGE, "--endpoint-url", aws])
        assert status.exit_code == 0
        assert status.output.count("missing") == 3 + 2 * 8 + 2 + 1
