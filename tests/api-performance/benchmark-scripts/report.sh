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
# Steal: time the hypervisor gave this VM's CPUs to someone else. On a shared host it moves every
# latency here, so the report says how much there was (columns of the "cpu" line in /proc/stat).
cpu_times() { awk '/^cpu / {print $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9}' /proc/stat; }
read -r steal_before total_before < <(cpu_times)
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
DATABASES="${DATABASES:-sqlite postgresql}" "$here/all.sh"
read -r steal_after total_after < <(cpu_times)
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
steal_percent=$(awk -v s=$((steal_after - steal_before)) -v t=$((total_after - total_before)) 'BEGIN {printf "%.1f", (t > 0 ? 100 * s / t : 0)}')
python3 - "$RESULTS_DIR/run-info.json" "$steal_percent" "$load_before" "$load_after" <<'PY'
import json, sys
path, steal = sys.argv[1], float(sys.argv[2])
info = json.load(open(path))
info["steal_percent"] = steal
info["load_before"], info["load_after"] = sys.argv[3], sys.argv[4]
json.dump(info, open(path, "w"), indent=2)
PY
python3 "$here/report.py" "$RESULTS_DIR"
echo "wrote docs/api_performance_report.md"
