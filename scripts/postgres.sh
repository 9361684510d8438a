#!/usr/bin/env bash
# Starts a local PostgreSQL for Storefront's tests and prints its connection string:
#   export STOREFRONT_TEST_PG="$(scripts/postgres.sh)"
# Installs PostgreSQL from Debian when missing (needs root), listens on 127.0.0.1 only, and creates a
# role that may create databases (the test factory makes a fresh database per fixture).
# Settings: STOREFRONT_PG_PORT (5432), STOREFRONT_PG_USER (storefront), STOREFRONT_PG_PASSWORD (storefront-dev).
set -euo pipefail

port="${STOREFRONT_PG_PORT:-5432}"
role="${STOREFRONT_PG_USER:-storefront}"
password="${STOREFRONT_PG_PASSWORD:-storefront-dev}"

log() { echo "postgres.sh: $*" >&2; }

if ! command -v pg_lsclusters >/dev/null 2>&1; then
  log "installing PostgreSQL from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update >&2
  apt-get install -y postgresql >&2
fi

version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
cluster="main"
if ! pg_lsclusters --no-header | awk '{print $1" "$2}' | grep -qx "$version $cluster"; then
  log "creating cluster $version/$cluster on port $port"
  pg_createcluster --port "$port" "$version" "$cluster" >&2
fi

conf_dir="/etc/postgresql/$version/$cluster"
# Loopback only: the tests never need more, and nothing else should reach this server.
mkdir -p "$conf_dir/conf.d"
# Test classes run in parallel, each with its own database and pool: allow more than the default 100 clients.
wanted="$(printf "listen_addresses = '127.0.0.1'\nport = %s\nmax_connections = 400\n" "$port")"
restart=0
if [ "$(cat "$conf_dir/conf.d/storefront.conf" 2>/dev/null)" != "$wanted" ]; then
  printf '%s\n' "$wanted" > "$conf_dir/conf.d/storefront.conf"
  restart=1
fi
if ! grep -q "storefront-local" "$conf_dir/pg_hba.conf"; then
  printf '%s\n' "# storefront-local: password logins from loopback" \
    "host all all 127.0.0.1/32 scram-sha-256" >> "$conf_dir/pg_hba.conf"
fi

status="$(pg_lsclusters --no-header | awk -v v="$version" -v c="$cluster" '$1==v && $2==c {print $4}')"
if [ "$status" = "online" ] && [ "$restart" = 1 ]; then
  log "restarting cluster $version/$cluster for new settings"
  pg_ctlcluster "$version" "$cluster" restart >&2
elif [ "$status" = "online" ]; then
  pg_ctlcluster "$version" "$cluster" reload >&2
else
  log "starting cluster $version/$cluster"
  pg_ctlcluster "$version" "$cluster" start >&2
fi

for _ in $(seq 1 30); do
  if su postgres -c "psql -p $port -tAc 'select 1'" >/dev/null 2>&1; then break; fi
  sleep 1
done

escaped_password="${password//\'/\'\'}"
su postgres -c "psql -p $port -v ON_ERROR_STOP=1 -q" >&2 <<SQL
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$role') THEN
    CREATE ROLE "$role" LOGIN CREATEDB PASSWORD '$escaped_password';
  ELSE
    ALTER ROLE "$role" LOGIN CREATEDB PASSWORD '$escaped_password';
  END IF;
END
\$\$;
SQL
if ! su postgres -c "psql -p $port -tAc \"select 1 from pg_database where datname = '$role'\"" | grep -q 1; then
  su postgres -c "createdb -p $port -O '$role' '$role'" >&2
fi

echo "Host=127.0.0.1;Port=$port;Database=$role;Username=$role;Password=$password"
