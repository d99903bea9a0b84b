#!/usr/bin/env bash
# Install (if missing) and start Debian's PostgreSQL, and create a test database for rasd.
# Prints the URL to use as RASD_TEST_PG / RASD_DB.
set -euo pipefail
if ! command -v pg_lsclusters >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi
VER=$(pg_lsclusters -h | awk 'NR==1{print $1}')
NAME=$(pg_lsclusters -h | awk 'NR==1{print $2}')
if [ -z "$VER" ]; then
  VER=$(ls /usr/lib/postgresql | sort -n | tail -1); NAME=main
  pg_createcluster "$VER" "$NAME" >&2
fi
pg_ctlcluster "$VER" "$NAME" start >&2 2>/dev/null || true
for _ in $(seq 1 30); do
  su postgres -c "pg_isready -q" && break
  sleep 1
done
su postgres -c "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='rasd'\"" | grep -q 1 \
  || su postgres -c "psql -qc \"CREATE ROLE rasd WITH LOGIN SUPERUSER PASSWORD 'rasd'\"" >&2
su postgres -c "psql -qtAc \"SELECT 1 FROM pg_database WHERE datname='rasd_test'\"" | grep -q 1 \
  || su postgres -c "createdb -O rasd rasd_test" >&2
echo "postgresql://rasd:rasd@127.0.0.1:5432/rasd_test"
