#!/usr/bin/env bash
# Runs the suite, the sale-day ramp and the overload runs on SQLite and PostgreSQL with short
# settings, then writes docs/api_performance_report.md and the README's SLA table from the results.
#   tests/api-performance/benchmark-scripts/report.sh            (about 15 minutes)
#   tests/api-performance/benchmark-scripts/report.sh RESULTS   (only rewrite the report from existing results)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [[ $# -ge 1 ]]; then
  exec python3 "$here/report.py" "$1"
fi
export RESULTS_DIR="${RESULTS_DIR:-$here/../results/$(date -u +%Y%m%dT%H%M%SZ)}"
export DURATION="${DURATION:-20s}"
export STAGES="${STAGES:-10s:0->20,20s:20->80,10s:80->0}"
export RATE_STAGES="${RATE_STAGES:-10s:5/s->40/s,20s:40/s->200/s,10s:200/s}"
export SKIP_SOAK=1
DATABASES="${DATABASES:-sqlite postgresql}" "$here/all.sh"
python3 "$here/report.py" "$RESULTS_DIR"
echo "wrote docs/api_performance_report.md"
