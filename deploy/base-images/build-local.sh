#!/usr/bin/env bash
# Builds the base images the Docker build starts from, locally from Debian packages, for machines that reach a
# Debian mirror but no container registry (CI). Needs root, debootstrap and a running Docker engine.
#
#   deploy/base-images/build-local.sh            # builds what is missing (kept between runs)
#   deploy/base-images/build-local.sh --rebuild  # builds all three again
#
# Then build with -Ddojo.bases=local (docs/docker.md). Images (all Debian 12 "bookworm", like the registry ones):
#   dojo-local/debian:bookworm  minbase: stands in for debian:bookworm-slim (eval's base builds FROM it)
#   dojo-local/jre:17           + openjdk-17-jre-headless: stands in for eclipse-temurin:17-jre (Jib's base)
#   dojo-local/postgres:15      + Debian's postgresql-15 and an entrypoint with the official postgres image's
#                               contract (POSTGRES_PASSWORD[_FILE], /docker-entrypoint-initdb.d): stands in for
#                               postgres:16 (bookworm ships 15; nothing in Dojo needs 16 over 15)
set -euo pipefail
cd "$(dirname "$0")"
suite=bookworm
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
rebuild=false
[[ ${1:-} == --rebuild ]] && rebuild=true

have() { ! $rebuild && docker image inspect "$1" >/dev/null 2>&1; }
if have dojo-local/debian:bookworm && have dojo-local/jre:17 && have dojo-local/postgres:15; then
  echo "local base images present (--rebuild to build them again)"
  exit 0
fi

work=$(mktemp -d /tmp/dojo-bases.XXXXXX)
cleanup() {
  for dir in "$work"/*/; do umount -l "$dir/proc" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

if have dojo-local/debian:bookworm; then
  # the minbase tree again, from the image built earlier, instead of a second debootstrap
  mkdir "$work/root"
  container=$(docker create dojo-local/debian:bookworm)
  docker export "$container" | tar -C "$work/root" -x
  docker rm "$container" >/dev/null
  rm -f "$work/root/.dockerenv"
else
  echo "debootstrap $suite (minbase) from $mirror"
  debootstrap --variant=minbase "$suite" "$work/root" "$mirror" >"$work/debootstrap.log" 2>&1 \
    || { tail -20 "$work/debootstrap.log"; exit 1; }
  printf '#!/bin/sh\nexit 101\n' >"$work/root/usr/sbin/policy-rc.d"
  chmod +x "$work/root/usr/sbin/policy-rc.d"
  printf 'APT::Install-Recommends "false";\nAPT::Install-Suggests "false";\n' >"$work/root/etc/apt/apt.conf.d/90dojo"
fi

# import DIR NAME [--change ...]: the tree, without apt's caches, as an image
import() {
  local dir=$1 name=$2; shift 2
  rm -rf "$dir"/var/lib/apt/lists/* "$dir"/var/cache/apt/*.bin "$dir"/var/cache/apt/archives/*.deb
  tar -C "$dir" --numeric-owner -c . | docker import --change 'ENV LANG=C.UTF-8' "$@" - "$name" >/dev/null
  echo "built $name ($(docker image inspect -f '{{.Size}}' "$name" | numfmt --to=iec))"
}

# variant NAME PACKAGES...: a copy of the minbase tree with PACKAGES installed
variant() {
  local dir="$work/$1"; shift
  cp -a "$work/root" "$dir"
  cp /etc/resolv.conf "$dir/etc/resolv.conf"
  mount -t proc proc "$dir/proc"
  chroot "$dir" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive chroot "$dir" apt-get install -y -qq "$@" >"$dir.log" 2>&1 \
    || { tail -20 "$dir.log"; exit 1; }
  umount -l "$dir/proc"
  : >"$dir/etc/resolv.conf"
}

have dojo-local/debian:bookworm || import "$work/root" dojo-local/debian:bookworm --change 'CMD ["bash"]'

if ! have dojo-local/jre:17; then
  variant jre openjdk-17-jre-headless
  import "$work/jre" dojo-local/jre:17
fi

have dojo-local/postgres:15 && exit 0
variant postgres postgresql-15 openssl
install -m 0755 postgres-entrypoint.sh "$work/postgres/usr/local/bin/docker-entrypoint.sh"
mkdir -p "$work/postgres/docker-entrypoint-initdb.d" "$work/postgres/var/lib/postgresql/data" "$work/postgres/var/run/postgresql"
chroot "$work/postgres" chown -R postgres:postgres /var/lib/postgresql /var/run/postgresql
import "$work/postgres" dojo-local/postgres:15 \
  --change 'ENV PATH=/usr/lib/postgresql/15/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'ENV PGDATA=/var/lib/postgresql/data' \
  --change 'ENTRYPOINT ["docker-entrypoint.sh"]' \
  --change 'CMD ["postgres"]' \
  --change 'EXPOSE 5432'
# (docker import cannot set STOPSIGNAL: docker-compose.yml gives postgres SIGINT, PostgreSQL's fast shutdown)
