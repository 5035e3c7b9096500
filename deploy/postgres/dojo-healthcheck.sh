#!/bin/sh
# Healthy once PostgreSQL answers on TCP (after the first-start setup, which runs on the socket only) and each
# service's role logs into its own database with its password: `pg_isready -d <db>` says "accepting connections"
# for a database that does not exist.
set -eu
for db in users eval; do
  PGPASSWORD=$(cat "/secrets/postgres/$db-db-password") \
    psql -h 127.0.0.1 -U "$db" -d "$db" -v ON_ERROR_STOP=1 -qtAc 'SELECT 1' >/dev/null
done
