#!/usr/bin/env bash
# Benchmark the site under gunicorn with wrk (see bench/README.md). Arguments go to run.py.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v wrk >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
if ! pg_isready -q -h 127.0.0.1 -p 5432; then
  echo "PostgreSQL is not answering on 127.0.0.1:5432" >&2
  exit 1
fi
exec .venv/bin/python bench/run.py "$@"
