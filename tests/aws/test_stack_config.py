"""deploy/aws/config.yaml: loads, and refuses what AWS would only refuse at deploy time."""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from pydantic import ValidationError

from spendsense.aws.stack_config import DEFAULT_CONFIG, GATEWAY_TIMEOUT, StackConfig, load_config


def raw() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(DEFAULT_CONFIG.read_text())
    return loaded


class TestStackConfig:
    def test_the_config_loads_with_five_insight_functions_and_a_long_batch(self) -> None:
        config = load_config()
        assert sorted(function.insight or "" for function in config.insight_functions.values()) == [
            "budget-tracking",
            "net-worth",
            "spending-analysis",
            "suggested-budget",
            "weekly-recap",
        ]
        assert config.functions["batch"].timeout > GATEWAY_TIMEOUT
        assert all(f.timeout <= GATEWAY_TIMEOUT for name, f in config.functions.items() if name != "batch")

    def test_a_function_behind_api_gateway_may_not_outlive_it(self) -> None:
        data = raw()
        data["functions"]["api"]["timeout"] = 300
        with pytest.raises(ValidationError, match="behind API Gateway"):
            StackConfig.model_validate(data)

    def test_an_unknown_layer_is_refused(self) -> None:
        data = raw()
        data["functions"]["api"]["layers"] = ["pandas"]
        with pytest.raises(ValidationError, match="unknown layers"):
            StackConfig.model_validate(data)

    def test_a_log_retention_cloudwatch_does_not_offer_is_refused(self) -> None:
        data = raw()
        data["stages"]["dev"]["log_retention_days"] = 10
        with pytest.raises(ValidationError, match="log_retention_days"):
            StackConfig.model_validate(data)

    def test_an_unknown_stage_is_named(self) -> None:
        with pytest.raises(KeyError, match="stages: dev, prod"):
            load_config().stage("qa")
