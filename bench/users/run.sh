#!/usr/bin/env bash
# Benchmarks the users service side by side in one run (wrk on loopback):
#   GET /ping (baseline), GET /users (100 users), GET /auth/status (token validation + one PK read),
#   POST /auth/login (bcrypt at cost 12).
# Prints requests/s, p50 and p99 per endpoint and each throughput as a ratio of /ping's, plus the service's CPU time
# per request (from /proc: less sensitive than requests/s to other load on the machine).
# Every GET endpoint is warmed up first (JIT), then measured in ROUNDS interleaved rounds (ping, users, status, ping,
# ...) so that a change of machine load during the run hits all of them alike; requests/s is the mean over rounds.
#
# Needs: wrk, psql and a PostgreSQL server (default: the local one, trust auth as postgres).
# Settings (env): BENCH_PG_HOST (127.0.0.1), BENCH_PG_PORT (5432), BENCH_PG_USER (postgres), BENCH_PORT (18481),
#   BENCH_DURATION (10s per endpoint), BENCH_CONNECTIONS (16), BENCH_LOGIN_CONNECTIONS (4: each login burns
#   ~0.2 s of CPU, more connections only queue), BENCH_THREADS (2), BENCH_WARMUP (5s per GET endpoint),
#   BENCH_ROUNDS (2), BENCH_USERS_CLASSES (services/users/target/classes; point it at another build's classes to
#   compare), BENCH_COMMON_JAR (unset; another build's dojo-common jar in place of the one Maven resolves, to compare
#   libs/common changes), BENCH_SKIP_BUILD (unset; set to 1 to use the classes as they are).
set -euo pipefail
cd "$(dirname "$0")/../.."

PG_HOST=${BENCH_PG_HOST:-127.0.0.1}
PG_PORT=${BENCH_PG_PORT:-5432}
PG_USER=${BENCH_PG_USER:-postgres}
PORT=${BENCH_PORT:-18481}
DURATION=${BENCH_DURATION:-10s}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
LOGIN_CONNECTIONS=${BENCH_LOGIN_CONNECTIONS:-4}
THREADS=${BENCH_THREADS:-2}
WARMUP=${BENCH_WARMUP:-5s}
ROUNDS=${BENCH_ROUNDS:-2}
CLASSES=${BENCH_USERS_CLASSES:-services/users/target/classes}
DB=users_bench
BASE="http://127.0.0.1:$PORT"
WORK=$(mktemp -d)
PASSWORD="bench-password-123"

for tool in wrk psql curl java; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is required" >&2; exit 1; }
done

psql_admin() { psql -q -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -v ON_ERROR_STOP=1 "$@"; }
psql_db() { psql -q -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$DB" -v ON_ERROR_STOP=1 "$@"; }

SERVICE_PID=
cleanup() {
  if [[ -n "$SERVICE_PID" ]]; then kill "$SERVICE_PID" 2>/dev/null || true; wait "$SERVICE_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

if [[ -z "${BENCH_SKIP_BUILD:-}" ]]; then
  echo "== building users (skip tests)"
  ./mvnw -q -o install -DskipTests -pl libs/common >/dev/null 2>&1 || ./mvnw -q install -DskipTests -pl libs/common
  ./mvnw -q package -DskipTests -pl services/users
fi
./mvnw -q dependency:build-classpath -pl services/users -Dmdep.includeScope=runtime \
  -Dmdep.outputFile="$WORK/classpath" >/dev/null
if [[ -n "${BENCH_COMMON_JAR:-}" ]]; then
  sed -i "s#[^:]*/dojo-common-[^:/]*\.jar#$BENCH_COMMON_JAR#" "$WORK/classpath"
  grep -q "$BENCH_COMMON_JAR" "$WORK/classpath" || { echo "no dojo-common jar on the classpath to replace"; exit 1; }
fi

echo "== fresh database $DB on $PG_HOST:$PG_PORT"
psql_admin -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"

echo "== starting users on :$PORT (bcrypt cost 12)"
MICRONAUT_SERVER_PORT=$PORT \
DATASOURCES_DEFAULT_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$DB" \
DATASOURCES_DEFAULT_USERNAME="$PG_USER" DATASOURCES_DEFAULT_PASSWORD="" \
DOJO_BCRYPT_COST=12 LOG_LEVEL=WARN \
  java -Xmx512m -cp "$CLASSES:$(cat "$WORK/classpath")" dev.dojo.users.Application \
  >"$WORK/service.log" 2>&1 &
SERVICE_PID=$!
for _ in $(seq 1 120); do
  curl -fs "$BASE/health/readiness" >/dev/null 2>&1 && break
  kill -0 "$SERVICE_PID" 2>/dev/null || { cat "$WORK/service.log"; exit 1; }
  sleep 0.5
done
curl -fs "$BASE/health/readiness" >/dev/null || { echo "users did not become ready"; cat "$WORK/service.log"; exit 1; }

echo "== 100 users (one registered over HTTP, 99 copied in SQL with its hash)"
curl -fs -X POST "$BASE/auth/register" -H 'Content-Type: application/json' \
  -d "{\"username\":\"benchuser\",\"email\":\"bench@example.com\",\"password\":\"$PASSWORD\"}" >/dev/null
psql_db -c "INSERT INTO users (username, email, password)
            SELECT 'benchuser' || n, 'bench' || n || '@example.com', (SELECT password FROM users WHERE username = 'benchuser')
            FROM generate_series(1, 99) AS n"
TOKEN=$(curl -fs -X POST "$BASE/auth/login" -H 'Content-Type: application/json' \
  -d "{\"email\":\"bench@example.com\",\"password\":\"$PASSWORD\"}" | sed -E 's/.*"auth_token":"([^"]+)".*/\1/')
COUNT=$(curl -fs "$BASE/users" | grep -o '"id":' | wc -l)
[[ "$COUNT" == 100 ]] || { echo "expected 100 users, got $COUNT"; exit 1; }

cat >"$WORK/login.lua" <<LUA
wrk.method = "POST"
wrk.body = '{"email":"bench@example.com","password":"$PASSWORD"}'
wrk.headers["Content-Type"] = "application/json"
LUA

# service CPU time so far, in clock ticks (user + system)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$SERVICE_PID/stat"; }
TICK_US=$((1000000 / $(getconf CLK_TCK)))

# run NAME CONNECTIONS wrk-args... → "NAME rps p50 p99 non2xx connections requests cpu-ticks"
run() {
  local name=$1 connections=$2; shift 2
  local out before after
  before=$(cpu_ticks)
  out=$(wrk -t"$THREADS" -c"$connections" -d"$DURATION" --latency "$@")
  after=$(cpu_ticks)
  local rps p50 p99 errors requests
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  errors=$(awk '/Non-2xx or 3xx responses:/ {print $5}' <<<"$out")
  requests=$(awk '/requests in/ {print $1}' <<<"$out")
  echo "$name $rps $p50 $p99 ${errors:-0} $connections $requests $((after - before))"
}

AUTH=(-H "Authorization: Bearer $TOKEN")
echo "== warm-up: $WARMUP per GET endpoint (JIT, pools, caches)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$BASE/ping" >/dev/null 2>&1
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$BASE/users" >/dev/null 2>&1
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "${AUTH[@]}" "$BASE/auth/status" >/dev/null 2>&1
wrk -t1 -c"$LOGIN_CONNECTIONS" -d2s -s "$WORK/login.lua" "$BASE/auth/login" >/dev/null 2>&1

echo "== wrk: $ROUNDS interleaved rounds of ${DURATION} per GET endpoint, $THREADS threads; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
RAW=$WORK/raw
for _ in $(seq 1 "$ROUNDS"); do
  run "GET_/ping" "$CONNECTIONS" "$BASE/ping"
  run "GET_/users_(100)" "$CONNECTIONS" "$BASE/users"
  run "GET_/auth/status" "$CONNECTIONS" "${AUTH[@]}" "$BASE/auth/status"
done >"$RAW"
run "POST_/auth/login_(cost_12)" "$LOGIN_CONNECTIONS" -s "$WORK/login.lua" "$BASE/auth/login" >>"$RAW"
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# per endpoint: mean requests/s over rounds, p50/p99 of the last round, CPU microseconds per request over all rounds
RESULTS=$WORK/results
awk -v tick="$TICK_US" '
  !($1 in n) { order[++count] = $1 }
  { n[$1]++; rps[$1] += $2; p50[$1] = $3; p99[$1] = $4; err[$1] += $5; conns[$1] = $6; reqs[$1] += $7; ticks[$1] += $8 }
  END { for (i = 1; i <= count; i++) { k = order[i];
          printf "%s %.2f %s %s %d %s %.1f\n", k, rps[k] / n[k], p50[k], p99[k], err[k], conns[k],
                 reqs[k] ? ticks[k] * tick / reqs[k] : 0 } }' "$RAW" >"$RESULTS"

PING=$(awk 'NR == 1 {print $2}' "$RESULTS")
PING_CPU=$(awk 'NR == 1 {print $7}' "$RESULTS")
echo
printf '%-28s %6s %12s %10s %10s %8s %10s %12s %12s\n' endpoint conns "requests/s" p50 p99 non-2xx "vs /ping" \
  "cpu us/req" "cpu vs ping"
while read -r name rps p50 p99 errors conns cpu; do
  ratio=$(awk -v a="$rps" -v b="$PING" 'BEGIN {printf "%.2f", a / b}')
  cpu_ratio=$(awk -v a="$cpu" -v b="$PING_CPU" 'BEGIN {printf "%.2f", (a > 0 ? b / a : 0)}')
  printf '%-28s %6s %12s %10s %10s %8s %10s %12s %12s\n' "${name//_/ }" "$conns" "$rps" "$p50" "$p99" "$errors" \
    "$ratio" "$cpu" "$cpu_ratio"
done <"$RESULTS"
echo
echo "targets: /auth/status >= 0.50 of /ping, /users >= 0.33 of /ping (\"cpu vs ping\" = ping's CPU per request / this one's)"
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1); load average after: $LOAD_AFTER"
