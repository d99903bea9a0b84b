#!/usr/bin/env bash
# Install rasd and its test tools into .venv (Python 3.11+). Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e '.[test]'
# Build the knowledge-base index once (cached under ~/.cache/rasd; rebuilt when data files change).
.venv/bin/rasd kb info
