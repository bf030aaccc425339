#!/usr/bin/env bash
# `make test`: the whole suite against PostgreSQL. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

DATABASE_URL="$(.venv/bin/python scripts/ensure_db.py)"
export DATABASE_URL
.venv/bin/python manage.py makemigrations --check --dry-run --settings=portal.settings_test >/dev/null \
  || { echo "Models changed without a migration: run makemigrations -n <name>." >&2; exit 1; }
exec .venv/bin/python -m pytest "$@"
