"""Print the API's OpenAPI schema as JSON: the single source of web/src/api/schema.d.ts.

Runs against a throwaway data directory and secret, so dumping never touches a real store.
"""

from __future__ import annotations

import json
import os
import secrets
import sys
import tempfile


def main() -> None:
    with tempfile.TemporaryDirectory() as data_dir:
        os.environ["SPENDSENSE_DATA_DIR"] = data_dir
        os.environ.setdefault("ENVIRONMENT", "development")
        os.environ["JWT_SECRET"] = secrets.token_urlsafe(48)
        from spendsense.api.app import create_app

        json.dump(create_app().openapi(), sys.stdout, indent=2, sort_keys=True)
        sys.stdout.write("\n")


if __name__ == "__main__":
    main()
