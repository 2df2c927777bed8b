"""What names a cached insight: its route, its as-of day, the code build and the version of the user's data.

Standard library only: the insight functions' express lane (`aws.express`) and the full
handlers share these, so both always agree on which cached object answers which request.

The key names the user, the insight, the as-of day, the code build and a digest of the
user's stored data, so any change to what an insight reads gives a new key: a hit can only
ever return what a fresh computation would. `VERSION_SQL` reads that data's figures in one
statement that SQLite (through `sqlite3` or SQLAlchemy) and PostgreSQL both run: ingest
stores every payload as received before turning it into rows, so the raw payloads move with
any account, transaction or liability change; the row counts and sums cover rows changed
some other way. Budgets are saved by customers directly.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from urllib.parse import quote

from spendsense.kit.clock import utcnow
from spendsense.kit.errors import InvalidInput

PATH = re.compile(r"^/api/insights/(?P<user_id>[^/]{1,64})/(?P<kind>[a-z-]+)/?$")
# The API's bounds for `as_of`: far enough from the calendar's ends for its date arithmetic.
EARLIEST, LATEST = date(1970, 1, 1), date(2100, 12, 31)
BUILD_FILE = Path(__file__).with_name("BUILD")

VERSION_SQL = """
SELECT * FROM
  (SELECT count(*), max(id), max(received_at) FROM raw_payloads WHERE user_id = :user_id) AS payloads,
  (SELECT count(*), max(updated_at), sum(current_cents) FROM accounts WHERE user_id = :user_id) AS accounts,
  (SELECT count(*), sum(amount_cents), max(date) FROM transactions WHERE user_id = :user_id) AS transactions,
  (SELECT count(*) FROM liabilities WHERE user_id = :user_id) AS liabilities,
  (SELECT count(*), max(updated_at), sum(amount_cents) FROM budgets WHERE user_id = :user_id) AS budgets
"""


TRANSACTION_COUNT = 6
"""Where `VERSION_SQL`'s row holds the user's transaction count."""


def version_of(row: Sequence[object]) -> str:
    """The digest of `VERSION_SQL`'s one row, as the database driver returned it.

    An insight without an as-of date describes the user's newest transaction day, which the row
    holds; for a user without any transactions it describes today, so today joins their version
    (else yesterday's cached answer would be a hit today, when a fresh one would differ).
    """
    values = tuple(row)
    if not values[TRANSACTION_COUNT]:
        values += (utcnow().date(),)
    return hashlib.sha256(repr(values).encode()).hexdigest()[:32]


def build_id() -> str:
    """The packaged code's digest (written by `spendsense aws package`); "dev" in a checkout."""
    try:
        return BUILD_FILE.read_text(encoding="utf-8").strip() or "dev"
    except FileNotFoundError:
        return "dev"


def cache_key(user_id: str, kind: str, as_of: date | None, version: str, build: str) -> str:
    day = as_of.isoformat() if as_of else "latest"
    return f"insights/{quote(user_id, safe='')}/{kind}/{day}/{build}-{version}.json"


def parse_as_of(value: str | None) -> date | None:
    """`?as_of=YYYY-MM-DD` within the API's bounds; a 422 in the API's shape otherwise."""
    if value is None:
        return None
    try:
        day = date.fromisoformat(value)
    except ValueError:
        day = None
    if day is None or not EARLIEST <= day <= LATEST:
        message = f"a date from {EARLIEST} to {LATEST} (YYYY-MM-DD) is required"
        raise InvalidInput(f"query.as_of: {message}", fields=[{"path": "query.as_of", "message": message}])
    return day
