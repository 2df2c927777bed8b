"""Built packages: within budget, and answering events unpacked, in a bare interpreter that sees nothing else.

The build uses the wheel cache under build/aws (a clean clone downloads the wheels once).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import boto3
import pytest
from typer.testing import CliRunner

from spendsense.aws.database import at_heads
from spendsense.aws.insight_cache import cache_key, data_version
from spendsense.aws.packaging.archive import Source, write_zip
from spendsense.aws.packaging.build import (
    BUILD_ENTRY,
    SCHEMA_HEADS_ENTRY,
    BuildResult,
    PackageReport,
    build,
    layers_for,
)
from spendsense.aws.packaging.requirements import UnknownRequirement, pinned
from spendsense.aws.packaging.smoke import bare_environment, run_handler, runtime_site, unpack
from spendsense.aws.packaging.wheels import Target
from spendsense.aws.stack_config import Budget, load_config
from spendsense.cli import app
from spendsense.kit.db import make_engine, session_scope
from tests.aws.conftest import CUSTOMER, NO_CONSENT, Store, aws_environment, http_event

TARGET = Target("python3.11", "x86_64")


@pytest.fixture(scope="session")
def built() -> BuildResult:
    return build(load_config(), TARGET, ["api", "weekly-recap"])


@pytest.fixture(scope="session")
def unpacked(built: BuildResult, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("unpacked")
    folders = {name: unpack(report.stats.path, root / name) for name, report in built.functions.items()}
    folders["polars"] = unpack(built.layers["polars"].stats.path, root / "opt") / "python"
    folders["runtime"] = runtime_site(root / "runtime")
    return folders


def function_env(store: Store, copy: Path, **extra: str) -> dict[str, str]:
    shutil.copyfile(store.path, copy)
    values = {"ENVIRONMENT": "test", "JWT_SECRET": store.secret, "DB_PATH": str(copy)}
    return bare_environment(
        **values, SPENDSENSE_DATA_DIR=str(copy.parent), CORS_ORIGINS="https://app.example.com", **extra
    )


class TestBudgets:
    def test_the_built_packages_are_within_their_budgets(self, built: BuildResult) -> None:
        assert built.problems == []
        assert built.functions["weekly-recap"].stats.zipped_mb <= 10

    def test_an_insight_zip_carries_neither_polars_nor_fastapi(self, built: BuildResult) -> None:
        with zipfile.ZipFile(built.functions["weekly-recap"].stats.path) as archive:
            tops = {name.split("/")[0] for name in archive.namelist()}
        assert not tops & {"polars", "fastapi", "starlette", "boto3", "botocore", "numpy"}
        assert {"sqlalchemy", "jwt", "spendsense"} <= tops

    def test_a_package_over_its_budget_is_reported(self, built: BuildResult) -> None:
        report = built.functions["weekly-recap"]
        tight = PackageReport(report.name, "function", report.stats, budget=Budget(zipped=1, unzipped=1))
        assert len(tight.problems) == 2


class TestUnpackedPackages:
    def test_the_api_zip_with_its_layer_answers_api_gateway_events(
        self, unpacked: dict[str, Path], lambda_env: Store, tmp_path: Path
    ) -> None:
        headers = {"authorization": f"Bearer {lambda_env.token(CUSTOMER)}"}
        rest = http_event("apiGatewayProxyEvent.json", "GET", f"/api/insights/{CUSTOMER}/weekly-recap", headers)
        del rest["version"]
        events = [http_event("apiGatewayProxyV2Event_GET.json", "GET", "/api/health"), rest]
        report = run_handler(
            [unpacked["api"], unpacked["polars"]],
            "spendsense.aws.handlers.api.handler",
            events,
            function_env(lambda_env, tmp_path / "db.sqlite"),
        )
        assert [answer["statusCode"] for answer in report.answers] == [200, 200]
        assert json.loads(report.answers[1]["body"])["user_id"] == CUSTOMER
        assert "polars" in report.modules
        assert "alembic" not in report.modules  # the store is at the packaged heads: no migration to run

    def test_the_api_zip_migrates_a_store_behind_its_heads(
        self, unpacked: dict[str, Path], lambda_env: Store, tmp_path: Path
    ) -> None:
        env = function_env(lambda_env, tmp_path / "db.sqlite")
        (tmp_path / "db.sqlite").unlink()  # an empty store: every migration is due
        events = [http_event("apiGatewayProxyV2Event_GET.json", "GET", "/api/health")]
        report = run_handler([unpacked["api"], unpacked["polars"]], "spendsense.aws.handlers.api.handler", events, env)
        assert report.answers[0]["statusCode"] == 200
        assert "alembic" in report.modules
        heads = (unpacked["api"] / SCHEMA_HEADS_ENTRY).read_text().split()
        engine = make_engine(f"sqlite:///{tmp_path / 'db.sqlite'}")
        assert at_heads(engine, frozenset(heads))
        engine.dispose()

    def test_the_insight_zip_answers_from_the_cache_with_the_runtimes_boto3(
        self, unpacked: dict[str, Path], lambda_env: Store, aws: str, tmp_path: Path
    ) -> None:
        build_id = (unpacked["weekly-recap"] / BUILD_ENTRY).read_text()
        engine = make_engine(lambda_env.url)
        with session_scope(engine) as session:
            key = cache_key(CUSTOMER, "weekly-recap", None, data_version(session, CUSTOMER), build_id)
        engine.dispose()
        s3 = boto3.client("s3")
        s3.create_bucket(Bucket="insights")
        s3.put_object(Bucket="insights", Key=key, Body=b'{"user_id": "from-cache"}')
        env = function_env(
            lambda_env,
            tmp_path / "db.sqlite",
            S3_BUCKET_INSIGHTS="insights",
            SPENDSENSE_INSIGHTS_COMPUTE_FUNCTION="spendsense-test-batch",
            **aws_environment(aws),
        )
        events = [
            http_event(
                "apiGatewayProxyV2Event_GET.json",
                "GET",
                f"/api/insights/{user}/weekly-recap",
                {"authorization": f"Bearer {lambda_env.token(user)}"},
            )
            for user in (CUSTOMER, NO_CONSENT)
        ]
        report = run_handler(
            [unpacked["weekly-recap"], unpacked["runtime"]],
            "spendsense.aws.handlers.insights.weekly_recap",
            events,
            env,
        )
        answers = [(answer["statusCode"], json.loads(answer["body"])) for answer in report.answers]
        assert answers[0] == (200, {"user_id": "from-cache"})
        assert (answers[1][0], answers[1][1]["error"]) == (403, "consent_required")
        assert not {"polars", "fastapi", "numpy"} & set(report.modules)
        assert "boto3" not in report.modules  # botocore clients, without boto3's import


class TestBuilding:
    @pytest.mark.parametrize(
        ("runtime", "arch", "newest", "refused"),
        [
            ("python3.11", "x86_64", "manylinux2014_x86_64", "manylinux_2_28_x86_64"),
            ("python3.11", "arm64", "manylinux2014_aarch64", "manylinux_2_28_aarch64"),
            ("python3.12", "arm64", "manylinux_2_28_aarch64", "manylinux2014_x86_64"),
            ("python3.13", "x86_64", "manylinux_2_28_x86_64", "manylinux_2_34_x86_64"),
        ],
    )
    def test_pip_resolves_for_the_lambda_runtime_and_architecture(
        self, runtime: str, arch: str, newest: str, refused: str
    ) -> None:
        flags = Target(runtime, arch).pip_flags()  # type: ignore[arg-type]
        platforms = [flags[i + 1] for i, flag in enumerate(flags) if flag == "--platform"]
        assert platforms[0] == newest
        assert refused not in platforms
        assert flags[flags.index("--python-version") + 1] == runtime.removeprefix("python")
        assert "--only-binary=:all:" in flags

    def test_versions_come_from_pyproject(self) -> None:
        assert pinned(["psycopg", "PyJWT"]) == sorted(["psycopg[binary]==3.3.9", "pyjwt==2.15.1"])
        with pytest.raises(UnknownRequirement):
            pinned(["left-pad"])

    def test_postgres_storage_adds_the_driver_layer_to_what_uses_sqlalchemy_without_it(self) -> None:
        functions = load_config().functions
        assert layers_for(functions["weekly-recap"], "postgres") == ("postgres",)
        assert layers_for(functions["weekly-recap"], "snapshot") == ()
        assert layers_for(functions["api"], "postgres") == ("polars",)  # the API zip carries psycopg itself

    def test_the_insight_zip_and_the_driver_layer_connect_through_psycopg(self, tmp_path: Path) -> None:
        result = build(load_config(), TARGET, ["weekly-recap"], storage="postgres")
        assert result.problems == []
        with zipfile.ZipFile(result.functions["weekly-recap"].stats.path) as archive:
            assert not any(name.startswith("psycopg") for name in archive.namelist())
        folders = [
            unpack(result.functions["weekly-recap"].stats.path, tmp_path / "task"),
            unpack(result.layers["postgres"].stats.path, tmp_path / "opt") / "python",
        ]
        code = (
            f"import sys; sys.path[:0] = {[str(folder) for folder in folders]!r}\n"
            "import psycopg, sqlalchemy\n"
            "engine = sqlalchemy.create_engine('postgresql+psycopg://nobody@127.0.0.1:1/none')\n"
            "print(engine.dialect.driver, psycopg.pq.__impl__)\n"
        )
        done = subprocess.run([sys.executable, "-I", "-S", "-c", code], capture_output=True, text=True, check=True)
        assert done.stdout.split() == ["psycopg", "binary"]

    def test_zips_are_byte_for_byte_reproducible(self, tmp_path: Path) -> None:
        (tmp_path / "src" / "pkg").mkdir(parents=True)
        (tmp_path / "src" / "pkg" / "a.py").write_text("A = 1\n")
        (tmp_path / "src" / "pkg" / "skip.txt").write_text("left out\n")
        first = write_zip(tmp_path / "one.zip", [Source(tmp_path / "src")], exclude=["pkg/skip*"])
        second = write_zip(tmp_path / "two.zip", [Source(tmp_path / "src")], exclude=["pkg/skip*"])
        assert first.sha256 == second.sha256
        assert zipfile.ZipFile(first.path).namelist() == ["pkg/a.py"]


def test_the_package_command_fails_when_a_package_passes_its_budget(tmp_path: Path) -> None:
    config = tmp_path / "config.yaml"
    text = (
        "app: spendsense\nregion: us-east-1\nruntime: python3.11\narchitecture: x86_64\n"
        "stages: {dev: {cors_origins: []}}\n"
        "functions:\n  tiny:\n    handler: spendsense.aws.handlers.websocket.handler\n    memory: 128\n    timeout: 3\n"
        "    requirements: [pyjwt]\n    budget: {zipped: BUDGET, unzipped: 100}\n"
    )
    config.write_text(text.replace("BUDGET", "0.01"))
    failed = CliRunner().invoke(app, ["aws", "package", "--config", str(config)])
    assert failed.exit_code == 1
    assert "over budget" in failed.output
    config.write_text(text.replace("BUDGET", "10"))
    passed = CliRunner().invoke(app, ["aws", "package", "--config", str(config), "--function", "tiny"])
    assert passed.exit_code == 0, passed.output
    assert "tiny" in passed.output
