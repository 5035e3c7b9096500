#!/usr/bin/env bash
# Access log at the edge (issue 20.4): main's own writer (accesslog.AccessLog, ADR 0034) against Micronaut's Netty
# access logger behind logback's AsyncAppender with neverBlock (bench/gateway/access-log-logback.xml), side by side
# in one run: two mains in front of one stand-in backend (nginx serving users' bodies), ROUNDS alternating rounds per
# path (the order flips each round), the ratio library/own per round and its median, and each main's CPU time per
# request (/proc: user + kernel, which depends less on what else the machine runs). Both write their lines to a file.
#   own:       the defaults (dojo.access-log.enabled=true)
#   micronaut: DOJO_ACCESS_LOG_ENABLED=false, micronaut.server.netty.access-logger.enabled=true, the closest format
#              Micronaut's parser has (whole milliseconds, no upstream: the Netty handler cannot see the route)
# Usage: bench/gateway/access-log.sh [seconds-per-run]   (env: ROUNDS=6 CONNECTIONS=32 THREADS=2 WARMUP=30)
# Needs wrk, nginx, java 17, main's jar (services/main/target; MAIN_JAR picks another).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
DURATION="${1:-10}"; ROUNDS="${ROUNDS:-6}"; CONNECTIONS="${CONNECTIONS:-32}"; THREADS="${THREADS:-2}"
WARMUP="${WARMUP:-30}"
BACKEND_PORT=18201; OWN_PORT=18202; LIB_PORT=18203
MAIN_JAVA_OPTS="${MAIN_JAVA_OPTS-"-XX:+UseSerialGC -Xms64m -Xmx128m -Xss512k -XX:ReservedCodeCacheSize=64m -XX:MaxDirectMemorySize=64m"}"
. "$ROOT/bench/lib.sh"
WORK="$(bench_workdir access-log-bench)"; chmod 755 "$WORK"
MAIN_JAR="${MAIN_JAR:-$(ls "$ROOT"/services/main/target/dojo-main-*.jar | grep -v original | head -1)}"
wait_for() { for _ in $(seq 1 600); do curl -fs -o /dev/null "$1" && return 0; sleep 0.2; done; echo "not up: $1"; exit 1; }

mkdir -p "$WORK/backend/www"
printf '{"status":"success","message":"pong!"}' > "$WORK/backend/www/ping"
printf '%s' '{"status":"success","data":{"users":[{"id":2,"username":"michaelherman","email":"michael@mherman.org","created_at":"2026-11-26T04:00:00Z"},{"id":1,"username":"michael","email":"michael@realpython.com","created_at":"2026-11-26T04:00:00Z"}]}}' \
  > "$WORK/backend/www/users"
cat > "$WORK/backend/nginx.conf" <<CONF
daemon off; worker_processes 1; pid $WORK/backend/nginx.pid; error_log $WORK/backend/error.log;
events { worker_connections 1024; }
http { access_log off; keepalive_requests 1000000;
  server { listen 127.0.0.1:$BACKEND_PORT; default_type application/json;
    location = /ping { alias $WORK/backend/www/ping; }
    location = /users { alias $WORK/backend/www/users; } } }
CONF
/usr/sbin/nginx -c "$WORK/backend/nginx.conf" -e "$WORK/backend/error.log" & PIDS+=($!)
wait_for "http://127.0.0.1:$BACKEND_PORT/ping"

start_main() { # $1 = name, $2 = port, rest = extra JVM options
  local name=$1 port=$2; shift 2
  # shellcheck disable=SC2086
  MICRONAUT_SERVER_PORT=$port DOJO_MANAGEMENT_PORT=$(( port + 100 )) DOJO_USERS_URL="http://127.0.0.1:$BACKEND_PORT" \
    java $MAIN_JAVA_OPTS "$@" -jar "$MAIN_JAR" > "$WORK/$name.log" 2>&1 & PIDS+=($!)
}
start_main own $OWN_PORT; OWN_PID=${PIDS[-1]}
DOJO_ACCESS_LOG_ENABLED=false start_main micronaut $LIB_PORT \
  -Dlogback.configurationFile="$ROOT/bench/gateway/access-log-logback.xml" \
  -Dmicronaut.server.netty.access-logger.enabled=true \
  -Dmicronaut.server.netty.access-logger.log-format='%m %U %s %Dms upstream=- id=%{X-Request-Id}o'
LIB_PID=${PIDS[-1]}
wait_for "http://127.0.0.1:$OWN_PORT/ping"; wait_for "http://127.0.0.1:$LIB_PORT/ping"
echo "own:       $(curl -s -o /dev/null "http://127.0.0.1:$OWN_PORT/users"; sleep 0.5; grep ' ACCESS ' "$WORK/own.log" | tail -1)"
echo "micronaut: $(curl -s -o /dev/null "http://127.0.0.1:$LIB_PORT/users"; sleep 0.5; grep ' ACCESS ' "$WORK/micronaut.log" | tail -1)"

rps() { wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2"s "$1" 2>&1 | awk '/Requests\/sec/ {printf "%.0f", $2}'; }
CLK_TCK=$(getconf CLK_TCK)
ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"; } # utime + stime of a pid
measure() { # $1 = pid, $2 = url → "rps cpu-µs-per-request"
  local t0 t1 r
  t0=$(ticks "$1"); r=$(rps "$2" "$DURATION"); t1=$(ticks "$1")
  awk -v r="$r" -v t=$((t1 - t0)) -v hz="$CLK_TCK" -v s="$DURATION" 'BEGIN {
    printf "%d %.1f", r, (r > 0 ? t * 1000000 / hz / (r * s) : 0) }'
}
echo "warm-up ${WARMUP}s per main and path"
for path in /ping /users; do
  rps "http://127.0.0.1:$OWN_PORT$path" "$WARMUP" >/dev/null; rps "http://127.0.0.1:$LIB_PORT$path" "$WARMUP" >/dev/null
done
printf '\nwrk -t%s -c%s, %ss per run, %s cores (%s); load average before: %s\n\n' "$THREADS" "$CONNECTIONS" "$DURATION" \
  "$(nproc)" "$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '| path | round | own rps | micronaut rps | micronaut/own | own CPU µs/req | micronaut CPU µs/req | load (1 min) |\n'
printf '|---|---|---|---|---|---|---|---|\n'
rows="$WORK/rows"; : > "$rows"
for path in /ping /users; do
  for r in $(seq 1 "$ROUNDS"); do
    if [ $(( r % 2 )) -eq 1 ]; then
      read -r own own_cpu <<< "$(measure "$OWN_PID" "http://127.0.0.1:$OWN_PORT$path")"
      read -r lib lib_cpu <<< "$(measure "$LIB_PID" "http://127.0.0.1:$LIB_PORT$path")"
    else
      read -r lib lib_cpu <<< "$(measure "$LIB_PID" "http://127.0.0.1:$LIB_PORT$path")"
      read -r own own_cpu <<< "$(measure "$OWN_PID" "http://127.0.0.1:$OWN_PORT$path")"
    fi
    ratio=$(awk -v a="$lib" -v b="$own" 'BEGIN {printf "%.3f", a/b}')
    echo "$path $ratio $own_cpu $lib_cpu" >> "$rows"
    printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$path" "$r" "$own" "$lib" "$ratio" "$own_cpu" "$lib_cpu" \
      "$(cut -d' ' -f1 /proc/loadavg)"
  done
done
printf '\nmedians over %s rounds: throughput micronaut/own; CPU per request own, micronaut (µs)\n' "$ROUNDS"
python3 - "$rows" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
for path in ("/ping", "/users"):
    mine = [r for r in rows if r[0] == path]
    ratios = [float(r[1]) for r in mine]
    own, lib = (statistics.median(float(r[i]) for r in mine) for i in (2, 3))
    print(f"  {path}: {statistics.median(ratios):.3f} (rounds {min(ratios):.3f} to {max(ratios):.3f}); "
          f"CPU {own:.1f} / {lib:.1f} µs per request, micronaut/own {lib / own:.2f}")
PY
printf 'load average after: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
printf 'access lines written: own %s, micronaut %s (the AsyncAppender drops lines when its queue is full)\n' \
  "$(grep -c ' ACCESS ' "$WORK/own.log" || true)" "$(grep -c ' ACCESS ' "$WORK/micronaut.log" || true)"
