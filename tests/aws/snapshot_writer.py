"""One container writing to the S3 snapshot, run as its own process by test_snapshot.py.

It starts cold (downloads the snapshot), says it is ready, waits for the signal to go, and
then makes its writes (consent history entries noted `w<writer>-<n>`) through
`LambdaDatabase.run`, exactly as a handler does. It prints what happened as JSON.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from spendsense.aws.clients import client
from spendsense.aws.database import open_database
from spendsense.aws.settings import get_lambda_settings
from spendsense.config import get_settings
from spendsense.consent import service as consent
from spendsense.kit.db import session_scope

USER = "user_aws_1"
WAIT_SECONDS = 60


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--writer", type=int, required=True)
    parser.add_argument("--writes", type=int, required=True)
    parser.add_argument("--signals", type=Path, required=True)
    args = parser.parse_args()

    database = open_database(get_settings(), get_lambda_settings(), lambda: client("s3"))
    (args.signals / f"ready-{args.writer}").touch()
    deadline = time.monotonic() + WAIT_SECONDS
    while not (args.signals / "go").exists():
        if time.monotonic() > deadline:
            raise SystemExit("no go signal")
        time.sleep(0.01)

    for number in range(args.writes):

        def write(note: str = f"w{args.writer}-{number}") -> None:
            with session_scope(database.engine) as session:
                consent.record(session, USER, True, source="test", note=note)

        database.run(write)
    snapshot = database.snapshot
    assert snapshot is not None
    print(json.dumps({"writer": args.writer, "conflicts": database.conflicts, "downloads": snapshot.downloads}))


if __name__ == "__main__":
    main()
