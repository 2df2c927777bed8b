"""The SAM template, validated offline: cfn-lint, then the SAM transform, then cfn-lint on what it produced.

cfn-lint alone reads a SAM template loosely (it misses an invalid runtime or timeout in a
Serverless::Function); the translated template is plain CloudFormation, checked in full.
The template must also say what config.yaml says, function by function.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from cfnlint.api import lint
from cfnlint.config import ManualArgs
from cfnlint.decode.decode import decode_str
from samtranslator.translator.transform import transform

from spendsense.aws.stack_config import REPO_ROOT, StackConfig, load_config

TEMPLATE = REPO_ROOT / "deploy" / "aws" / "template.yaml"
LINT = ManualArgs(regions=["us-east-1"])


class NoManagedPolicies:
    """The template names no managed policies, so the transform never needs IAM's list of them."""

    def load(self) -> dict[str, str]:
        return {}


def packaged(node: Any) -> Any:
    """What `sam package` does before the transform: local code paths become S3 locations."""
    if isinstance(node, dict):
        return {
            key: f"s3://spendsense-artifacts/{Path(value).name}"
            if key in {"CodeUri", "ContentUri"} and isinstance(value, str)
            else packaged(value)
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [packaged(value) for value in node]
    return node


def translate(text: str) -> dict[str, Any]:
    template, errors = decode_str(text)
    assert not errors
    plain = json.loads(json.dumps(packaged(template), default=str))
    translated: dict[str, Any] = transform(plain, {}, NoManagedPolicies())
    return translated


@pytest.fixture(scope="module")
def translated() -> dict[str, Any]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("AWS_DEFAULT_REGION", "us-east-1")  # the transform fills in AWS::Region
        return translate(TEMPLATE.read_text())


class TestOfflineValidation:
    def test_cfn_lint_passes_on_the_sam_template(self) -> None:
        assert [str(match) for match in lint(TEMPLATE.read_text(), config=LINT)] == []

    def test_cfn_lint_passes_on_the_translated_template(self, translated: dict[str, Any]) -> None:
        assert [str(match) for match in lint(json.dumps(translated), config=LINT)] == []

    def test_a_broken_function_is_caught_after_translation(self) -> None:
        broken = TEMPLATE.read_text().replace("      Timeout: 900\n", "      Timeout: 9000\n", 1)
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("AWS_DEFAULT_REGION", "us-east-1")
            output = translate(broken)
        assert any("9000" in str(match) for match in lint(json.dumps(output), config=LINT))


class TestSameStackAsTheConfig:
    @pytest.fixture
    def config(self) -> StackConfig:
        return load_config()

    @staticmethod
    def functions(translated: dict[str, Any]) -> dict[str, dict[str, Any]]:
        found = {}
        for resource in translated["Resources"].values():
            if resource["Type"] == "AWS::Lambda::Function":
                properties = resource["Properties"]
                name = properties["FunctionName"]["Fn::Sub"].removeprefix("spendsense-${Stage}-")
                found[name] = properties
        return found

    def test_every_function_has_the_configured_handler_memory_and_timeout(
        self, translated: dict[str, Any], config: StackConfig
    ) -> None:
        functions = self.functions(translated)
        assert set(functions) == set(config.functions)
        for name, function in config.functions.items():
            properties = functions[name]
            assert (properties["Handler"], properties["MemorySize"], properties["Timeout"]) == (
                function.handler,
                function.memory,
                function.timeout,
            ), name
            assert properties["Runtime"] == config.runtime
            assert len(properties.get("Layers", [])) == len(function.layers), name

    def test_stages_match(self, config: StackConfig) -> None:
        template, _ = decode_str(TEMPLATE.read_text())
        assert template is not None
        stages = template["Mappings"]["Stages"]
        assert set(stages) == set(config.stages)
        for name, stage in config.stages.items():
            assert stages[name]["CorsOrigins"] == ",".join(stage.cors_origins)
            assert stages[name]["LogRetentionDays"] == stage.log_retention_days
            assert stages[name]["Schedule"] == stage.batch_schedule

    def test_the_http_api_has_the_insight_routes_and_a_default(
        self, translated: dict[str, Any], config: StackConfig
    ) -> None:
        (api,) = [
            resource["Properties"]["Body"]
            for resource in translated["Resources"].values()
            if resource["Type"] == "AWS::ApiGatewayV2::Api" and "Body" in resource["Properties"]
        ]
        routes = {f"{method.upper()} {path}" for path, methods in api["paths"].items() for method in methods}
        expected = {
            f"GET /api/insights/{{user_id}}/{function.insight}" for function in config.insight_functions.values()
        }
        assert routes == expected | {"X-AMAZON-APIGATEWAY-ANY-METHOD $default"}
