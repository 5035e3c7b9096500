#!/usr/bin/env bash
# Runs bench/gateway/run.sh against the REAL users service: two instances of users' packaged jar, one on a database
# with the two demo accounts (GET /ping, GET /users: about 300 bytes) and one on a database with enough accounts
# that GET /users answers about 100 KB (the 100 KB case). Both databases are re-created on each run.
#
# Usage: bench/gateway/real-users.sh [duration-seconds]
# Env: PG_URL (default jdbc:postgresql://127.0.0.1:5432), PG_USER (postgres, trust auth), USERS_JAR (default
# services/users/target/dojo-users-*.jar), plus run.sh's own variables. Needs psql.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
SMALL_PORT=18191
BIG_PORT=18192
. "$ROOT/bench/lib.sh"
WORK="$(bench_workdir gateway-users)"
LOGS="$WORK"

fresh_database gwbench_small
fresh_database gwbench_big
start_users $SMALL_PORT gwbench_small DOJO_SEED_DEMO=true
start_users $BIG_PORT gwbench_big DOJO_SEED_DEMO=false
for port in $SMALL_PORT $BIG_PORT; do
  for _ in $(seq 1 120); do curl -fs -o /dev/null "http://127.0.0.1:$port/health/readiness" && break; sleep 0.5; done
  curl -fs -o /dev/null "http://127.0.0.1:$port/health/readiness" \
    || { echo "users on $port did not start:"; tail -20 "$LOGS"/users-*.log; exit 1; }
done
# accounts written straight into the table (registering 1,000 users through bcrypt would take minutes)
pg_sql gwbench_big "INSERT INTO users (username, email, password)
  SELECT 'user' || lpad(i::text, 5, '0'), 'user' || lpad(i::text, 5, '0') || '@example.org', 'x'
  FROM generate_series(1, 1000) AS i"
sleep 2 # users' read cache holds GET /users for up to 1 s

BACKEND_URL="http://127.0.0.1:$SMALL_PORT" BIG_BACKEND_URL="http://127.0.0.1:$BIG_PORT" BIG_PATH=/users \
  "$ROOT/bench/gateway/run.sh" "$@"
