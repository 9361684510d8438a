#!/usr/bin/env bash
# Past capacity on purpose:
#   1. overload.flow.md against a Storefront with a small global bound and the default login rate limit:
#      the flow asserts the 503 and 429 shapes (problem+json, code, Retry-After) under 200 VUs;
#   2. catalog.flow.md with far more VUs than the default bound admits (OVERLOAD_VUS): the results must show
#      shed requests (503) and no 500s or timeouts — the behaviour the report quotes.
# Results: $RESULTS_DIR/<db>/overload-shapes.json, overload-catalog.json.
source "$(dirname "$0")/common.sh"

OVERLOAD_VUS="${OVERLOAD_VUS:-800}"
DURATION="${DURATION:-30s}"

build_release
start_storefront \
  "Storefront__Overload__MaxConcurrentRequests=4" \
  "Storefront__Overload__QueueLimit=8" \
  "Storefront__Overload__QueueTimeout=00:00:00.200" \
  "Storefront__RateLimiting__Enabled=true" \
  "Storefront__RateLimiting__PerIpPermitLimit=1000000" \
  "Storefront__RateLimiting__PerUserPermitLimit=1000000" \
  "Storefront__RateLimiting__AuthPermitLimit=1000000"
warm_up
run_load overload-shapes overload.flow.md --vus 200 --duration "$DURATION"
stop_storefront

start_storefront
warm_up
run_load overload-catalog catalog.flow.md --vus "$OVERLOAD_VUS" --duration "$DURATION" --threshold "errors<100%"
stop_storefront
log "done: $RESULTS_DIR/$STOREFRONT_DB"
