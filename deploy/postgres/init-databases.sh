#!/bin/sh
# Runs once, on the first start of an empty PostgreSQL volume (docker-entrypoint-initdb.d):
# one server, one database and one owner role per service, so neither service can read the other's data.
# Each password comes from <NAME> or, as Compose passes them, from the file named by <NAME>_FILE.
set -eu

secret() {
  file=$(eval "printf '%s' \"\${${1}_FILE:-}\"")
  if [ -n "$file" ]; then cat "$file"; else eval "printf '%s' \"\${$1:?$1 or ${1}_FILE must be set}\""; fi
}

create() {
  db="$1"; user="$2"; password="$3"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v db="$db" -v user="$user" -v password="$password" <<'SQL'
CREATE ROLE :"user" LOGIN PASSWORD :'password';
CREATE DATABASE :"db" OWNER :"user";
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
SQL
}

create users "$USERS_DB_USER" "$(secret USERS_DB_PASSWORD)"
create eval "$EVAL_DB_USER" "$(secret EVAL_DB_PASSWORD)"
