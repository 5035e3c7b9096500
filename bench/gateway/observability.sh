#!/usr/bin/env bash
# Observability overhead at the edge: main proxying GET /ping to a stand-in backend (nginx serving users' body),
# measured with metrics + tracing OFF and ON side by side in one run, ROUNDS interleaved rounds, medians.
#   off: DOJO_METRICS_ENABLED=false, OTEL_SDK_DISABLED=true (no meters, no-op tracer)
#   on:  the defaults (Micrometer + Prometheus registry, route histograms) and traces exported to a real Zipkin
#        (launcher/target/zipkin/zipkin-server.jar) with OTEL_TRACES_SAMPLER_ARG=0.1 (10 % of new traces kept)
# Usage: bench/gateway/observability.sh [seconds-per-round]   (env: ROUNDS=3 CONNECTIONS=32 THREADS=2 WARMUP=20)
# Both run main's one proxy path (GatewayFilter → ProxyHttpClient, ADR 0037). Prints requests/s of each and the ratio on/off (goal ≥ 0.9). Needs wrk, nginx, java 17, main's jar.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
DURATION="${1:-10}"; ROUNDS="${ROUNDS:-3}"; CONNECTIONS="${CONNECTIONS:-32}"; THREADS="${THREADS:-2}"
WARMUP="${WARMUP:-20}"
BACKEND_PORT=18191; OFF_PORT=18192; ON_PORT=18193; ZIPKIN_PORT=18194
MAIN_JAVA_OPTS="${MAIN_JAVA_OPTS-"-XX:+UseSerialGC -Xms64m -Xmx128m -Xss512k -XX:ReservedCodeCacheSize=64m"}"
. "$ROOT/bench/lib.sh"
WORK="$(bench_workdir observability-bench)"; chmod 755 "$WORK"
MAIN_JAR="${MAIN_JAR:-$(ls "$ROOT"/services/main/target/dojo-main-*.jar | grep -v original | head -1)}"
ZIPKIN_JAR="$ROOT/launcher/target/zipkin/zipkin-server.jar"
wait_for() { for _ in $(seq 1 600); do curl -fs -o /dev/null "$1" && return 0; sleep 0.2; done; echo "not up: $1"; exit 1; }

mkdir -p "$WORK/backend/www"
printf '{"status":"success","message":"pong!"}' > "$WORK/backend/www/ping"
cat > "$WORK/backend/nginx.conf" <<CONF
daemon off; worker_processes 1; pid $WORK/backend/nginx.pid; error_log $WORK/backend/error.log;
events { worker_connections 1024; }
http { access_log off; keepalive_requests 1000000;
  server { listen 127.0.0.1:$BACKEND_PORT; default_type application/json;
    location = /ping { alias $WORK/backend/www/ping; } } }
CONF
/usr/sbin/nginx -c "$WORK/backend/nginx.conf" & PIDS+=($!)
wait_for "http://127.0.0.1:$BACKEND_PORT/ping"

QUERY_PORT=$ZIPKIN_PORT java -Xmx256m -XX:+UseSerialGC -jar "$ZIPKIN_JAR" > "$WORK/zipkin.log" 2>&1 & PIDS+=($!)
wait_for "http://127.0.0.1:$ZIPKIN_PORT/health"

start_main() { # $1 = port, $2 = management port, rest = env
  local port=$1 mgmt=$2; shift 2
  # shellcheck disable=SC2086
  env "$@" MICRONAUT_SERVER_PORT=$port DOJO_MANAGEMENT_PORT=$mgmt DOJO_USERS_URL="http://127.0.0.1:$BACKEND_PORT" \
    java $MAIN_JAVA_OPTS -jar "$MAIN_JAR" > "$WORK/main-$port.log" 2>&1 & PIDS+=($!)
  wait_for "http://127.0.0.1:$port/ping"
}
start_main $OFF_PORT 18195 DOJO_METRICS_ENABLED=false OTEL_SDK_DISABLED=true
start_main $ON_PORT 18196 OTEL_TRACES_EXPORTER=zipkin OTEL_TRACES_SAMPLER_ARG=0.1 \
  OTEL_EXPORTER_ZIPKIN_ENDPOINT="http://127.0.0.1:$ZIPKIN_PORT/api/v2/spans"

rps() { wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2"s "$1" 2>&1 | awk '/Requests\/sec/ {printf "%.0f", $2}'; }
echo "warm-up ${WARMUP}s each"
rps "http://127.0.0.1:$OFF_PORT/ping" "$WARMUP" >/dev/null; rps "http://127.0.0.1:$ON_PORT/ping" "$WARMUP" >/dev/null
OFF=(); ON=()
for r in $(seq 1 "$ROUNDS"); do
  off=$(rps "http://127.0.0.1:$OFF_PORT/ping" "$DURATION"); on=$(rps "http://127.0.0.1:$ON_PORT/ping" "$DURATION")
  OFF+=("$off"); ON+=("$on"); echo "round $r: off $off req/s, on $on req/s"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
m_off=$(median "${OFF[@]}"); m_on=$(median "${ON[@]}")
echo "median: off $m_off req/s, on $m_on req/s, on/off $(awk -v a="$m_on" -v b="$m_off" 'BEGIN {printf "%.2f", a/b}')"
echo "traces in Zipkin: $(curl -fs "http://127.0.0.1:$ZIPKIN_PORT/api/v2/traces?serviceName=main&limit=100000" | grep -o '"traceId"' | wc -l) spans (10 % sampling)"
curl -fs "http://127.0.0.1:18196/prometheus" | grep -c '^dojo_gateway_requests_seconds_bucket' | xargs echo "gateway histogram buckets on:"
