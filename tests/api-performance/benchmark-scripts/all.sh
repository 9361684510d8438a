#!/usr/bin/env bash
# Everything the performance report needs, on SQLite and then PostgreSQL, into one results directory:
#   tests/api-performance/benchmark-scripts/all.sh            # about 25 minutes per database
#   SKIP_SOAK=1 DATABASES=sqlite tests/api-performance/benchmark-scripts/all.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
export RESULTS_DIR="${RESULTS_DIR:-$here/../results/$(date -u +%Y%m%dT%H%M%SZ)}"
for db in ${DATABASES:-sqlite postgresql}; do
  export STOREFRONT_DB="$db"
  "$here/run-suite.sh"
  "$here/sale-day.sh"
  "$here/overload.sh"
  [[ -n ${SKIP_SOAK:-} ]] || "$here/soak.sh"
done
echo "results: $RESULTS_DIR"
