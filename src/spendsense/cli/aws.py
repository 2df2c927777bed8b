"""`spendsense aws package|deploy|status|invoke|destroy`: SpendSense on AWS Lambda, from deploy/aws/config.yaml.

`--endpoint-url` (or AWS_ENDPOINT_URL) points every call at an emulator such as moto.
"""

from __future__ import annotations

import importlib
import json
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, get_args

import typer
from rich.table import Table

from spendsense.aws.deploy import stack
from spendsense.aws.deploy.context import DeployContext
from spendsense.aws.packaging.build import BuildResult, build
from spendsense.aws.packaging.wheels import Target
from spendsense.aws.stack_config import DEFAULT_CONFIG, Architecture, Runtime, StackConfig, load_config
from spendsense.cli.app import app, console, fail

aws = typer.Typer(help="Package, deploy and inspect SpendSense on AWS Lambda.", no_args_is_help=True)
app.add_typer(aws, name="aws")

ConfigOption = typer.Option(DEFAULT_CONFIG, "--config", help="The stack's config file.")
EndpointOption = typer.Option(None, "--endpoint-url", envvar="AWS_ENDPOINT_URL", help="An emulator's URL (moto).")
StageOption = typer.Option(..., "--stage", help="A stage of the config file, e.g. dev.")


def _config(path: Path) -> StackConfig:
    try:
        return load_config(path)
    except (OSError, ValueError) as exc:
        fail(f"cannot use {path}: {exc}")


def _target(config: StackConfig, runtime: str | None, arch: str | None) -> Target:
    runtime, arch = runtime or config.runtime, arch or config.architecture
    if runtime not in get_args(Runtime):
        fail(f"--runtime must be one of {', '.join(get_args(Runtime))}")
    if arch not in get_args(Architecture):
        fail(f"--arch must be one of {', '.join(get_args(Architecture))}")
    return Target(runtime, arch)  # type: ignore[arg-type]


def _build(config: StackConfig, target: Target, names: list[str] | None, storage: str) -> BuildResult:
    with console.status(f"building for {target.label} (wheels are cached under build/aws)"):
        result = build(config, target, names, storage)
    table = Table("package", "kind", "zipped MB", "unzipped MB (with layers)", "budget MB", "")
    for report in [*result.layers.values(), *result.functions.values()]:
        budget = f"{report.budget.zipped:g} / {report.budget.unzipped:g}" if report.budget else "-"
        verdict = "[red]over[/]" if report.problems else "[green]ok[/]"
        zipped, unzipped = f"{report.stats.zipped_mb:.1f}", f"{report.total_unzipped_mb:.1f}"
        table.add_row(report.name, report.kind, zipped, unzipped, budget, verdict if report.budget else "")
    console.print(table)
    if not target.compiles_here:
        console.print(
            f"[yellow]note:[/] no .pyc files: this is not {target.runtime}, so every cold start compiles each module;"
            f" build with {target.runtime} for the fastest start."
        )
    if result.problems:
        fail("over budget: " + "; ".join(result.problems), code=1)
    return result


@aws.command()
def package(
    function: str = typer.Option("all", "--function", help="A function of the config file, or all."),
    runtime: str | None = typer.Option(None, "--runtime", help="python3.11, python3.12 or python3.13."),
    arch: str | None = typer.Option(None, "--arch", help="x86_64 or arm64."),
    storage: str = typer.Option("snapshot", "--storage", help="snapshot or postgres (adds the driver's layer)."),
    config_path: Path = ConfigOption,
) -> None:
    """Build the Lambda zips (and layers) from manylinux wheels; fail when one passes its size budget."""
    config = _config(config_path)
    if function != "all" and function not in config.functions:
        fail(f"no function {function!r}; functions: {', '.join(config.functions)}")
    _build(config, _target(config, runtime, arch), None if function == "all" else [function], storage)


@aws.command()
def deploy(
    stage: str = StageOption,
    endpoint_url: str | None = EndpointOption,
    database: Annotated[Path | None, typer.Option(help="SQLite file to seed a new snapshot with.")] = None,
    parquet: Annotated[Path | None, typer.Option(help="Parquet tree to upload (default: none).")] = None,
    config_path: Path = ConfigOption,
) -> None:
    """Create or update every resource of the stage; a second run changes nothing."""
    config = _config(config_path)
    context = _context(config, stage, endpoint_url)
    result = _build(config, _target(config, None, None), None, context.stage.storage)
    with console.status(f"deploying {config.app}-{stage}"):
        changes = stack.deploy(context, stack.DeployInputs(result, database, parquet))
    _print_changes(changes, "nothing to change: the stage is as configured")


@aws.command()
def status(
    stage: str = StageOption, endpoint_url: str | None = EndpointOption, config_path: Path = ConfigOption
) -> None:
    """What exists of the stage."""
    table = Table("kind", "name", "state")
    for row in stack.status(_context(_config(config_path), stage, endpoint_url)):
        table.add_row(row.kind, row.name, row.state if row.state != "missing" else "[red]missing[/]")
    console.print(table)


@dataclass(frozen=True)
class _LocalContext:
    function_name: str
    aws_request_id: str


@aws.command()
def invoke(
    function: Annotated[str, typer.Argument(help="A function of the config file, e.g. api.")],
    event: Annotated[Path, typer.Option("--event", exists=True, dir_okay=False, help="The event, a JSON file.")],
    stage: str = typer.Option("dev", "--stage"),
    local: bool = typer.Option(False, "--local", help="Call the handler in this process instead of in AWS."),
    endpoint_url: str | None = EndpointOption,
    config_path: Path = ConfigOption,
) -> None:
    """Invoke one function with an event file and print its answer."""
    config = _config(config_path)
    if function not in config.functions:
        fail(f"no function {function!r}; functions: {', '.join(config.functions)}")
    payload = json.loads(event.read_text(encoding="utf-8"))
    if local:
        module, _, name = config.functions[function].handler.rpartition(".")
        handler = getattr(importlib.import_module(module), name)
        answer: Any = handler(payload, _LocalContext(function, str(uuid.uuid4())))
    else:
        lam = _context(config, stage, endpoint_url).client("lambda")
        response = lam.invoke(FunctionName=config.function_name(stage, function), Payload=json.dumps(payload).encode())
        answer = json.loads(response["Payload"].read() or b"null")
        if response.get("FunctionError"):
            console.print_json(data=answer)
            fail(f"{function} failed: {response['FunctionError']}", code=1)
    console.print_json(data=answer)


@aws.command()
def destroy(
    stage: str = StageOption,
    endpoint_url: str | None = EndpointOption,
    yes: bool = typer.Option(False, "--yes", help="Do not ask; the stage's data is deleted too."),
    config_path: Path = ConfigOption,
) -> None:
    """Delete every resource of the stage, its database snapshot and buckets included."""
    config = _config(config_path)
    if not yes:
        typer.confirm(f"Delete {config.app}-{stage} and all its data?", abort=True)
    with console.status(f"destroying {config.app}-{stage}"):
        changes = stack.destroy(_context(config, stage, endpoint_url))
    _print_changes(changes, "nothing to delete")


def _context(config: StackConfig, stage: str, endpoint_url: str | None) -> DeployContext:
    if stage not in config.stages:
        fail(f"no stage {stage!r}; stages: {', '.join(config.stages)}")
    return DeployContext(config, stage, endpoint_url)


def _print_changes(changes: list[str], none: str) -> None:
    for change in changes:
        console.print(f"  {change}")
    console.print(f"[bold]{len(changes)}[/] changes" if changes else none)
