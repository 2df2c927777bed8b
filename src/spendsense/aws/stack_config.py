"""deploy/aws/config.yaml as typed settings: every function's memory, timeout, requirements and budget; stages.

Loading checks what AWS would only reject at deploy time (an unknown layer, a timeout that
outlives API Gateway) so a bad edit fails in the tests instead.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Runtime = Literal["python3.11", "python3.12", "python3.13"]
Architecture = Literal["x86_64", "arm64"]
REPO_ROOT = Path(__file__).resolve().parents[3]
DEFAULT_CONFIG = REPO_ROOT / "deploy" / "aws" / "config.yaml"
# API Gateway answers 504 after 30 s whatever the function does; only the batch function is not behind it.
GATEWAY_TIMEOUT = 29
BATCH = "batch"
LOG_RETENTION_DAYS = frozenset({1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 3653})


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Budget(_Strict):
    zipped: float = Field(gt=0, description="MB, the zip alone")
    unzipped: float = Field(gt=0, description="MB, the zip and its layers unpacked")


class FunctionConfig(_Strict):
    handler: str
    memory: int = Field(ge=128, le=10240)
    timeout: int = Field(ge=1, le=900)
    requirements: tuple[str, ...]
    layers: tuple[str, ...] = ()
    insight: str | None = None
    env: dict[str, str] = Field(default_factory=dict)
    exclude: tuple[str, ...] = Field(default=(), description="globs of zip entries left out")
    budget: Budget


class LayerConfig(_Strict):
    requirements: tuple[str, ...]


class StageConfig(_Strict):
    environment: Literal["test", "production"] = "production"
    storage: Literal["snapshot", "postgres"] = "snapshot"
    cors_origins: tuple[str, ...]
    log_retention_days: int = 14
    batch_schedule: str | None = None

    @model_validator(mode="after")
    def _retention(self) -> StageConfig:
        if self.log_retention_days not in LOG_RETENTION_DAYS:
            raise ValueError(f"log_retention_days must be one of {sorted(LOG_RETENTION_DAYS)}")
        return self


class StackConfig(_Strict):
    app: str = Field(pattern=r"^[a-z][a-z0-9-]{1,20}$")
    region: str
    runtime: Runtime
    architecture: Architecture
    stages: dict[str, StageConfig]
    layers: dict[str, LayerConfig] = Field(default_factory=dict)
    functions: dict[str, FunctionConfig]

    @model_validator(mode="after")
    def _consistent(self) -> StackConfig:
        for name, function in self.functions.items():
            unknown = set(function.layers) - set(self.layers)
            if unknown:
                raise ValueError(f"function {name} uses unknown layers {sorted(unknown)}")
            if name != BATCH and function.timeout > GATEWAY_TIMEOUT:
                raise ValueError(f"function {name} is behind API Gateway: timeout must be <= {GATEWAY_TIMEOUT} s")
        return self

    def stage(self, name: str) -> StageConfig:
        if name not in self.stages:
            raise KeyError(f"no stage {name!r} in the config; stages: {', '.join(self.stages)}")
        return self.stages[name]

    def function_name(self, stage: str, function: str) -> str:
        return f"{self.app}-{stage}-{function}"

    @property
    def insight_functions(self) -> dict[str, FunctionConfig]:
        return {name: function for name, function in self.functions.items() if function.insight}


def load_config(path: Path = DEFAULT_CONFIG) -> StackConfig:
    import yaml

    return StackConfig.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
