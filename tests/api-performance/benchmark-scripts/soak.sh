#!/usr/bin/env bash
# Soak: the shopper journey at a moderate, steady load for SOAK_DURATION (5 minutes), sampling Storefront's
# resident memory and CPU every SAMPLE_SECONDS into a CSV, so the report can show RSS and p95 staying flat
# (p95 per second is in the results JSON's time series).
# Results: $RESULTS_DIR/<db>/soak.json, soak.log, soak-rss.csv (elapsed_s,rss_kib,cpu_percent,threads).
source "$(dirname "$0")/common.sh"

SOAK_DURATION="${SOAK_DURATION:-5m}"
# The journey's suite rate (run-suite.sh): moderate, about half what one server core sustains. Closed-model
# VUs would keep the password-hashing queue full, and a soak at saturation measures the queue, not drift.
SOAK_RATE="${SOAK_RATE:-1/s}"
SOAK_MAX_VUS="${SOAK_MAX_VUS:-30}"
SAMPLE_SECONDS="${SAMPLE_SECONDS:-5}"

build_release
start_storefront
warm_up

csv="$RESULTS_DIR/$STOREFRONT_DB/soak-rss.csv"
echo "elapsed_s,rss_kib,cpu_percent,threads" >"$csv"
(
  started=$(date +%s)
  while kill -0 "$STOREFRONT_PID" 2>/dev/null; do
    read -r rss cpu threads < <(ps -o rss=,pcpu=,nlwp= -p "$STOREFRONT_PID" || echo "0 0 0")
    echo "$(($(date +%s) - started)),$rss,$cpu,$threads" >>"$csv"
    sleep "$SAMPLE_SECONDS"
  done
) &
sampler=$!

run_load soak journey.flow.md --rate "$SOAK_RATE" --max-vus "$SOAK_MAX_VUS" --duration "$SOAK_DURATION"
kill "$sampler" 2>/dev/null || true
wait "$sampler" 2>/dev/null || true
stop_storefront
log "done: $RESULTS_DIR/$STOREFRONT_DB (RSS samples: $csv)"
