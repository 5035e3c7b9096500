#!/usr/bin/env bash
# eval grading benchmark: POST /submissions of a correct answer to the seed "sum" exercise over HTTP (wrk on
# loopback), measured side by side in one run:
#   A. alone
#   B. while a hostile submission (an infinite loop) is being graded over and over, holding one sandbox slot
#   D. fair share: one learner (one connection, its own account) alone, then while another account floods the
#      grader (FLOODERS parallel loops of sleeping submissions, never waiting; all but 2 answered 429)
# Prints p50/p99 latency and sustained gradings/s for both, the ratios B/A, and how long one correct grading
# waits when every slot but one is held by an infinite loop (bounded by the wall-time limit).
#
# Usage: bench/eval/run.sh [duration-seconds]   (env: CONNECTIONS=4 THREADS=2 WARMUP=10 FLOODERS=8 PG_HOST PG_PORT PG_USER)
# wrk runs with --timeout 30s: a grading that waits for a slot is measured, not dropped as a socket timeout.
# Needs: wrk, psql, a PostgreSQL server (default 127.0.0.1:5432, trust auth), bubblewrap, python3, java 17.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
DURATION="${1:-15}"
CONNECTIONS="${CONNECTIONS:-4}"
WARMUP="${WARMUP:-10}"
THREADS="${THREADS:-2}"
FLOODERS="${FLOODERS:-8}"
PG_HOST="${PG_HOST:-127.0.0.1}"
PG_PORT="${PG_PORT:-5432}"
PG_USER="${PG_USER:-postgres}"
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
EVAL_PORT="${EVAL_PORT:-$(free_port)}"
JWKS_PORT="${JWKS_PORT:-$(free_port)}"
DB=dojo_eval_bench
. "$ROOT/bench/lib.sh"
WORK="$(bench_workdir eval-bench)"

command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)"; exit 1; }
command -v psql >/dev/null || { echo "psql is missing"; exit 1; }

JAR="$(ls "$ROOT"/services/eval/target/dojo-eval-*.jar 2>/dev/null | grep -v original | head -1 || true)"
if [ -z "$JAR" ]; then
  echo "building eval's jar…"
  (cd "$ROOT" && ./mvnw -q -pl services/eval -am package -DskipTests -Dapi.skip)
  JAR="$(ls "$ROOT"/services/eval/target/dojo-eval-*.jar | grep -v original | head -1)"
fi
NIMBUS="$(ls ~/.m2/repository/com/nimbusds/nimbus-jose-jwt/*/nimbus-jose-jwt-*.jar | grep -v sources | tail -1)"

psql -q -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -c "DROP DATABASE IF EXISTS $DB" \
  -c "CREATE DATABASE $DB" >/dev/null

java -cp "$NIMBUS" "$ROOT/bench/eval/BenchTokens.java" "$JWKS_PORT" "$WORK" &
PIDS+=($!)
for _ in $(seq 100); do [ -s "$WORK/admin.jwt" ] && break; sleep 0.1; done
[ -s "$WORK/admin.jwt" ] || { echo "the stand-in JWKS server did not start"; exit 1; }

MICRONAUT_SERVER_PORT=$EVAL_PORT \
DATASOURCES_DEFAULT_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$DB" DATASOURCES_DEFAULT_USERNAME="$PG_USER" \
DATASOURCES_DEFAULT_PASSWORD="" DOJO_USERS_JWKS_URL="http://127.0.0.1:$JWKS_PORT/keys" DOJO_SEED_DEMO=true \
  java -XX:+UseSerialGC -Xmx256m -jar "$JAR" > "$WORK/eval.log" 2>&1 &
EVAL_PID=$!
PIDS+=($EVAL_PID)
for _ in $(seq 300); do
  curl -fs "http://127.0.0.1:$EVAL_PORT/health/readiness" >/dev/null 2>&1 && break
  sleep 0.1
done
curl -fs "http://127.0.0.1:$EVAL_PORT/health/readiness" >/dev/null || { echo "eval did not become ready:"; tail -20 "$WORK/eval.log"; exit 1; }

SUM_ID="$(curl -fs "http://127.0.0.1:$EVAL_PORT/exercises" | python3 -c \
  'import json,sys; print(next(e["id"] for e in json.load(sys.stdin)["data"]["exercises"] if e["title"] == "Sum"))')"
printf '{"exercise_id": %s, "code": "def sum(x, y):\\n    return x + y\\n"}' "$SUM_ID" > "$WORK/correct.json"
printf '{"exercise_id": %s, "code": "while True:\\n    pass\\n"}' "$SUM_ID" > "$WORK/loop.json"
printf '{"exercise_id": %s, "code": "import time\\ntime.sleep(60)\\n"}' "$SUM_ID" > "$WORK/sleep.json"
export TOKEN_FILE="$WORK/user.jwt"

submit() { # $1 = body file; prints verdict and time
  curl -s -o "$WORK/last.json" -w '%{time_total}' -X POST "http://127.0.0.1:$EVAL_PORT/submissions" \
    -H 'Content-Type: application/json' -H "Authorization: Bearer $(cat "$TOKEN_FILE")" --data-binary "@$1"
}

echo "warming up…"
TOKEN_DIR="$WORK" BODY_FILE="$WORK/correct.json" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -s "$ROOT/bench/eval/submit.lua" \
  "http://127.0.0.1:$EVAL_PORT/submissions" >/dev/null

# CPU seconds (user+sys) used by the eval JVM and every sandbox it ran (children are reaped, so counted):
# independent of what else the machine is doing, unlike latency and throughput
cpu_ticks() { awk '{print $14 + $15 + $16 + $17, $14 + $15}' "/proc/$EVAL_PID/stat"; }
TICK_HZ="$(getconf CLK_TCK)"

run_wrk() {
  TOKEN_DIR="$WORK" BODY_FILE="$WORK/correct.json" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 30s --latency \
    -s "$ROOT/bench/eval/submit.lua" "http://127.0.0.1:$EVAL_PORT/submissions" | grep '^RESULT'
}

echo "A. correct submissions alone (${DURATION}s, $CONNECTIONS connections)…"
LOAD_BEFORE="$(cut -d' ' -f1 /proc/loadavg)"
CPU_BEFORE="$(cpu_ticks)"
A="$(run_wrk)"
CPU_AFTER="$(cpu_ticks)"

echo "B. the same while an infinite loop is graded back to back…"
( while true; do submit "$WORK/loop.json" >/dev/null; done ) &
HOSTILE=$!
PIDS+=($HOSTILE)
sleep 0.5
B="$(run_wrk)"
kill "$HOSTILE" 2>/dev/null || true

echo "C. one correct grading right after an infinite loop took a slot (x5)…"
C=()
for _ in 1 2 3 4 5; do
  ( submit "$WORK/loop.json" >/dev/null ) &
  LOOP=$!
  sleep 0.2
  C+=("$(TOKEN_FILE="$WORK/learner.jwt" submit "$WORK/correct.json")")
  wait "$LOOP" 2>/dev/null || true
done

echo "D. one learner alone, then while another account floods ($FLOODERS loops, ${DURATION}s each)…"
learner() {
  TOKEN_FILE="$WORK/learner.jwt" BODY_FILE="$WORK/correct.json" wrk -t1 -c1 -d"${DURATION}s" --timeout 30s --latency \
    -s "$ROOT/bench/eval/submit.lua" "http://127.0.0.1:$EVAL_PORT/submissions" | grep '^RESULT'
}
DQ="$(learner)"
FLOOD=()
for i in $(seq "$FLOODERS"); do
  ( while true; do
      curl -s -o /dev/null -w '%{http_code}\n' -X POST "http://127.0.0.1:$EVAL_PORT/submissions" \
        -H 'Content-Type: application/json' -H "Authorization: Bearer $(cat "$WORK/flood.jwt")" \
        --data-binary "@$WORK/sleep.json" >> "$WORK/flood-$i.codes"
    done ) &
  FLOOD+=($!)
  PIDS+=($!)
done
sleep 1
DF="$(learner)"
for pid in "${FLOOD[@]}"; do kill "$pid" 2>/dev/null || true; done
FLOOD_CODES="$(cat "$WORK"/flood-*.codes 2>/dev/null | sort | uniq -c | awk '{print $2 "=" $1}' | paste -sd' ')"

field() { echo "$1" | sed -E "s/.*$2=([0-9.]+).*/\1/"; }
VERDICTS="$(psql -tA -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$DB" \
  -c "SELECT verdict || '=' || count(*) FROM submissions GROUP BY verdict ORDER BY 1" | paste -sd' ')"
WALL="$(grep -o 'wall-time[^,]*' "$WORK/eval.log" | head -1 || true)"

echo
echo "== eval grading benchmark ($(nproc) cores, $CONNECTIONS connections, ${DURATION}s per run) =="
printf '%-34s %10s %10s %12s\n' "" "p50 ms" "p99 ms" "gradings/s"
printf '%-34s %10s %10s %12s\n' "A. alone" "$(field "$A" p50_ms)" "$(field "$A" p99_ms)" "$(field "$A" rps)"
printf '%-34s %10s %10s %12s\n' "B. beside an infinite loop" "$(field "$B" p50_ms)" "$(field "$B" p99_ms)" "$(field "$B" rps)"
python3 - "$A" "$B" <<'PY'
import re, sys
a, b = ({k: float(v) for k, v in re.findall(r"(\w+)=([0-9.]+)", s)} for s in sys.argv[1:3])
print(f"ratios B/A: p50 x{b['p50_ms'] / a['p50_ms']:.2f}, p99 x{b['p99_ms'] / a['p99_ms']:.2f}, "
      f"throughput x{b['rps'] / a['rps']:.2f}")
print(f"errors: A {int(a['errors'])}, B {int(b['errors'])}")
PY
python3 - "$A" "$CPU_BEFORE" "$CPU_AFTER" "$TICK_HZ" "$(nproc)" <<'PY'
import re, sys
a = {k: float(v) for k, v in re.findall(r"(\w+)=([0-9.]+)", sys.argv[1])}
(total0, jvm0), (total1, jvm1) = (map(float, x.split()) for x in sys.argv[2:4])
per = lambda ticks: ticks / float(sys.argv[4]) * 1000 / a["requests"]
ms, jvm = per(total1 - total0), per(jvm1 - jvm0)
print(f"CPU per grading (run A): {ms:.1f} ms = JVM {jvm:.1f} ms + sandbox processes {ms - jvm:.1f} ms"
      f" -> capacity on {sys.argv[5]} idle cores ~ {int(sys.argv[5]) * 1000 / ms:.0f} gradings/s"
      " (PostgreSQL and wrk not counted)")
PY
echo "machine load average (1 min) when run A started: $LOAD_BEFORE"
echo "C. correct grading while a loop holds a slot: ${C[*]} s"
echo "verdicts recorded: $VERDICTS"
echo
echo "== fair share: another learner's correct submissions (1 connection) =="
printf '%-34s %10s %10s %12s\n' "" "p50 ms" "p99 ms" "gradings/s"
printf '%-34s %10s %10s %12s\n' "D1. quiet" "$(field "$DQ" p50_ms)" "$(field "$DQ" p99_ms)" "$(field "$DQ" rps)"
printf '%-34s %10s %10s %12s\n' "D2. one account flooding" "$(field "$DF" p50_ms)" "$(field "$DF" p99_ms)" "$(field "$DF" rps)"
echo "learner errors (non-2xx or socket): quiet $(field "$DQ" errors), flooded $(field "$DF" errors)"
echo "flood's answers (HTTP status=count): $FLOOD_CODES"
