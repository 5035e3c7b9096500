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

# The real users service behind a gateway bench (gateway/real-users.sh, gateway/observability.sh BACKEND=users): its
# packaged jar (USERS_JAR) on a database of the machine's PostgreSQL (PG_URL, PG_USER), logs in $WORK.
PG_URL="${PG_URL:-jdbc:postgresql://127.0.0.1:5432}"; PG_USER="${PG_USER:-postgres}"
pg_sql() { # $1 = database, $2 = statement
  local hostport="${PG_URL#jdbc:postgresql://}"
  psql -q -h "${hostport%%:*}" -p "${hostport##*:}" -U "$PG_USER" -d "$1" -v ON_ERROR_STOP=1 -c "$2"
}
fresh_database() { # $1 = name: dropped if it exists, created empty
  pg_sql postgres "DROP DATABASE IF EXISTS $1"; pg_sql postgres "CREATE DATABASE $1"
}
start_users() { # $1 = port, $2 = database, rest = more env (DOJO_SEED_DEMO=true, …)
  local port=$1 db=$2; shift 2
  USERS_JAR="${USERS_JAR:-$(ls "$ROOT"/services/users/target/dojo-users-*.jar 2>/dev/null | grep -v original | head -1 || true)}"
  [ -f "$USERS_JAR" ] || { echo "no users jar: ./mvnw -pl services/users -am package -DskipTests"; exit 1; }
  env "$@" MICRONAUT_SERVER_PORT="$port" DATASOURCES_DEFAULT_URL="$PG_URL/$db" DATASOURCES_DEFAULT_USERNAME="$PG_USER" \
    java -XX:+UseSerialGC -Xmx256m -jar "$USERS_JAR" > "$WORK/users-$db.log" 2>&1 & PIDS+=($!)
}
