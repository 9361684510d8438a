#!/usr/bin/env bash
# Each endpoint flow of tests/api-performance under a steady closed-model load, one fresh Storefront per
# flow, with the flow's own thresholds (its SLA). Results: $RESULTS_DIR/<db>/<flow>.json (+ .log).
#   STOREFRONT_DB=postgresql tests/api-performance/benchmark-scripts/run-suite.sh
#   DURATION=30s tests/api-performance/benchmark-scripts/run-suite.sh auth catalog
# Settings: DURATION (default 60s) and those of common.sh.
source "$(dirname "$0")/common.sh"

DURATION="${DURATION:-60s}"
# VUs per flow: enough to keep one server core busy without queueing past the SLA (login hashes
# passwords, so fewer VUs there). Override one with e.g. VUS_catalog=50.
declare -A DEFAULT_VUS=([auth]=4 [catalog]=20 [inventory]=10 [orders]=10 [payments]=10 [journey]=10)
flows=("$@")
((${#flows[@]})) || flows=(auth catalog inventory orders payments journey)

build_release
for name in "${flows[@]}"; do
  override="VUS_$name"
  vus="${!override:-${DEFAULT_VUS[$name]:-10}}"
  start_storefront
  warm_up
  run_load "$name" "$name.flow.md" --vus "$vus" --duration "$DURATION"
  stop_storefront
done
log "done: $RESULTS_DIR/$STOREFRONT_DB"
