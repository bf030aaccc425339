#!/usr/bin/env bash
# `make run`: the portal with its demo content on http://127.0.0.1:$PORT.
set -euo pipefail
cd "$(dirname "$0")/.."

export DJANGO_DEBUG=true
DATABASE_URL="$(.venv/bin/python scripts/ensure_db.py)"
export DATABASE_URL
if [ -z "${REDIS_URL:-}" ] && (exec 3<>/dev/tcp/127.0.0.1/6379) 2>/dev/null; then
  export REDIS_URL=redis://127.0.0.1:6379/1
fi

.venv/bin/python manage.py migrate --noinput
.venv/bin/python manage.py createcachetable
.venv/bin/python manage.py load_demo
.venv/bin/python manage.py collectstatic --noinput --verbosity 0
port="${PORT:-8000}"
echo
echo "The portal is at http://127.0.0.1:${port}/ (Ctrl-C stops it)."
exec .venv/bin/python manage.py runserver "127.0.0.1:${port}"
