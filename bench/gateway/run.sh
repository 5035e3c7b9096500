#!/usr/bin/env bash
# Gateway benchmark: the same backend measured directly, through main (the Micronaut edge) and through nginx
# (Debian's, the original's front door) as a reverse proxy, in one run, with wrk on loopback.
# Prints throughput ratios (proxied/direct) and the latency each proxy adds at p50/p99 for ROUNDS interleaved rounds
# and their medians, the CPU each run cost per request (proxy, backend, whole machine), the latency each proxy adds
# unloaded (one connection), plus main's RSS under load. The header line names the machine (CPU, kernel, nginx).
#
# Usage: bench/gateway/run.sh [duration-seconds]   (env: CONNECTIONS=32 THREADS=2 WARMUP=40 ROUNDS=5)
# WARMUP is per path, for main only: its JIT keeps improving main's code for a minute or two under load.
# Needs: wrk, nginx (/usr/sbin/nginx), java 17; builds main's runnable jar if it is missing.
#
# Backend: a stand-in that answers users' GET /ping and GET /users with the same bodies users sends, and a
# 100 KB JSON at GET /users/big, served by a separate nginx process. A stand-in that costs almost nothing is the
# harshest case for a proxy (its own cost is the whole difference) and is identical for main and nginx.
# Set BACKEND_URL=http://127.0.0.1:PORT to measure a running users service instead. The 100 KB case then needs
# BIG_BACKEND_URL (a second users instance whose GET /users answers about 100 KB; BIG_PATH, default /users): main
# and nginx get a second instance each in front of it. bench/gateway/real-users.sh starts both users instances.
#
# MAIN_JAR picks another build of main (e.g. an older one, for a before/after). main runs with MAIN_JAVA_OPTS (default: the flags recommended for main in docs/gateway.md, "JVM flags").
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
DURATION="${1:-10}"
CONNECTIONS="${CONNECTIONS:-32}"
THREADS="${THREADS:-2}"
WARMUP="${WARMUP:-40}"
UNLOADED_SECONDS="${UNLOADED_SECONDS:-5}"
ROUNDS="${ROUNDS:-5}"
BACKEND_PORT=18181
MAIN_PORT=18180
NGINX_PORT=18182
BIG_MAIN_PORT=18183
BIG_NGINX_PORT=18184
# main's recommended flags: C2 kept (C1-only code costs main 2-3x the CPU per request), a bounded heap
MAIN_JAVA_OPTS="${MAIN_JAVA_OPTS-"-XX:+UseSerialGC -Xms64m -Xmx128m -Xss512k -XX:ReservedCodeCacheSize=64m -XX:MaxDirectMemorySize=64m -XX:+ExitOnOutOfMemoryError"}"
. "$ROOT/bench/lib.sh"
WORK="$(bench_workdir gateway-bench)"
chmod 755 "$WORK" # nginx workers run unprivileged and must read the stand-in's files

command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)"; exit 1; }
[ -x /usr/sbin/nginx ] || { echo "nginx is missing (apt-get install nginx)"; exit 1; }

MAIN_JAR="${MAIN_JAR:-$(ls "$ROOT"/services/main/target/dojo-main-*.jar 2>/dev/null | grep -v original | head -1 || true)}"
if [ -z "$MAIN_JAR" ]; then
  echo "building main's jar…"
  (cd "$ROOT" && ./mvnw -q -pl services/main -am package -DskipTests)
  MAIN_JAR="$(ls "$ROOT"/services/main/target/dojo-main-*.jar | grep -v original | head -1)"
fi

nginx_conf() { # $1 = name, $2 = server block body
  mkdir -p "$WORK/$1"
  cat > "$WORK/$1/nginx.conf" <<CONF
daemon off;
worker_processes auto;
pid $WORK/$1/nginx.pid;
error_log $WORK/$1/error.log warn;
events { worker_connections 1024; }
http {
  access_log $WORK/$1/access.log;
  client_body_temp_path $WORK/$1/body;
  proxy_temp_path $WORK/$1/proxy;
  fastcgi_temp_path $WORK/$1/fastcgi;
  uwsgi_temp_path $WORK/$1/uwsgi;
  scgi_temp_path $WORK/$1/scgi;
  $2
}
CONF
}

wait_for() { # $1 = url
  for _ in $(seq 1 120); do
    curl -fs -o /dev/null "$1" && return 0
    sleep 0.5
  done
  echo "no answer from $1"; exit 1
}

# --- backend -------------------------------------------------------------------------------------------------
if [ -z "${BACKEND_URL:-}" ]; then
  mkdir -p "$WORK/backend/www/users"
  printf '%s' '{"status":"success","data":{"users":[{"id":2,"username":"michaelherman","email":"michael@mherman.org","created_at":"2026-11-26T04:00:00Z"},{"id":1,"username":"michael","email":"michael@realpython.com","created_at":"2026-11-26T04:00:00Z"}]}}' \
    > "$WORK/backend/www/users.json"
  python3 - "$WORK/backend/www/users/big" <<'PY'
import json, sys
users = [{"id": i, "username": f"user{i:05d}", "email": f"user{i:05d}@example.org",
          "created_at": "2026-11-26T04:00:00Z"} for i in range(1, 100000)]
out, body = [], None
for n in range(1, len(users)):
    body = json.dumps({"status": "success", "data": {"users": users[:n]}}, separators=(",", ":"))
    if len(body) >= 100 * 1024:
        break
open(sys.argv[1], "w").write(body)
PY
  nginx_conf backend "
  server {
    listen 127.0.0.1:$BACKEND_PORT;
    access_log off;
    default_type application/json;
    location = /ping { return 200 '{\"status\":\"success\",\"message\":\"pong!\"}'; }
    location = /users { alias $WORK/backend/www/users.json; }
    location = /users/big { alias $WORK/backend/www/users/big; }
  }"
  /usr/sbin/nginx -c "$WORK/backend/nginx.conf" -e "$WORK/backend/error.log" & PIDS+=($!)
  BACKEND_URL="http://127.0.0.1:$BACKEND_PORT"
  BACKEND_NAME="stand-in (nginx serving users' bodies)"
else
  BACKEND_NAME="$BACKEND_URL"
fi
wait_for "$BACKEND_URL/ping"

# --- nginx as reverse proxy (the anchor) and main, in front of each backend ----------------------------------
start_proxies() { # $1 = backend url, $2 = nginx port, $3 = main port, $4 = name
  local hostport="${1#http://}"
  nginx_conf "proxy$4" "
  upstream users { server $hostport; keepalive 64; }
  server {
    listen 127.0.0.1:$2;
    location / {
      proxy_pass http://users;
      proxy_http_version 1.1;
      proxy_set_header Connection \"\";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$remote_addr;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_set_header X-Forwarded-Host \$host;
    }
  }"
  /usr/sbin/nginx -c "$WORK/proxy$4/nginx.conf" -e "$WORK/proxy$4/error.log" & PIDS+=($!)
  wait_for "http://127.0.0.1:$2/ping"
  # shellcheck disable=SC2086
  MICRONAUT_SERVER_PORT=$3 DOJO_MANAGEMENT_PORT=$(( $3 + 100 )) DOJO_USERS_URL="$1" \
    java $MAIN_JAVA_OPTS -jar "$MAIN_JAR" > "$WORK/main$4.log" 2>&1 & PIDS+=($!)
  wait_for "http://127.0.0.1:$3/health/readiness"
}
start_proxies "$BACKEND_URL" "$NGINX_PORT" "$MAIN_PORT" ""
MAIN_PID=${PIDS[-1]}
if [ -n "${BIG_BACKEND_URL:-}" ]; then
  BIG_PATH="${BIG_PATH:-/users}"
  wait_for "$BIG_BACKEND_URL/ping"
  start_proxies "$BIG_BACKEND_URL" "$BIG_NGINX_PORT" "$BIG_MAIN_PORT" "-big"
else
  BIG_BACKEND_URL="$BACKEND_URL"; BIG_PATH=/users/big; BIG_MAIN_PORT=$MAIN_PORT; BIG_NGINX_PORT=$NGINX_PORT
fi
printf '100 KB case: %s%s is %s bytes\n' "$BIG_BACKEND_URL" "$BIG_PATH" "$(curl -fs "$BIG_BACKEND_URL$BIG_PATH" | wc -c)"

# --- measure -------------------------------------------------------------------------------------------------
run_wrk() { # $1 = url, $2 = seconds → "rps p50_ms p99_ms errors"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2"s --latency "$1" 2>&1 | awk '
    function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
    /Requests\/sec/ { rps = $2 }
    /^ +50%/ { p50 = ms($2) }
    /^ +99%/ { p99 = ms($2) }
    /Non-2xx|Socket errors/ { err = err $0 " " }
    END { printf "%.0f %.3f %.3f %s\n", rps, p50, p99, (err == "" ? "-" : err) }'
}

# CPU time of each run, charged per request: the proxy's and the backend's processes (those listening on their port)
# and the whole machine's (the processes, wrk among them, and the kernel's own network work). Throughput on two
# shared cores swings by ±10 % from run to run; CPU per request swings less and says where the time goes.
CLK_TCK=$(getconf CLK_TCK)
port_pids() { # $1 = port → the pids listening on it
  { ss -Hltnp "sport = :$1" | grep -o 'pid=[0-9]*' || true; } | cut -d= -f2 | sort -u | tr '\n' ' '
}
ticks() { # $@ = pids → their CPU time in clock ticks, user and kernel
  local total=0 pid
  for pid in "$@"; do
    # fields after the command name (which may hold spaces): utime and stime are the 12th and 13th
    total=$(( total + $(awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$pid/stat" 2>/dev/null || echo 0) ))
  done
  echo "$total"
}
machine_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 }' /proc/stat; }

rss_max_file="$WORK/rss"
echo 0 > "$rss_max_file"
sample_rss() {
  while kill -0 "$MAIN_PID" 2>/dev/null; do
    rss=$(ps -o rss= -p "$MAIN_PID" | tr -d ' ')
    [ -n "$rss" ] && [ "$rss" -gt "$(cat "$rss_max_file")" ] && echo "$rss" > "$rss_max_file"
    sleep 0.5
  done
}

echo "warming up main (${WARMUP}s per path)…"
for target in "$MAIN_PORT:$NGINX_PORT:/ping" "$MAIN_PORT:$NGINX_PORT:/users" "$BIG_MAIN_PORT:$BIG_NGINX_PORT:$BIG_PATH"; do
  IFS=: read -r m n path <<< "$target"
  run_wrk "http://127.0.0.1:$m$path" "$WARMUP" > /dev/null
  run_wrk "http://127.0.0.1:$n$path" 2 > /dev/null
done
rss_idle=$(ps -o rss= -p "$MAIN_PID" | tr -d ' ')
sample_rss & PIDS+=($!)

printf '\nbackend: %s; wrk -t%s -c%s, %ss per run, %s cores (%s), kernel %s, %s; load average before: %s\n\n' \
  "$BACKEND_NAME" "$THREADS" "$CONNECTIONS" "$DURATION" "$(nproc)" \
  "$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)" "$(uname -r)" "$(/usr/sbin/nginx -v 2>&1)" \
  "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '| case | round | direct rps | main rps | main/direct | nginx rps | nginx/direct | main +p50 ms | nginx +p50 ms | main +p99 ms | nginx +p99 ms |\n'
printf '|---|---|---|---|---|---|---|---|---|---|---|\n'
rows="$WORK/rows"
cpu_rows="$WORK/cpu"
: > "$rows"
: > "$cpu_rows"
for entry in "GET /ping|$BACKEND_URL|$MAIN_PORT|$NGINX_PORT|/ping" "GET /users|$BACKEND_URL|$MAIN_PORT|$NGINX_PORT|/users" \
             "100 KB (GET $BIG_PATH)|$BIG_BACKEND_URL|$BIG_MAIN_PORT|$BIG_NGINX_PORT|$BIG_PATH"; do
  IFS='|' read -r name backend m_port n_port path <<< "$entry"
  backend_pids="$(port_pids "${backend##*:}")"
  for round in $(seq 1 "$ROUNDS"); do
    # the order rotates each round, so no target always runs first (after a pause) or last (on a warmer machine)
    declare -A got=()
    for target in $(echo "direct main nginx direct main" | cut -d' ' -f"$(( (round - 1) % 3 + 1 ))-$(( (round - 1) % 3 + 3 ))"); do
      case "$target" in
        direct) url="$backend$path"; proxy_pids="" ;;
        main) url="http://127.0.0.1:$m_port$path"; proxy_pids="$(port_pids "$m_port")" ;;
        nginx) url="http://127.0.0.1:$n_port$path"; proxy_pids="$(port_pids "$n_port")" ;;
      esac
      # shellcheck disable=SC2086
      read -r p0 b0 c0 <<< "$(ticks $proxy_pids) $(ticks $backend_pids) $(machine_ticks)"
      got[$target]="$(run_wrk "$url" "$DURATION")"
      # shellcheck disable=SC2086
      read -r p1 b1 c1 <<< "$(ticks $proxy_pids) $(ticks $backend_pids) $(machine_ticks)"
      awk -v name="$name" -v target="$target" -v rps="${got[$target]%% *}" -v secs="$DURATION" -v hz="$CLK_TCK" \
          -v cores="$(nproc)" -v p=$((p1 - p0)) -v b=$((b1 - b0)) -v c=$((c1 - c0)) 'BEGIN {
        us = rps > 0 ? 1000000 / hz / (rps * secs) : 0
        printf "%s|%s|%.1f|%.1f|%.1f|%.0f\n", name, target, p * us, b * us, c * us, 100 * c / (hz * secs * cores) }' \
        >> "$cpu_rows"
    done
    read -r d_rps d_p50 d_p99 d_err <<< "${got[direct]}"
    read -r m_rps m_p50 m_p99 m_err <<< "${got[main]}"
    read -r n_rps n_p50 n_p99 n_err <<< "${got[nginx]}"
    awk -v name="$name" -v round="$round" -v d="$d_rps" -v m="$m_rps" -v n="$n_rps" -v dp50="$d_p50" -v mp50="$m_p50" \
        -v np50="$n_p50" -v dp99="$d_p99" -v mp99="$m_p99" -v np99="$n_p99" 'BEGIN {
      printf "| %s | %s | %d | %d | %.2f | %d | %.2f | %+.2f | %+.2f | %+.2f | %+.2f |\n",
        name, round, d, m, m/d, n, n/d, mp50-dp50, np50-dp50, mp99-dp99, np99-dp99 }' | tee -a "$rows"
    for err in "$d_err" "$m_err" "$n_err"; do [ "$err" != "-" ] && echo "  errors in $name: $err"; done
  done
done
# per case, the median over the rounds of each column from main/direct on
printf '\nmedian of %s rounds:\n\n' "$ROUNDS"
printf '| case | main/direct | nginx/direct | main throughput / nginx throughput | main +p50 ms | nginx +p50 ms |\n|---|---|---|---|---|---|\n'
python3 - "$rows" <<'PY'
import statistics, sys
cases = {}
for line in open(sys.argv[1]):
    cells = [c.strip() for c in line.strip().strip('|').split('|')]
    cases.setdefault(cells[0], []).append(cells)
for name, rounds in cases.items():
    col = lambda i: statistics.median(float(r[i]) for r in rounds)
    mn = statistics.median(float(r[3]) / float(r[5]) for r in rounds)
    print(f"| {name} | {col(4):.2f} | {col(6):.2f} | {mn:.2f} | {col(7):+.2f} | {col(8):+.2f} |")
PY
printf '\nCPU per request, µs (median of %s rounds; /proc times of the processes listening on the proxy'"'"'s and the backend'"'"'s port, and of the whole machine: wrk, the kernel and the rest)\n\n' "$ROUNDS"
printf '| case | through | proxy | backend | whole machine | machine busy |\n|---|---|---|---|---|---|\n'
python3 - "$cpu_rows" <<'PY'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    name, target, *values = line.strip().split('|')
    runs.setdefault((name, target), []).append([float(v) for v in values])
for (name, target), rounds in runs.items():
    proxy, backend, machine, busy = (statistics.median(r[i] for r in rounds) for i in range(4))
    print(f"| {name} | {target} | {'-' if target == 'direct' else f'{proxy:.1f}'} | {backend:.1f} | {machine:.1f} | {busy:.0f} % |")
PY
# the same cases unloaded (one connection, one request at a time): the latency a proxy adds to a request, without
# the queueing that a saturated closed-loop run (above) adds in proportion to lost throughput
printf '\nunloaded (wrk -t1 -c1, %ss per run): p50 ms\n\n' "$UNLOADED_SECONDS"
printf '| case | direct | main | nginx | main added | nginx added |\n|---|---|---|---|---|---|\n'
for entry in "GET /ping|$BACKEND_URL|$MAIN_PORT|$NGINX_PORT|/ping" "GET /users|$BACKEND_URL|$MAIN_PORT|$NGINX_PORT|/users" \
             "100 KB (GET $BIG_PATH)|$BIG_BACKEND_URL|$BIG_MAIN_PORT|$BIG_NGINX_PORT|$BIG_PATH"; do
  IFS='|' read -r name backend m_port n_port path <<< "$entry"
  read -r _ d_p50 _ _ <<< "$(THREADS=1 CONNECTIONS=1 run_wrk "$backend$path" "$UNLOADED_SECONDS")"
  read -r _ m_p50 _ _ <<< "$(THREADS=1 CONNECTIONS=1 run_wrk "http://127.0.0.1:$m_port$path" "$UNLOADED_SECONDS")"
  read -r _ n_p50 _ _ <<< "$(THREADS=1 CONNECTIONS=1 run_wrk "http://127.0.0.1:$n_port$path" "$UNLOADED_SECONDS")"
  awk -v name="$name" -v d="$d_p50" -v m="$m_p50" -v n="$n_p50" 'BEGIN {
    printf "| %s | %.3f | %.3f | %.3f | %+.3f | %+.3f |\n", name, d, m, n, m-d, n-d }'
done
rss_max=$(cat "$rss_max_file")
printf '\nmain RSS: %d MB after warm-up, %d MB peak under load (JVM flags: %s)\n' \
  $((rss_idle / 1024)) $((rss_max / 1024)) "${MAIN_JAVA_OPTS:-none}"
# io_uring where the kernel allows it, else epoll (ADR 0035): an io_uring ring shows as a file descriptor
rings=$(ls -l "/proc/$MAIN_PID/fd" 2>/dev/null | grep -c 'io_uring' || true)
printf 'main transport: %s\n' "$([ "$rings" -gt 0 ] && echo "io_uring ($rings rings)" || echo "epoll or NIO (no io_uring ring)")"
printf 'load average after: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
printf 'main access-log lines written: %s\n' "$(cat "$WORK"/main*.log | grep -c ' ACCESS '  || true)"
