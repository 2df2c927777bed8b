"""A demo store built with the real CLI, served by `spendsense serve` on a free loopback port."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from spendsense.auth.service import set_customer_password
from spendsense.kit.db import make_engine, session_scope

SPENDSENSE = str(Path(sys.executable).with_name("spendsense"))
PASSWORD = "spendsense-demo"
OPERATOR = "ops"
AS_OF = "2025-06-18"  # mid-month: budget tracking shows a pace, not a finished month
USERS = 30
START_TIMEOUT_S = 60


def cli_env(data_dir: Path) -> dict[str, str]:
    """Local development settings over a throwaway data directory, whatever the caller's shell had."""
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DB_PATH", "JWT_SECRET", "ENVIRONMENT"}}
    env.update({"SPENDSENSE_DATA_DIR": str(data_dir), "ENVIRONMENT": "development", "SPENDSENSE_LOG_LEVEL": "WARNING"})
    return env


def run_cli(data_dir: Path, *args: str) -> str:
    done = subprocess.run(
        [SPENDSENSE, *args], env=cli_env(data_dir), capture_output=True, text=True, timeout=300, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"spendsense {' '.join(args)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return done.stdout


def build_store(data_dir: Path) -> None:
    """The same steps as `make demo`, on a small population, then the evaluation and the demo operator."""
    generated = data_dir / "generated"
    run_cli(data_dir, "generate", "--users", str(USERS), "--seed", "42", "--as-of", AS_OF, "--out", str(generated))
    run_cli(data_dir, "ingest", str(generated))
    run_cli(data_dir, "pipeline")
    run_cli(data_dir, "eval", "--out", str(data_dir / "eval"), "--labels", str(generated / "labels.json"))
    run_cli(data_dir, "demo-logins", "--customers", "0", "--operator", OPERATOR, "--password", PASSWORD)


def give_passwords(data_dir: Path, user_ids: list[str]) -> None:
    """The demo password for just these customers (argon2 is slow on purpose: hash no more than needed)."""
    engine = make_engine(f"sqlite:///{data_dir / 'spendsense.db'}")
    try:
        with session_scope(engine) as session:
            for user_id in user_ids:
                set_customer_password(session, user_id, PASSWORD)
    finally:
        engine.dispose()


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_until_healthy(url: str, server: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if server.poll() is not None:
            tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
            raise RuntimeError(f"spendsense serve exited with {server.returncode}:\n{tail}")
        try:
            if httpx.get(f"{url}/api/health", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"spendsense serve did not answer on {url} within {START_TIMEOUT_S} s")


@contextmanager
def serve(data_dir: Path) -> Iterator[str]:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log_path = data_dir / "serve.log"
    log = log_path.open("wb")
    server = subprocess.Popen(
        [SPENDSENSE, "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=cli_env(data_dir),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        _wait_until_healthy(url, server, log_path)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


@dataclass(frozen=True)
class Demo:
    """The running app, and the customers the tests play."""

    url: str
    data_dir: Path
    operator_token: str
    star: str  # a customer with a full history and a persona worth explaining
    newcomer: str  # has a login, has not opted in yet
    other: str  # someone the star must not be able to see

    def api(self, token: str | None = None) -> httpx.Client:
        headers = {"Authorization": f"Bearer {token or self.operator_token}"}
        return httpx.Client(base_url=self.url, headers=headers, timeout=10)
