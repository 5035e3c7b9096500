#!/usr/bin/env bash
# Observability overhead at the edge: two copies of main's jar in front of the same backend, side by side in one
# run, ROUNDS alternating rounds (the order off/on flips every round), medians of the per-round ratios:
#   off: DOJO_METRICS_ENABLED=false, DOJO_TRACING_ENABLED=false (no meter registry, no OpenTelemetry: no spans made;
#        OTEL_SDK_DISABLED=true would still make and propagate every span, only not export it)
#   on:  the defaults (Micrometer + Prometheus registry, per-route histograms, gateway and client timers) and traces
#        exported to a real Zipkin server (launcher/target/zipkin/zipkin-server.jar, in-memory) with
#        OTEL_TRACES_SAMPLER_ARG=0.1 (10 % of new traces kept); Prometheus scrapes it every SCRAPE seconds meanwhile
# Paths: GET /ping and GET /users (a users read), both proxied to users' routes. Backend: a stand-in (nginx serving
# users' bodies; the harshest case, main's own cost is the whole difference), BACKEND=users (the real users service,
# its packaged jar started here on a fresh database of the machine's PostgreSQL with the two demo accounts, its own
# metrics and tracing off so it serves both mains alike: the platform's throughput through main) or
# BACKEND_URL=http://… (a running users).
# Prints per round and path the requests/s of each and main's CPU time per request (its process, /proc), the
# throughput ratio on/off and the CPU ratio off/on (the throughput ratio main alone would reach on an otherwise idle
# machine where it is the bottleneck; steadier than throughput on a loaded machine), their medians (goal ≥ 0.9),
# the load average before the run and each round, the spans Zipkin received and the number of series main exports.
#
# Usage: bench/gateway/observability.sh [seconds-per-round]
# Env: ROUNDS=5 CONNECTIONS=32 THREADS=2 WARMUP=20 SCRAPE=5 ZIPKIN_NICE=19 MAIN_JAR MAIN_JAVA_OPTS ZIPKIN_JAR BACKEND BACKEND_URL
#      BACKEND=users: USERS_JAR (services/users/target/dojo-users-*.jar), PG_URL=jdbc:postgresql://127.0.0.1:5432
#      PG_USER=postgres
#      JFR_DIR: record both mains with JFR (settings=profile) from after the warm-up to the end, written there as
#      off.jfr and on.jfr; bench/gateway/jfr-shares.sh prints where each spent its CPU
#      ON_EXTRA_ENV: more env for the "on" main, to split the cost: "DOJO_TRACING_ENABLED=false" (metrics only) or
#      "DOJO_METRICS_ENABLED=false" (traces only)
#      OFF_ENV: the "off" main's env instead of the default, to compare two ways of observing side by side; a
#      literal $ON_ENV in it stands for the "on" main's tracing env (run I in RESULTS.md compared two server-span
#      filters that way, ADR 0039)
#      TOGETHER=1: both mains loaded at the same time in every round, each by its own wrk (THREADS=1 each), so
#      whatever else the machine does in a round weighs on both alike; the ratio is then that of the two mains'
#      costs per request while they share the cores (the default loads one main at a time, in alternating order)
#      OFF_JAR: the "off" main's jar instead of MAIN_JAR: with OFF_ENV='$ON_ENV', an earlier build against this one
#      (run K in RESULTS.md: the edge's head sampling, ADR 0070)
# Needs wrk, nginx, java 17, main's jar and the Zipkin jar (./mvnw -pl services/main,launcher -am package -DskipTests).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
DURATION="${1:-10}"; ROUNDS="${ROUNDS:-5}"; CONNECTIONS="${CONNECTIONS:-32}"; TOGETHER="${TOGETHER:-0}"
THREADS="${THREADS:-$([ "$TOGETHER" = 1 ] && echo 1 || echo 2)}"
WARMUP="${WARMUP:-20}"; SCRAPE="${SCRAPE:-5}"
BACKEND_PORT=18191; OFF_PORT=18192; ON_PORT=18193; ZIPKIN_PORT=18194; OFF_MGMT=18195; ON_MGMT=18196
# main's recommended flags (docs/gateway.md, "JVM flags")
MAIN_JAVA_OPTS="${MAIN_JAVA_OPTS-"-XX:+UseSerialGC -Xms64m -Xmx128m -Xss512k -XX:ReservedCodeCacheSize=64m -XX:MaxDirectMemorySize=64m -XX:+ExitOnOutOfMemoryError"}"
# deep stacks, so a filter's frames are still in a sample taken far below it
[ -n "${JFR_DIR:-}" ] && MAIN_JAVA_OPTS="$MAIN_JAVA_OPTS -XX:FlightRecorderOptions:stackdepth=512"
. "$ROOT/bench/lib.sh"

command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)"; exit 1; }
[ -x /usr/sbin/nginx ] || { echo "nginx is missing (apt-get install nginx)"; exit 1; }
MAIN_JAR="${MAIN_JAR:-$(ls "$ROOT"/services/main/target/dojo-main-*.jar 2>/dev/null | grep -v original | head -1 || true)}"
ZIPKIN_JAR="${ZIPKIN_JAR:-$ROOT/launcher/target/zipkin/zipkin-server.jar}"
OFF_JAR="${OFF_JAR:-$MAIN_JAR}"
[ -f "$MAIN_JAR" ] && [ -f "$OFF_JAR" ] && [ -f "$ZIPKIN_JAR" ] \
  || { echo "needs main's jar and $ZIPKIN_JAR: ./mvnw -pl services/main,launcher -am package -DskipTests"; exit 1; }
WORK="$(bench_workdir observability-bench)"; chmod 755 "$WORK"
wait_for() { for _ in $(seq 1 600); do curl -fs -o /dev/null "$1" && return 0; sleep 0.2; done; echo "not up: $1"; exit 1; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

if [ "${BACKEND:-}" = users ] && [ -z "${BACKEND_URL:-}" ]; then
  fresh_database obsbench
  start_users $BACKEND_PORT obsbench DOJO_SEED_DEMO=true DOJO_METRICS_ENABLED=false DOJO_TRACING_ENABLED=false
  BACKEND_URL="http://127.0.0.1:$BACKEND_PORT"; BACKEND_NAME="the real users service ($USERS_JAR, PostgreSQL)"
elif [ -z "${BACKEND_URL:-}" ]; then
  mkdir -p "$WORK/backend"
  printf '%s' '{"status":"success","data":{"users":[{"id":2,"username":"michaelherman","email":"michael@mherman.org","created_at":"2026-11-26T04:00:00Z"},{"id":1,"username":"michael","email":"michael@realpython.com","created_at":"2026-11-26T04:00:00Z"}]}}' \
    > "$WORK/backend/users.json"
  cat > "$WORK/backend/nginx.conf" <<CONF
daemon off; worker_processes 1; pid $WORK/backend/nginx.pid; error_log $WORK/backend/error.log;
events { worker_connections 1024; }
http { access_log off; keepalive_requests 1000000; client_body_temp_path $WORK/backend/body;
  server { listen 127.0.0.1:$BACKEND_PORT; default_type application/json;
    location = /ping { return 200 '{"status":"success","message":"pong!"}'; }
    location = /users { alias $WORK/backend/users.json; }
    location /health { return 200 '{"status":"UP"}'; } } }
CONF
  /usr/sbin/nginx -c "$WORK/backend/nginx.conf" -e "$WORK/backend/error.log" & PIDS+=($!)
  BACKEND_URL="http://127.0.0.1:$BACKEND_PORT"; BACKEND_NAME="stand-in (nginx serving users' bodies)"
else
  BACKEND_NAME="$BACKEND_URL"
fi
wait_for "$BACKEND_URL/ping"

# bounded in-memory storage: Zipkin's default 500,000 spans runs a 256 MB heap out of memory within the warm-up
# at the lowest priority (ZIPKIN_NICE): on this machine Zipkin shares main's cores, where a real one has its own, and
# its work on the spans it receives (during "on" rounds only) would otherwise be counted against the "on" main
QUERY_PORT=$ZIPKIN_PORT MEM_MAX_SPANS=50000 nice -n "${ZIPKIN_NICE:-19}" java -Xmx256m -XX:+UseSerialGC \
  -jar "$ZIPKIN_JAR" > "$WORK/zipkin.log" 2>&1 & PIDS+=($!); ZIPKIN_PID=${PIDS[-1]}
wait_for "http://127.0.0.1:$ZIPKIN_PORT/health"

start_main() { # $1 = port, $2 = management port, $3 = jar, rest = env
  local port=$1 mgmt=$2 jar=$3; shift 3
  # shellcheck disable=SC2086
  env "$@" MICRONAUT_SERVER_PORT="$port" DOJO_MANAGEMENT_PORT="$mgmt" DOJO_USERS_URL="$BACKEND_URL" \
    java $MAIN_JAVA_OPTS -jar "$jar" > "$WORK/main-$port.log" 2>&1 & PIDS+=($!)
  wait_for "http://127.0.0.1:$port/health/readiness"
}
ON_ENV="OTEL_TRACES_EXPORTER=zipkin OTEL_TRACES_SAMPLER_ARG=0.1 OTEL_EXPORTER_ZIPKIN_ENDPOINT=http://127.0.0.1:$ZIPKIN_PORT/api/v2/spans"
OFF_ENV="${OFF_ENV:-DOJO_METRICS_ENABLED=false DOJO_TRACING_ENABLED=false}"
OFF_ENV="${OFF_ENV//\$ON_ENV/$ON_ENV}"
set -f # the env lists are split into words, never globbed ("/**")
# shellcheck disable=SC2086
start_main $OFF_PORT $OFF_MGMT "$OFF_JAR" $OFF_ENV; OFF_PID=${PIDS[-1]}
# shellcheck disable=SC2086
start_main $ON_PORT $ON_MGMT "$MAIN_JAR" $ON_ENV ${ON_EXTRA_ENV:-}; ON_PID=${PIDS[-1]}
set +f
if [[ "$OFF_ENV" == *DOJO_METRICS_ENABLED=false* ]] && curl -fs -o /dev/null "http://127.0.0.1:$OFF_MGMT/prometheus"; then
  echo "off still serves /prometheus"; exit 1
fi
echo "off: $OFF_ENV$([ "$OFF_JAR" = "$MAIN_JAR" ] || echo " ($OFF_JAR)")"
[[ "${ON_EXTRA_ENV:-}" == *DOJO_METRICS_ENABLED=false* ]] || curl -fs -o /dev/null "http://127.0.0.1:$ON_MGMT/prometheus" \
  || { echo "on serves no /prometheus"; exit 1; }
echo "on: metrics and traces${ON_EXTRA_ENV:+, with $ON_EXTRA_ENV}"
# a Prometheus stand-in: what a real scrape costs main, every SCRAPE seconds
( while sleep "$SCRAPE"; do curl -fs -o /dev/null "http://127.0.0.1:$ON_MGMT/prometheus" || true; done ) & PIDS+=($!)

echo "observability overhead: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), kernel $(uname -r)"
echo "backend: $BACKEND_NAME; wrk -t$THREADS -c$CONNECTIONS, ${DURATION}s per run, $ROUNDS" \
  "$([ "$TOGETHER" = 1 ] && echo "rounds, both mains loaded together" || echo "alternating rounds")"
echo "load average before: $(load)"
# one run: requests/s and main's CPU time per request (µs; utime+stime of its process over the run, /proc)
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
measure() { # $1 = port, $2 = main's pid, $3 = path, $4 = seconds → "rps cpu-µs-per-request"
  local before after out
  before=$(ticks "$2")
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$4"s "http://127.0.0.1:$1$3" 2>&1)
  after=$(ticks "$2")
  awk -v t="$((after - before))" -v hz="$(getconf CLK_TCK)" '
    / requests in / {n = $1} /Requests\/sec/ {r = $2}
    END {printf "%.0f %.1f", r, n ? t * 1e6 / hz / n : 0}' <<< "$out"
}
together() { # $1 = path, $2 = seconds: both mains loaded at once, their measures in $WORK/off.out and on.out
  local off_job on_job
  measure $OFF_PORT "$OFF_PID" "$1" "$2" > "$WORK/off.out" & off_job=$!
  measure $ON_PORT "$ON_PID" "$1" "$2" > "$WORK/on.out" & on_job=$!
  wait "$off_job" "$on_job"
}
PATHS=(/ping /users)
echo "warm-up ${WARMUP}s per path and mode"
for path in "${PATHS[@]}"; do
  if [ "$TOGETHER" = 1 ]; then
    together "$path" "$WARMUP"
  else
    measure $OFF_PORT "$OFF_PID" "$path" "$WARMUP" >/dev/null; measure $ON_PORT "$ON_PID" "$path" "$WARMUP" >/dev/null
  fi
done
if [ -n "${JFR_DIR:-}" ]; then
  mkdir -p "$JFR_DIR"
  for mode in off on; do
    pid=$OFF_PID; [ $mode = on ] && pid=$ON_PID
    jcmd "$pid" JFR.start name=bench settings=profile filename="$(realpath "$JFR_DIR")/$mode.jfr" >/dev/null
  done
fi
jit() { # $1 = pid → "compilations seconds-compiling MB-of-compiled-code" so far (HotSpot's perf counters)
  jcmd "$1" PerfCounter.print 2>/dev/null | awk -F= '/^sun.ci.totalCompiles=/ {n = $2} /^sun.ci.(standard|osr)Time=/ {t += $2}
    /^sun.os.hrt.frequency=/ {f = $2} /^sun.ci.nmethodCodeSize=/ {c = $2} END {printf "%d %.1f %.1f", n, f ? t / f : 0, c / 1048576}'
}
jit_during() { # $1 = label, $2 = pid, $3 = jit() at the rounds' start: the JIT's work during the rounds, and in all
  local n0 t0 n t c; read -r n0 t0 _ <<< "$3"; read -r n t c <<< "$(jit "$2")"
  echo "$1 main $((n - n0)) compilations, $(awk -v a="$t" -v b="$t0" 'BEGIN {printf "%.1f", a - b}') s compiling ($n, ${t} s, $c MB of code in all)"
}
gc() { # $1 = pid → "young-collections seconds-collecting eden-MB" so far (HotSpot's perf counters, serial/parallel)
  jcmd "$1" PerfCounter.print 2>/dev/null | awk -F= '/^sun.gc.collector.[0-9]+.invocations=/ {n += $2}
    /^sun.gc.collector.[0-9]+.time=/ {t += $2} /^sun.os.hrt.frequency=/ {f = $2}
    /^sun.gc.generation.0.space.0.capacity=/ {e = $2} END {printf "%d %.2f %.1f", n, f ? t / f : 0, e / 1048576}'
}
gc_during() { # $1 = label, $2 = pid, $3 = gc() at the rounds' start: collections and their time during the rounds
  local n0 t0 n t e; read -r n0 t0 _ <<< "$3"; read -r n t e <<< "$(gc "$2")"
  echo "$1 main $((n - n0)) collections, $(awk -v a="$t" -v b="$t0" 'BEGIN {printf "%.2f", a - b}') s (eden $e MB)"
}
declare -A RATIOS CPU_RATIOS
ZIPKIN_TICKS=$(ticks "$ZIPKIN_PID"); ON_TICKS=$(ticks "$ON_PID"); OFF_JIT=$(jit "$OFF_PID"); ON_JIT=$(jit "$ON_PID")
OFF_GC=$(gc "$OFF_PID"); ON_GC=$(gc "$ON_PID")
for r in $(seq 1 "$ROUNDS"); do
  for path in "${PATHS[@]}"; do
    if [ "$TOGETHER" = 1 ]; then
      together "$path" "$DURATION"; off=$(cat "$WORK/off.out"); on=$(cat "$WORK/on.out")
    elif (( r % 2 )); then
      off=$(measure $OFF_PORT "$OFF_PID" "$path" "$DURATION"); on=$(measure $ON_PORT "$ON_PID" "$path" "$DURATION")
    else
      on=$(measure $ON_PORT "$ON_PID" "$path" "$DURATION"); off=$(measure $OFF_PORT "$OFF_PID" "$path" "$DURATION")
    fi
    read -r off_rps off_cpu <<< "$off"; read -r on_rps on_cpu <<< "$on"
    ratio=$(awk -v a="$on_rps" -v b="$off_rps" 'BEGIN {printf "%.3f", b ? a / b : 0}')
    cpu_ratio=$(awk -v a="$off_cpu" -v b="$on_cpu" 'BEGIN {printf "%.3f", b ? a / b : 0}')
    RATIOS[$path]="${RATIOS[$path]:-} $ratio"; CPU_RATIOS[$path]="${CPU_RATIOS[$path]:-} $cpu_ratio"
    echo "round $r $path: off $off_rps req/s $off_cpu µs CPU/req, on $on_rps req/s $on_cpu µs CPU/req;" \
      "on/off throughput $ratio, CPU off/on $cpu_ratio (load $(load))"
  done
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for path in "${PATHS[@]}"; do
  # shellcheck disable=SC2086
  echo "median $path: throughput on/off $(median ${RATIOS[$path]}) (rounds:${RATIOS[$path]});" \
    "main's CPU per request off/on $(median ${CPU_RATIOS[$path]}) (rounds:${CPU_RATIOS[$path]})"
done
echo "load average after: $(load)"
echo "JIT during the rounds: $(jit_during off "$OFF_PID" "$OFF_JIT"); $(jit_during on "$ON_PID" "$ON_JIT")"
echo "GC during the rounds: $(gc_during off "$OFF_PID" "$OFF_GC"); $(gc_during on "$ON_PID" "$ON_GC")"
echo "CPU time over the rounds: on main $(( ($(ticks "$ON_PID") - ON_TICKS) / $(getconf CLK_TCK) )) s," \
  "Zipkin $(( ($(ticks "$ZIPKIN_PID") - ZIPKIN_TICKS) / $(getconf CLK_TCK) )) s (nice ${ZIPKIN_NICE:-19})"
if [ -n "${JFR_DIR:-}" ]; then
  jcmd "$OFF_PID" JFR.stop name=bench >/dev/null; jcmd "$ON_PID" JFR.stop name=bench >/dev/null
  echo "JFR recordings: $JFR_DIR/off.jfr, $JFR_DIR/on.jfr (bench/gateway/jfr-shares.sh $JFR_DIR)"
fi
sleep 2 # the exporter batches spans for up to 1 s
grep -q OutOfMemoryError "$WORK/zipkin.log" && { echo "Zipkin ran out of memory: figures not valid ($WORK/zipkin.log)"; exit 1; }
spans=$(curl -fs "http://127.0.0.1:$ZIPKIN_PORT/prometheus" \
  | awk '/^zipkin_collector_spans_total/ {n += $2} END {printf "%.0f", n}')
if [[ "${ON_EXTRA_ENV:-}" == *DOJO_METRICS_ENABLED=false* ]]; then
  echo "on: $spans spans received by Zipkin (metrics off: no request count to compare with)"
  exit 0
fi
requests=$(curl -fs "http://127.0.0.1:$ON_MGMT/prometheus" \
  | awk '/^dojo_gateway_requests_seconds_count/ {n += $2} END {printf "%.0f", n}')
echo "on: $requests requests proxied, $spans spans received by Zipkin ($(awk -v s="$spans" -v n="$requests" \
  'BEGIN {printf "%.1f", n ? 100 * s / n : 0}') %; one span per sampled request: main's server span)"
echo "on: $(curl -fs "http://127.0.0.1:$ON_MGMT/prometheus" | grep -vc '^#') series in main's /prometheus"
