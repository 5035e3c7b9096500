# Sourced by the bench scripts: a scratch directory and background processes that are cleaned up however the
# script ends. Usage: WORK="$(bench_workdir name)"; some-server & PIDS+=($!)
PIDS=()
WORK=""

bench_workdir() { # $1 = name → a fresh directory under /tmp, removed on exit
  mktemp -d "/tmp/dojo-$1.XXXXXX"
}

bench_cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ -n "$WORK" ]; then rm -rf "$WORK"; fi
}
trap bench_cleanup EXIT
