#!/usr/bin/env bash
# Every test, on a machine that has only the .NET SDK: the README's test command, and what .ci/run calls.
#   scripts/test.sh [extra dotnet test arguments, given to every pass]
#
# 1. Headless Chromium for the HTML report tests (scripts/chromium.sh; Debian's package, installed as root).
# 2. PostgreSQL on 127.0.0.1 (scripts/postgres.sh; Debian's package, installed and started as root).
# 3. `dotnet test Pacer.slnx`: every test project, databases on their embedded SQLite.
# 4. A PostgreSQL pass for each project in POSTGRES_PASSES below, with its variable set to the
#    connection string (each suite's factories create a fresh database per fixture).
# Exit 0 only when every pass passed. A connection string already in one of the variables is used
# as it is (no PostgreSQL is installed or started then).
set -uo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# "test project (folder under tests/)  variable its suite reads the PostgreSQL connection string from".
# A listed project that does not exist (yet) is skipped with a note.
POSTGRES_PASSES=(
  "Storefront.Api.Tests STOREFRONT_TEST_PG"
  "Pacer.Hub.Tests PACER_HUB_TEST_PG"
)

log() { echo "test.sh: $*" >&2; }
started=$SECONDS
status=0

# 1. Chromium. Without it the HTML report tests fail (they never skip), so say why up front.
if chromium=$(scripts/chromium.sh); then
  export PACER_CHROMIUM=$chromium
else
  log "no headless Chromium: the HTML report tests will fail (run as root, or set PACER_CHROMIUM)"
fi

# 2. PostgreSQL, unless every pass was given a connection string already.
connection=""
for pass in "${POSTGRES_PASSES[@]}"; do
  read -r _ variable <<<"$pass"
  if [[ -n ${!variable:-} ]]; then
    connection=${connection:-${!variable}}
  fi
done
if [[ -z $connection ]]; then
  if ! connection=$(scripts/postgres.sh); then
    log "could not install or start PostgreSQL: the PostgreSQL passes cannot run"
    connection=""
    status=1
  fi
fi

# 3. Everything, on SQLite: the PostgreSQL variables are for step 4 only.
pg_variables=()
for pass in "${POSTGRES_PASSES[@]}"; do
  read -r _ variable <<<"$pass"
  pg_variables+=("$variable")
done
log "dotnet test Pacer.slnx"
env "${pg_variables[@]/#/--unset=}" dotnet test Pacer.slnx "$@"
result=$?
((result != 0)) && status=$result

# 4. The PostgreSQL passes.
if [[ -n $connection ]]; then
  for pass in "${POSTGRES_PASSES[@]}"; do
    read -r project variable <<<"$pass"
    if [[ ! -d tests/$project ]]; then
      log "tests/$project does not exist: no PostgreSQL pass for it"
      continue
    fi
    log "tests/$project on PostgreSQL ($variable)"
    env "$variable=${!variable:-$connection}" dotnet test "tests/$project" --no-build "$@"
    result=$?
    ((status == 0 && result != 0)) && status=$result
  done
fi

log "finished in $((SECONDS - started)) s, exit $status"
exit $status
