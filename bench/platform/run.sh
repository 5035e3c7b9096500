#!/usr/bin/env bash
# Platform start-up benchmark: time from `./dojo` to the ready line (warm build), each service's time to ready, and
# idle RSS per process — for the launcher's default JVM flags and, side by side in the same run, for the same flags
# without AppCDS and for plain JVM defaults (so the ratios show what the flags and the archive buy). Results: stdout and bench/results/platform-<time>.md.
#
#   bench/platform/run.sh [runs-per-variant]     (default 3; needs built jars: ./mvnw -DskipTests install)
#
# ./dojo runs with DOJO_SKIP_BUILD=true (others may be editing sources; a build is not what is measured) — set
# DOJO_SKIP_BUILD=false to include the staleness check. Each variant gets its own data dir; its first start (initdb, CDS archive written at exit) is reported apart as
# "cold", the following ones are the warm figures.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
RUNS="${1:-3}"
IDLE_SECONDS="${IDLE_SECONDS:-10}"
WORK="$(mktemp -d /tmp/dojo-bench.XXXXXX)"
OUT_DIR="$ROOT/bench/results"; mkdir -p "$OUT_DIR"
REPORT="$OUT_DIR/platform-$(date +%Y%m%d-%H%M%S).md"
LAUNCHER_PID=""
cleanup() { [[ -n "$LAUNCHER_PID" ]] && kill -TERM "$LAUNCHER_PID" 2>/dev/null && wait "$LAUNCHER_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

# a snapshot of the service jars: a rebuild in the working tree during the run must not change what is measured
HOME_SNAPSHOT="$WORK/home"
for svc in users eval swapper main; do
  mkdir -p "$HOME_SNAPSHOT/services/$svc/target"
  for attempt in 1 2 3 4 5 6; do  # a jar caught mid-write by a concurrent build: try again shortly
    cp -p "services/$svc/target/dojo-$svc-"*.jar "$HOME_SNAPSHOT/services/$svc/target/"
    rm -f "$HOME_SNAPSHOT/services/$svc/target/original-"*.jar
    python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).getinfo("META-INF/MANIFEST.MF")' \
      "$HOME_SNAPSHOT/services/$svc/target/dojo-$svc-"*.jar 2>/dev/null && break
    sleep 5
  done
done

# variant name → DOJO_JVM_OPTS for the services (empty: the launcher's defaults, including AppCDS)
declare -A VARIANT_OPTS=(
  [launcher-defaults]=""
  [flags-without-cds]="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss512k -Xmx256m -XX:ReservedCodeCacheSize=64m"
  [plain-jvm]="-Xshare:auto"
)
VARIANTS=(launcher-defaults flags-without-cds plain-jvm)

rss_mb() { awk '/^VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status" 2>/dev/null || echo "?"; }

# one start; sets RESULT="total users eval swapper main rss_users rss_eval rss_swapper rss_main rss_postgres"
# (not a $(...) subshell: the EXIT trap must know LAUNCHER_PID to stop a run that is interrupted)
RUN_NO=0
one_run() {
  local data_dir="$1"; shift
  RUN_NO=$((RUN_NO + 1))
  local log="$WORK/run-$RUN_NO.log"
  local t0 t1
  t0=$(date +%s%N)
  DOJO_SKIP_BUILD="${DOJO_SKIP_BUILD:-true}" ./dojo --random-ports --home "$HOME_SNAPSHOT" --data-dir "$data_dir" "$@" >"$log" 2>&1 &
  LAUNCHER_PID=$!
  until grep -q '^Dojo is ready at' "$log"; do
    if ! kill -0 "$LAUNCHER_PID" 2>/dev/null; then echo "launcher exited:" >&2; tail -20 "$log" >&2; exit 1; fi
    sleep 0.05
  done
  t1=$(date +%s%N)
  local per
  per=$(grep -o '[a-z]* ready in [0-9.]* s' "$log" | awk '{t[$1]=$4} END {print t["users"], t["eval"], t["swapper"], t["main"]}')
  sleep "$IDLE_SECONDS"
  local rss=() svc pid
  for svc in users eval swapper main; do
    pid=$(pgrep -P "$LAUNCHER_PID" -f "dojo-$svc-" | head -1 || true)
    rss+=("$( [[ -n "$pid" ]] && rss_mb "$pid" || echo "?")")
  done
  pid=$(pgrep -P "$LAUNCHER_PID" -f "bin/postgres" | head -1 || true)
  rss+=("$( [[ -n "$pid" ]] && rss_mb "$pid" || echo "?")")
  kill -TERM "$LAUNCHER_PID"; wait "$LAUNCHER_PID" 2>/dev/null || true; LAUNCHER_PID=""
  RESULT="$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.2f", (b-a)/1e9}') $per ${rss[*]}"
}

{
echo "# Platform start-up ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $RUNS warm runs per variant)"
echo
echo "| variant | run | command→ready s | users s | eval s | swapper s | main s | RSS users MB | eval | swapper | main | postgres (postmaster) |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
} | tee "$REPORT"

declare -A SUM
for variant in "${VARIANTS[@]}"; do
  data="$WORK/$variant"
  if [[ -n "${VARIANT_OPTS[$variant]}" ]]; then export DOJO_JVM_OPTS="${VARIANT_OPTS[$variant]}"; else unset DOJO_JVM_OPTS; fi
  one_run "$data"; read -r -a cold <<<"$RESULT"
  printf '| %s | cold | %s |\n' "$variant" "$(IFS='|'; echo "${cold[*]}" | sed 's/|/ | /g')" | tee -a "$REPORT"
  for run in $(seq 1 "$RUNS"); do
    one_run "$data"; read -r -a r <<<"$RESULT"
    printf '| %s | %s | %s |\n' "$variant" "$run" "$(IFS='|'; echo "${r[*]}" | sed 's/|/ | /g')" | tee -a "$REPORT"
    for i in "${!r[@]}"; do SUM[$variant,$i]=$(awk -v s="${SUM[$variant,$i]:-0}" -v v="${r[$i]}" 'BEGIN {print s+v}'); done
  done
done

# Each service alone: with a warm platform up (launcher defaults), start a second copy of one service at a time
# (same command line and environment as the launcher's child, another port, no seeding) and time it to ready —
# its start-up without its three siblings competing for the two cores.
solo_line="| solo (one service starting at a time) | – |"
data="$WORK/launcher-defaults"; unset DOJO_JVM_OPTS
log="$WORK/solo.log"
DOJO_SKIP_BUILD="${DOJO_SKIP_BUILD:-true}" ./dojo --random-ports --home "$HOME_SNAPSHOT" --data-dir "$data" >"$log" 2>&1 &
LAUNCHER_PID=$!
until grep -q '^Dojo is ready at' "$log"; do kill -0 "$LAUNCHER_PID" || exit 1; sleep 0.1; done
sleep "$IDLE_SECONDS"
for svc in users eval swapper main; do
  pid=$(pgrep -P "$LAUNCHER_PID" -f "dojo-$svc-" | head -1)
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("",0)); print(s.getsockname()[1])')
  mapfile -d '' cmd < "/proc/$pid/cmdline"
  mapfile -d '' envs < "/proc/$pid/environ"
  t0=$(date +%s%N)
  env -i "${envs[@]}" MICRONAUT_SERVER_PORT="$port" DOJO_SEED_DEMO=false "${cmd[@]}" >"$WORK/solo-$svc.log" 2>&1 &
  clone=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/health/readiness"; do
    kill -0 "$clone" 2>/dev/null || { echo "solo $svc died" >&2; tail -5 "$WORK/solo-$svc.log" >&2; break; }
    sleep 0.05
  done
  t1=$(date +%s%N)
  kill -TERM "$clone" 2>/dev/null; wait "$clone" 2>/dev/null || true
  solo_line+=" $(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.1f", (b-a)/1e9}') |"
done
kill -TERM "$LAUNCHER_PID"; wait "$LAUNCHER_PID" 2>/dev/null || true; LAUNCHER_PID=""

{
echo
echo "Warm means ($RUNS runs):"
echo
echo "| variant | command→ready s | users s | eval s | swapper s | main s | RSS users MB | eval | swapper | main | postgres |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
for variant in "${VARIANTS[@]}"; do
  row="| $variant |"
  for i in $(seq 0 9); do row+=" $(awk -v s="${SUM[$variant,$i]}" -v n="$RUNS" 'BEGIN {printf "%.1f", s/n}') |"; done
  echo "$row"
done
echo "$solo_line"
echo
for other in plain-jvm flags-without-cds; do
  echo "Ratios $other / launcher-defaults (>1: the launcher's defaults are better):"
  for i in 0 1 2 3 4 5 6 7 8; do
    name=(ready users eval swapper main rss-users rss-eval rss-swapper rss-main)
    printf '%s %s; ' "${name[$i]}" "$(awk -v a="${SUM[$other,$i]}" -v b="${SUM[launcher-defaults,$i]}" 'BEGIN {printf "%.2f", a/b}')"
  done
  echo; echo
done
} | tee -a "$REPORT"
echo "(report: $REPORT)"
