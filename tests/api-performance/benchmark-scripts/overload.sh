#!/usr/bin/env bash
# Past capacity on purpose:
#   1. a Storefront with a small global bound and the default login rate limit, pressed by catalog.flow.md
#      with 200 VUs (overload-pressure.json: only successes and shed 503s, no 500s or timeouts), while
#      overload.flow.md runs beside it as a functional test (overload-shapes.run.json): it asserts the 503
#      and 429 shapes (problem+json, code, Retry-After) and that health stays up. It cannot itself be the
#      load: its refusal steps are retried (@retry) until the refusal comes, and `pacer load` judges every
#      attempt once, so each admitted request (a correct 200, or a 401 before the login limit) was counted
#      as a failure and the run "failed" while Storefront behaved as specified;
#   2. catalog.flow.md with far more VUs than the default bound admits (OVERLOAD_VUS): the results must show
#      shed requests (503) and no 500s or timeouts — the behaviour the report quotes.
#   3. Storefront with its defaults (only the per-client rate limits off: every VU shares one address) offered
#      OVERLOAD_RATE uncached catalog searches a second (flows/search-pressure.flow.md, open model), far past one
#      core's capacity, while flows/health-probe.flow.md probes /health 20 times a second: the searches must be shed
#      with 503 at once, and /health must keep its p99 under 50 ms (the probe flow's threshold).
# Results: $RESULTS_DIR/<db>/overload-pressure.json, overload-shapes.run.json (+ .log), overload-catalog.json,
#          overload-defaults.json, overload-health.json.
source "$(dirname "$0")/common.sh"

OVERLOAD_VUS="${OVERLOAD_VUS:-800}"
OVERLOAD_RATE="${OVERLOAD_RATE:-3000/s}"
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
run_load overload-pressure catalog.flow.md --vus 200 --duration "$DURATION" --threshold "errors<100%" &
pressure=$!
sleep 5 # the pressure at full strength before the shapes are probed
run_flow overload-shapes overload.flow.md
wait "$pressure"
stop_storefront

start_storefront
warm_up
run_load overload-catalog catalog.flow.md --vus "$OVERLOAD_VUS" --duration "$DURATION" --threshold "errors<100%"
stop_storefront

start_storefront
warm_up
here_flows="$(cd "$(dirname "$0")" && pwd)/flows"
SUITE_DIR="$here_flows" run_load overload-defaults search-pressure.flow.md --rate "$OVERLOAD_RATE" --max-vus 4000 --duration "$DURATION" &
pressure=$!
sleep 5 # past the first seconds, when the pressure is still ramping up its connections
SUITE_DIR="$here_flows" run_load overload-health health-probe.flow.md --rate 20/s --max-vus 20 --duration 15s
wait "$pressure"
stop_storefront
log "done: $RESULTS_DIR/$STOREFRONT_DB"
