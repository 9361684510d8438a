#!/usr/bin/env bash
# The sale-day ramp, twice on fresh Storefronts:
#   1. closed model — the flow's own `@load stages=…` (VUs ramping to 200), its thresholds;
#   2. open model — a request-rate ramp (RATE_STAGES), where the per-second p95 in the results shows the
#      capacity: the arrival rate at which p95 crosses the 100 ms budget. Past it, 503s (shed) appear
#      instead of timeouts; the results count them by kind.
# Results: $RESULTS_DIR/<db>/sale-day-vus.json, sale-day-rate.json.
source "$(dirname "$0")/common.sh"

RATE_STAGES="${RATE_STAGES:-30s:5/s->20/s,1m:20/s->80/s,1m:80/s->160/s,30s:160/s}"
MAX_VUS="${MAX_VUS:-600}"

build_release
start_storefront
warm_up
run_load sale-day-vus sale-day.flow.md ${STAGES:+--stages "$STAGES"}
stop_storefront

start_storefront
warm_up
run_load sale-day-rate sale-day.flow.md --rate-stages "$RATE_STAGES" --max-vus "$MAX_VUS"
stop_storefront
log "done: $RESULTS_DIR/$STOREFRONT_DB"
