"""What every deploy step shares: the stage's config, clients for one account and region, names, and the change log.

Every step is create-or-update: it reads what exists, compares it with what config.yaml
asks for, and only then writes, recording the change. A deploy that records nothing
changed nothing, which is how the tests prove a second deploy is a no-op.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spendsense.aws.clients import client, error_code
from spendsense.aws.stack_config import StackConfig, StageConfig

DB_KEY = "db/spendsense.db"
DB_PATH = "/tmp/spendsense/spendsense.db"  # noqa: S108 (Lambda's only writable folder)
DATA_DIR = "/tmp/spendsense"  # noqa: S108


@dataclass
class DeployContext:
    config: StackConfig
    stage_name: str
    endpoint_url: str | None = None
    changes: list[str] = field(default_factory=list)
    _account: str | None = field(default=None, repr=False)

    @property
    def stage(self) -> StageConfig:
        return self.config.stage(self.stage_name)

    @property
    def region(self) -> str:
        return self.config.region

    def client(self, service: str) -> Any:
        return client(service, self.endpoint_url, self.region)

    @property
    def account(self) -> str:
        if self._account is None:
            self._account = str(self.client("sts").get_caller_identity()["Account"])
        return self._account

    def name(self, suffix: str) -> str:
        return f"{self.config.app}-{self.stage_name}-{suffix}"

    def function_name(self, function: str) -> str:
        return self.config.function_name(self.stage_name, function)

    def function_arn(self, function: str) -> str:
        return f"arn:aws:lambda:{self.region}:{self.account}:function:{self.function_name(function)}"

    def bucket(self, purpose: str) -> str:
        """Bucket names are global: the account id keeps two accounts' stacks apart."""
        return f"{self.config.app}-{self.stage_name}-{purpose}-{self.account}-{self.region}"

    @property
    def buckets(self) -> dict[str, str]:
        return {purpose: self.bucket(purpose) for purpose in ("data", "parquet", "insights")}

    @property
    def connections_table(self) -> str:
        return self.name("connections")

    @property
    def secret_parameter(self) -> str:
        return f"/{self.config.app}/{self.stage_name}/jwt-secret"

    def log_group(self, function: str) -> str:
        return f"/aws/lambda/{self.function_name(function)}"

    def record(self, change: str) -> None:
        self.changes.append(change)


def missing(exc: BaseException, *codes: str) -> bool:
    """True when an AWS error says the thing does not exist."""
    return error_code(exc) in {"ResourceNotFoundException", "NotFoundException", "NoSuchEntity", "404", *codes}
