#!/usr/bin/env bash
# Shared by the benchmark scripts: build in Release, start Storefront as its own process pinned to one
# core, run `pacer load` pinned to the other, stop Storefront. Source it; do not run it.
#
# Settings (environment):
#   STOREFRONT_DB       sqlite (default) | postgresql (scripts/postgres.sh installs/starts it; needs root)
#   RESULTS_DIR         where results go (default: tests/api-performance/results/<UTC time>)
#   SERVER_CPU / CLIENT_CPU   cores for Storefront and pacer (default 1 and 0)
#   ADMIN_PASSWORD      the seeded admin's password (default admin-dev-password, what the flows assume)
#   SLOW_CARD_LATENCY   the simulated provider's slow-card latency (default 00:00:00.500)
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
SUITE_DIR="$REPO_ROOT/tests/api-performance"
STOREFRONT_DB="${STOREFRONT_DB:-sqlite}"
SERVER_CPU="${SERVER_CPU:-1}"
CLIENT_CPU="${CLIENT_CPU:-0}"
ADMIN_PASSWORD="${ADMIN_PASSWORD:-admin-dev-password}"
SLOW_CARD_LATENCY="${SLOW_CARD_LATENCY:-00:00:00.500}"
RESULTS_DIR="${RESULTS_DIR:-$SUITE_DIR/results/$(date -u +%Y%m%dT%H%M%SZ)}"
STOREFRONT_DLL="${STOREFRONT_DLL:-$REPO_ROOT/src/Storefront.Api/bin/Release/net10.0/Storefront.Api.dll}"
PACER_DLL="${PACER_DLL:-$REPO_ROOT/src/Pacer.Cli/bin/Release/net10.0/pacer.dll}"

STOREFRONT_PID=""
STOREFRONT_URL=""
STOREFRONT_DATA=""
STOREFRONT_PG_DATABASE=""
PG_ADMIN_CONNECTION=""

log() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }

build_release() {
  log "building Storefront and pacer in Release"
  dotnet build "$REPO_ROOT/src/Storefront.Api" -c Release -v q -nologo >&2
  dotnet build "$REPO_ROOT/src/Pacer.Cli" -c Release -v q -nologo >&2
  mkdir -p "$RESULTS_DIR/$STOREFRONT_DB"
  write_run_info
}

# Machine and build facts next to the numbers, for the report generator.
write_run_info() {
  local info="$RESULTS_DIR/run-info.json"
  [[ -f $info ]] && return 0
  cat >"$info" <<JSON
{
  "date_utc": "$(date -u +%Y-%m-%dT%H:%M:%SZ)",
  "host": "$(hostname)",
  "kernel": "$(uname -sr)",
  "cpu_model": "$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//; s/"/\\"/g')",
  "cpus": $(nproc),
  "memory_kib": $(awk '/MemTotal/ {print $2}' /proc/meminfo 2>/dev/null || echo 0),
  "dotnet": "$(dotnet --version)",
  "commit": "$(git -C "$REPO_ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)",
  "server_cpu": $SERVER_CPU,
  "client_cpu": $CLIENT_CPU
}
JSON
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# start_storefront [NAME=VALUE ...]: extra settings as environment variables (Storefront__Overload__QueueLimit=8 …).
start_storefront() {
  local port; port="$(free_port)"
  STOREFRONT_URL="http://127.0.0.1:$port"
  STOREFRONT_DATA="$(mktemp -d -t storefront-bench.XXXXXX)"
  local -a settings=(
    "ASPNETCORE_ENVIRONMENT=Production"
    "Storefront__DataDirectory=$STOREFRONT_DATA"
    "Storefront__Admin__Password=$ADMIN_PASSWORD"
    "Storefront__Jwt__SigningKey=benchmark-signing-key-0123456789-abcdefghijklmnop"
    "Storefront__RateLimiting__Enabled=false"
    "Storefront__Payments__SlowCardLatency=$SLOW_CARD_LATENCY"
    "Logging__LogLevel__Default=Warning"
  )
  if [[ $STOREFRONT_DB == postgresql ]]; then
    PG_ADMIN_CONNECTION="$("$REPO_ROOT/scripts/postgres.sh")"
    pin_postgres "$SERVER_CPU"
    STOREFRONT_PG_DATABASE="sf_bench_$(date +%s)_$$"
    settings+=("ConnectionStrings__Storefront=${PG_ADMIN_CONNECTION/Database=storefront/Database=$STOREFRONT_PG_DATABASE}")
  fi
  settings+=("$@")

  log "starting Storefront ($STOREFRONT_DB) on $STOREFRONT_URL, pinned to CPU $SERVER_CPU"
  env "${settings[@]}" taskset -c "$SERVER_CPU" dotnet "$STOREFRONT_DLL" --urls "$STOREFRONT_URL" \
    >"$RESULTS_DIR/$STOREFRONT_DB/storefront-$port.log" 2>&1 &
  STOREFRONT_PID=$!
  for _ in $(seq 1 240); do
    if curl -fsS "$STOREFRONT_URL/api/v1/health/ready" >/dev/null 2>&1; then
      log "Storefront ready (pid $STOREFRONT_PID)"
      return 0
    fi
    if ! kill -0 "$STOREFRONT_PID" 2>/dev/null; then
      log "Storefront exited; see $RESULTS_DIR/$STOREFRONT_DB/storefront-$port.log"
      return 1
    fi
    sleep 0.5
  done
  log "Storefront did not become ready in 120 s"
  return 1
}

# PostgreSQL is part of the server side: its processes go on Storefront's CPU, away from the client's.
# Backends forked later inherit the postmaster's affinity. stop_storefront gives it every CPU back,
# so the database serves other work (Storefront's test suite) unpinned.
pin_postgres() {
  local pid
  for pid in $(pgrep -x postgres || true); do taskset -a -p -c "$1" "$pid" >/dev/null 2>&1 || true; done
}

stop_storefront() {
  if [[ -n $STOREFRONT_PID ]] && kill -0 "$STOREFRONT_PID" 2>/dev/null; then
    kill "$STOREFRONT_PID" 2>/dev/null || true
    wait "$STOREFRONT_PID" 2>/dev/null || true
  fi
  STOREFRONT_PID=""
  [[ -n $STOREFRONT_DATA ]] && rm -rf "$STOREFRONT_DATA"
  STOREFRONT_DATA=""
  if [[ -n $STOREFRONT_PG_DATABASE ]]; then
    local password; password="$(sed -E 's/.*Password=([^;]*).*/\1/' <<<"$PG_ADMIN_CONNECTION")"
    PGPASSWORD="$password" psql -h 127.0.0.1 -U storefront -d storefront -q \
      -c "DROP DATABASE IF EXISTS \"$STOREFRONT_PG_DATABASE\" WITH (FORCE)" >&2 || true
    STOREFRONT_PG_DATABASE=""
    pin_postgres "0-$(($(nproc) - 1))"
  fi
}
trap stop_storefront EXIT
# Ctrl-C or a kill must still stop Storefront and drop its database: exit through the EXIT trap.
trap "exit 130" INT TERM

# Warm the paths the flows use, so the first seconds of a run do not measure JIT and cold caches.
# warm_up [FLOW]: also runs FLOW itself for a few seconds (results discarded): every endpoint it calls is
# compiled and its EF queries cached before the measured run starts; without it a 10-20 s run's p95 is
# the first iterations' one-off compilation (hundreds of ms per new endpoint), not the steady state.
warm_up() {
  log "warming up${1:+ with $1}"
  for _ in $(seq 1 50); do
    curl -fsS "$STOREFRONT_URL/api/v1/products?pageSize=20" >/dev/null || true
    curl -fsS "$STOREFRONT_URL/api/v1/categories" >/dev/null || true
  done
  if [[ -n ${1:-} ]]; then
    taskset -c "$CLIENT_CPU" dotnet "$PACER_DLL" load "$SUITE_DIR/$1" \
      --base-url "$STOREFRONT_URL/api/v1" --var "admin_password=$ADMIN_PASSWORD" \
      --vus 2 --duration "${WARM_UP_DURATION:-5s}" --no-history >/dev/null 2>&1 || true
  fi
}

# run_load NAME FLOW [pacer load options...]: writes $RESULTS_DIR/$STOREFRONT_DB/NAME.json and NAME.log.
# The exit code of pacer is kept (1 = a threshold failed) but does not stop the other runs.
run_load() {
  local name="$1" flow="$2"; shift 2
  local out="$RESULTS_DIR/$STOREFRONT_DB/$name"
  log "pacer load $name: $*"
  local status=0
  taskset -c "$CLIENT_CPU" dotnet "$PACER_DLL" load "$SUITE_DIR/$flow" \
    --base-url "$STOREFRONT_URL/api/v1" \
    --var "admin_password=$ADMIN_PASSWORD" \
    --out "$out.json" "$@" >"$out.log" 2>&1 || status=$?
  log "pacer load $name exited $status (results: $out.json)"
  echo "$name $status" >>"$RESULTS_DIR/$STOREFRONT_DB/exit-codes.txt"
  return 0
}

# run_flow NAME FLOW [pacer run options...]: the flow as a functional test (its @retry honoured, which
# `pacer load` does not do), writing $RESULTS_DIR/$STOREFRONT_DB/NAME.run.json and NAME.log.
run_flow() {
  local name="$1" flow="$2"; shift 2
  local out="$RESULTS_DIR/$STOREFRONT_DB/$name"
  log "pacer run $name"
  local status=0
  taskset -c "$CLIENT_CPU" dotnet "$PACER_DLL" run "$SUITE_DIR/$flow" \
    --base-url "$STOREFRONT_URL/api/v1" \
    --var "admin_password=$ADMIN_PASSWORD" \
    --no-history --report "json=$out.run.json" "$@" >"$out.log" 2>&1 || status=$?
  log "pacer run $name exited $status (results: $out.run.json)"
  echo "$name $status" >>"$RESULTS_DIR/$STOREFRONT_DB/exit-codes.txt"
  return 0
}
