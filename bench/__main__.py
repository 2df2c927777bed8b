"""`python -m bench [--quick]`: run every `bench/bench_*.py` module's `main()`, in name order.

Each module prints its own table and writes its JSON under bench/results/. The arguments are
passed to every module (all of them understand `--quick`). Exit status 1 if any module fails.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path


def modules() -> list[str]:
    here = Path(__file__).resolve().parent
    return sorted(info.name for info in pkgutil.iter_modules([str(here)]) if info.name.startswith("bench_"))


def main(argv: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    failed = [name for name in modules() if importlib.import_module(f"bench.{name}").main(list(arguments)) != 0]
    for name in failed:
        print(f"bench.{name} failed", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
