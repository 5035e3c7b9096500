#!/bin/sh
# One-shot, as root, before anything else starts (docker-compose.yml's `secrets` service): on first start writes
# random database passwords and an RSA key that signs access tokens into three volumes, and keeps them on every
# later start (remove the volumes, `docker compose down -v`, to start over). Each service sees only its own
# volume; postgres needs every database password to create the roles.
#   /secrets/postgres  superuser-password, users-db-password, eval-db-password     (owner: postgres)
#   /secrets/users     users.yml: datasource password + signing key (Micronaut config file, owner 65534)
#   /secrets/eval      eval.yml: datasource password                               (owner 65534)
set -eu
umask 077
pg=/secrets/postgres

password() { [ -s "$1" ] || openssl rand -hex 24 >"$1"; }
password "$pg/superuser-password"
password "$pg/users-db-password"
password "$pg/eval-db-password"
key=/secrets/users/jwt-private-key.pem
[ -s "$key" ] || openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$key" 2>/dev/null

{
  printf 'datasources:\n  default:\n    password: "%s"\n' "$(cat "$pg/users-db-password")"
  printf 'dojo:\n  tokens:\n    private-key-pem: |\n'
  sed 's/^/      /' "$key"
} >/secrets/users/users.yml.new
mv /secrets/users/users.yml.new /secrets/users/users.yml
printf 'datasources:\n  default:\n    password: "%s"\n' "$(cat "$pg/eval-db-password")" >/secrets/eval/eval.yml

chown -R postgres:postgres "$pg"
chown -R 65534:65534 /secrets/users /secrets/eval
chmod 0700 "$pg" /secrets/users /secrets/eval
echo "secrets ready"
