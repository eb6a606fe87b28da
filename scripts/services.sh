#!/usr/bin/env bash
# Redis and PostgreSQL for the scale-out mode, and nginx for the reverse-proxy test, from Debian packages.
#
#   scripts/services.sh          install redis-server, postgresql and nginx-light if missing (what .ci/run needs: the
#                                tests start their own private instances on free loopback ports)
#   scripts/services.sh start    also start Redis on 127.0.0.1:6379 and PostgreSQL on 127.0.0.1:5432
#                                with a database and role `samskapa`, to try several processes by hand
set -euo pipefail

SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}

missing=()
[ -x /usr/bin/redis-server ] || missing+=(redis-server)
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
[ -x /usr/sbin/nginx ] || missing+=(nginx-light)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "Installing ${missing[*]} from Debian packages…"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

[ "${1:-}" = "start" ] || exit 0

# Redis: loopback only, no persistence (pub/sub keeps no state worth saving).
if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  redis-server --bind 127.0.0.1 --port 6379 --save '' --appendonly no --daemonize yes
fi

# PostgreSQL: Debian's default cluster, which listens on localhost only unless configured otherwise.
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$version main"; then
  $SUDO pg_createcluster "$version" main >/dev/null
fi
pg_lsclusters -h | grep -q "^$version \+main \+[0-9]\+ \+online" || $SUDO pg_ctlcluster "$version" main start
if ! as_postgres psql -tAc "SELECT 1 FROM pg_roles WHERE rolname = 'samskapa'" | grep -q 1; then
  as_postgres psql -qc "CREATE ROLE samskapa LOGIN PASSWORD 'samskapa'"
  as_postgres createdb -O samskapa samskapa
fi
port=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $3}')
echo "REDIS_URL=redis://127.0.0.1:6379"
echo "DATABASE_URL=postgres://samskapa:samskapa@127.0.0.1:${port}/samskapa"
