#!/usr/bin/env bash
# Issue 4: "memory does not grow with duration: a 10-minute run peaks within 10% of a 1-minute run".
#   bench/memory.sh [RATE] [SHORT] [LONG]      (defaults: 5000/s, 1m, 10m)
# The same open-model run against nginx twice, client on CPU 0 and nginx on CPU 1; writes
# bench/MEMORY.md with both peak RSS figures (GNU time's maximum resident set size).
set -euo pipefail
rate=${1:-5000/s}
short=${2:-1m}
long=${3:-10m}
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
peers="$repo/../shared/tools/peers.sh"
port=18080
work=$(mktemp -d)
bash "$peers" install >/dev/null
bash "$peers" nginx start "$port" 1 >/dev/null
trap 'bash "$peers" nginx stop "$port"; rm -rf "$work"' EXIT

dotnet build -c Release "$repo/src/Pacer.Cli" >/dev/null
pacer="$repo/src/Pacer.Cli/bin/Release/net10.0/pacer"
flow="$here/flows/get.flow.md"

measure() {
  echo "memory: $1 at $rate…" >&2
  (cd "$work" && /usr/bin/time -f "%M" -o "$work/rss-$1" taskset -c 0 "$pacer" load "$flow" --no-color --no-history \
    --base-url "http://127.0.0.1:$port/" --rate "$rate" --max-vus 200 --duration "$1" --out "$work/out-$1.json" >"$work/log-$1" 2>&1) || true
  python3 - "$work/out-$1.json" "$work/rss-$1" "$1" <<'PY'
import json, sys
summary = json.load(open(sys.argv[1]))["summary"]
rss_mb = int(open(sys.argv[2]).read().split()[-1]) / 1024
print(f"| {sys.argv[3]} | {summary['requests']:,} | {summary['failures']} | {summary['iterations']['dropped']} | {rss_mb:.0f} MB |")
PY
}

load_at_start=$(cut -d' ' -f1-3 /proc/loadavg)
short_row=$(measure "$short")
long_row=$(measure "$long")
short_mb=$(echo "$short_row" | awk -F'|' '{print $6}' | tr -dc '0-9')
long_mb=$(echo "$long_row" | awk -F'|' '{print $6}' | tr -dc '0-9')
{
  echo "# Memory against duration"
  echo
  echo "Written by \`bench/memory.sh $rate $short $long\` on $(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) CPUs, $(uname -sr)."
  echo "\`pacer load --rate $rate --max-vus 200\` of bench/flows/get.flow.md against nginx; peak RSS from GNU time."
  echo "Load average when the runs started: $load_at_start (dropped iterations grow when other work shares the client CPU)."
  echo
  echo "| duration | requests | failures | dropped | peak RSS |"
  echo "|---|---:|---:|---:|---:|"
  echo "$short_row"
  echo "$long_row"
  echo
  awk -v a="$long_mb" -v b="$short_mb" 'BEGIN {d = (a - b) / b; printf "The %s run peaks %+.1f%% against the %s run (target: within 10%%): %s.\n", "'"$long"'", 100 * d, "'"$short"'", (d <= 0.10 ? "met" : "**missed**")}'
  echo
  echo "Why it stays flat: the histograms are fixed arrays, the per-second series keeps one small point a second"
  echo "(a day's worth at most), failure samples keep the first of each kind, and connections are per VU."
} > "$here/MEMORY.md"
cat "$here/MEMORY.md"
