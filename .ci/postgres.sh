#!/usr/bin/env bash
# Installs (when missing) and starts a local PostgreSQL, creates the test role and database, and prints
# the Npgsql connection string on its last line. Idempotent: safe to run again on a running server.
# Usage: eval "export CONVERSATIONS_TEST_POSTGRES='$(.ci/postgres.sh | tail -n1)'"
set -euo pipefail

PG_USER="${PG_USER:-conversations}"
PG_PASSWORD="${PG_PASSWORD:-conversations}"
PG_DB="${PG_DB:-conversations}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

if ! command -v pg_lsclusters >/dev/null 2>&1; then
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >&2
fi

# The Debian packaging creates one cluster; create it if a minimal image removed it.
if [ -z "$(pg_lsclusters -h)" ]; then
  version="$(ls /usr/lib/postgresql | sort -V | tail -n1)"
  $SUDO pg_createcluster "$version" main >&2
fi
read -r PG_VERSION PG_CLUSTER PG_PORT PG_STATUS _ < <(pg_lsclusters -h | head -n1)
if [ "$PG_STATUS" != "online" ]; then
  $SUDO pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" start >&2
fi

as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }
psql_admin() { as_postgres psql -p "$PG_PORT" -v ON_ERROR_STOP=1 -qtAX "$@"; }
for _ in $(seq 1 30); do psql_admin -c 'select 1' >/dev/null 2>&1 && break; sleep 1; done

if [ "$(psql_admin -c "select 1 from pg_roles where rolname = '$PG_USER'")" != "1" ]; then
  psql_admin -c "create role \"$PG_USER\" login password '$PG_PASSWORD'" >&2
fi
# Test fixtures may create a database of their own (a server per fixture, a cluster per test).
psql_admin -c "alter role \"$PG_USER\" createdb" >&2
# They drop those databases WITH (FORCE), which ends whatever is still connected, an autovacuum worker included;
# a plain role may not signal one ("must be a member of the role whose process is being terminated or member of
# pg_signal_backend"), so a drop that met autovacuum failed its fixture's cleanup.
psql_admin -c "grant pg_signal_backend to \"$PG_USER\"" >&2
if [ "$(psql_admin -c "select 1 from pg_database where datname = '$PG_DB'")" != "1" ]; then
  psql_admin -c "create database \"$PG_DB\" owner \"$PG_USER\"" >&2
fi

echo "Host=localhost;Port=$PG_PORT;Username=$PG_USER;Password=$PG_PASSWORD;Database=$PG_DB"
