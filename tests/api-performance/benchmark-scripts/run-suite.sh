#!/usr/bin/env bash
# Each endpoint flow of tests/api-performance at a stated arrival rate (open model), one fresh Storefront per
# flow, with the flow's own thresholds (its SLA). An SLA reads "p95 under X at load Y": Y is the rate below.
# Results: $RESULTS_DIR/<db>/<flow>.json (+ .log).
#   STOREFRONT_DB=postgresql tests/api-performance/benchmark-scripts/run-suite.sh
#   DURATION=30s tests/api-performance/benchmark-scripts/run-suite.sh auth catalog
#   RATE_catalog=200/s MAX_VUS_catalog=100 tests/api-performance/benchmark-scripts/run-suite.sh catalog
# Settings: DURATION (default 60s), RATE_<flow>, MAX_VUS_<flow>, and those of common.sh.
#
# Why rates and not VUs: a closed-model VU sends its next request the moment the last one returns, so any
# VU count above what one server core can absorb measures the queue in front of that core, not the SLA
# (auth's 4 VUs hashed passwords back to back: every login waited behind up to three others). The rates
# are iterations per second, about half of what each flow sustained on one Storefront core after the
# fixes of issue #7 (docs/storefront.md, "Capacity and the suite's rates"); sale-day.sh still ramps past
# them to find the capacity itself.
source "$(dirname "$0")/common.sh"

DURATION="${DURATION:-60s}"
# Iterations per second (requests per iteration in brackets) and the VUs that may be in flight at once.
declare -A DEFAULT_RATE=(
  [auth]=1/s          # (4) two Argon2id hashes each: ~0.2 s of one core per iteration
  [catalog]=100/s     # (6) ~600 requests/s of cached reads; capacity above 200 iterations/s
  [inventory]=40/s    # (5) ~200 requests/s, two of them writes
  [orders]=20/s       # (6) ~120 requests/s, three of them writes
  [payments]=5/s      # (7) ~35 requests/s, one held 500 ms by the slow test card
  [journey]=1/s       # (10) two hashes (sign up, log in) per shopper, like auth
)
declare -A DEFAULT_MAX_VUS=([auth]=20 [catalog]=100 [inventory]=50 [orders]=50 [payments]=50 [journey]=30)
flows=("$@")
((${#flows[@]})) || flows=(auth catalog inventory orders payments journey)

build_release
for name in "${flows[@]}"; do
  rate_override="RATE_$name" vus_override="MAX_VUS_$name"
  rate="${!rate_override:-${DEFAULT_RATE[$name]:-10/s}}"
  max_vus="${!vus_override:-${DEFAULT_MAX_VUS[$name]:-50}}"
  start_storefront
  warm_up "$name.flow.md"
  run_load "$name" "$name.flow.md" --rate "$rate" --max-vus "$max_vus" --duration "$DURATION"
  stop_storefront
done
log "done: $RESULTS_DIR/$STOREFRONT_DB"
