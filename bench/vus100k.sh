#!/usr/bin/env bash
# 100,000 VUs on this one box: a closed-model run where every VU holds its own keep-alive
# connection and thinks 1 s between requests, ramped up over RAMP and held for HOLD, against nginx.
#
#   bench/vus100k.sh                  VUS=100000 AGENTS=7 RAMP=30s HOLD=60s PORT=27100 ADDRESSES=8
#
# Why agents on one box: a process may hold at most `ulimit -Hn` files (20,000 here, and no
# CAP_SYS_RESOURCE to raise it), so 100,000 connections cannot live in one process. The run is a
# distributed one on one machine: a coordinator and AGENTS agent processes (about 14,300 VUs each),
# all pinned to CPU 0; nginx (8 workers, each under the same limit) on CPU 1. Connections go to
# ADDRESSES target addresses 127.0.0.2… (VU n to address n mod ADDRESSES, through a data column),
# so no address:port pair needs more than the ~28,000 ephemeral ports.
#
# Writes bench/results/vus100k-TIMESTAMP/: the merged result file, each process's log, the memory
# and connection samples, and summary.md (what bench/RESULTS.md quotes). Loopback only; everything
# it starts is stopped at the end.
set -euo pipefail

VUS=${VUS:-100000}
AGENTS=${AGENTS:-7}
RAMP=${RAMP:-30s}
HOLD=${HOLD:-60s}
PORT=${PORT:-27100}
ADDRESSES=${ADDRESSES:-8}
COORDINATOR_PORT=$((PORT + 1))

root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/bench/results/vus100k-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$out"
ulimit -n "$(ulimit -Hn)"
echo "open files per process: $(ulimit -n) (hard limit $(ulimit -Hn))" | tee "$out/limits.txt"

echo "building pacer (Release)…"
dotnet build -c Release "$root/src/Pacer.Cli" -v q -nologo >"$out/build.log" 2>&1
pacer=$root/src/Pacer.Cli/bin/Release/net10.0/pacer.dll

# The target: nginx, one listen socket per address, 8 workers (each holds at most ~19,000 connections).
nginx_dir=$out/nginx
mkdir -p "$nginx_dir"
listens=""
hosts="host"
for i in $(seq 2 $((ADDRESSES + 1))); do
  listens+="    listen 127.0.0.$i:$PORT reuseport backlog=65535;"$'\n'
  hosts+=$'\n'"127.0.0.$i:$PORT"
done
cat >"$nginx_dir/nginx.conf" <<EOF
worker_processes 8;
worker_rlimit_nofile 19900;
pid $nginx_dir/nginx.pid;
error_log $nginx_dir/error.log crit;
events { worker_connections 19500; multi_accept on; }
http {
  access_log off;
  keepalive_timeout 600s;
  keepalive_requests 100000000;
  server {
$listens
    location / { default_type application/json; return 200 '{"status":"ok"}'; }
  }
}
EOF
taskset -c 1 nginx -c "$nginx_dir/nginx.conf"
cleanup() {
  [[ -f $nginx_dir/nginx.pid ]] && kill "$(cat "$nginx_dir/nginx.pid")" 2>/dev/null || true
  for pid in ${pids:-}; do kill "$pid" 2>/dev/null || true; done
  [[ -n ${sampler:-} ]] && kill "$sampler" 2>/dev/null || true
}
trap cleanup EXIT

printf '%s\n' "$hosts" >"$out/hosts.csv"
cat >"$out/hold.flow.md" <<'EOF'
# 100k VUs: one GET per iteration on the VU's own keep-alive connection

```kest
@name Get
GET http://{{host}}/

[Asserts]
status == 200
```
EOF

uptime | tee "$out/uptime-before.txt"
read -r _ u n s idle io irq sirq steal _ </proc/stat
echo "$u $n $s $idle $io $irq $sirq $steal" >"$out/cpu-before.txt"

cd "$out"
taskset -c 0 dotnet "$pacer" load hold.flow.md --data hosts.csv --stages "$RAMP:0->$VUS, $HOLD:$VUS" --think 1s \
  --agents "$AGENTS" --listen "127.0.0.1:$COORDINATOR_PORT" --graceful-stop 5s --out result.json --no-history --no-color \
  >coordinator.log 2>&1 &
coordinator=$!
pids="$coordinator"
sleep 3
for i in $(seq 0 $((AGENTS - 1))); do
  taskset -c 0 dotnet "$pacer" agent --coordinator "http://127.0.0.1:$COORDINATOR_PORT" --segment-index "$i" --name "agent-$i" >"agent-$i.log" 2>&1 &
  pids+=" $!"
done

# Every 2 s: the resident memory of every pacer process and of nginx, and the established connections to the target.
(
  echo "seconds pacer_rss_kib nginx_rss_kib established"
  start=$(date +%s)
  while kill -0 "$coordinator" 2>/dev/null; do
    pacer_rss=0
    for pid in $(pgrep -f "$pacer" || true); do
      rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
      pacer_rss=$((pacer_rss + ${rss:-0}))
    done
    nginx_rss=0
    for pid in $(pgrep -f "nginx: worker|nginx: master" || true); do
      rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
      nginx_rss=$((nginx_rss + ${rss:-0}))
    done
    established=$(ss -Htn state established "( dport = :$PORT )" 2>/dev/null | wc -l)
    echo "$(( $(date +%s) - start )) $pacer_rss $nginx_rss $established"
    sleep 2
  done
) >memory.tsv &
sampler=$!

# Each process's own peak (VmHWM), read just before it exits.
(
  while kill -0 "$coordinator" 2>/dev/null; do
    for pid in $pids; do
      hwm=$(awk '/^VmHWM:/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
      [[ -n $hwm ]] && echo "$pid $hwm"
    done
    sleep 1
  done
) >hwm.raw &
hwm_watch=$!

wait "$coordinator" || true
for pid in $pids; do wait "$pid" 2>/dev/null || true; done
kill "$sampler" "$hwm_watch" 2>/dev/null || true
wait 2>/dev/null || true

uptime | tee uptime-after.txt
read -r _ u n s idle io irq sirq steal _ </proc/stat
echo "$u $n $s $idle $io $irq $sirq $steal" >cpu-after.txt

python3 - "$out" "$VUS" "$AGENTS" "$RAMP" "$HOLD" <<'EOF'
import json, sys, re, os
out, vus, agents, ramp, hold = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
r = json.load(open(f"{out}/result.json"))
rows = [l.split() for l in open(f"{out}/memory.tsv").read().splitlines()[1:] if l.strip()]
peak_sum = max(int(x[1]) for x in rows) / 1024
peak_nginx = max(int(x[2]) for x in rows) / 1024
peak_conns = max(int(x[3]) for x in rows)
hwm = {}
for line in open(f"{out}/hwm.raw"):
    pid, kib = line.split(); hwm[pid] = max(hwm.get(pid, 0), int(kib))
per_process = sorted(v / 1024 for v in hwm.values())
def secs(t): return float(t[:-1]) * (60 if t.endswith("m") else 1) if t[-1] in "sm" else float(t)
ramp_s = secs(ramp)
series = r["time_series"]
hold_points = [p for p in series if p["second"] >= ramp_s + 2 and p["second"] < ramp_s + secs(hold) - 1]
hold_rps = sorted(p["requests"] for p in hold_points)
median = hold_rps[len(hold_rps) // 2] if hold_rps else 0
peak_vus = max((p["vus"] for p in series), default=0)
b = [int(x) for x in open(f"{out}/cpu-before.txt").read().split()]
a = [int(x) for x in open(f"{out}/cpu-after.txt").read().split()]
d = [y - x for x, y in zip(b, a)]
steal = 100 * d[7] / max(1, sum(d))
cost = next((l.strip() for l in open(f"{out}/coordinator.log") if l.startswith("coordinator cost:")), "(no cost line)")
s = r["summary"]
lat = s["latency_ms"]
text = f"""# {vus:,} VUs on one box ({os.path.basename(out)})

`bench/vus100k.sh` (VUS={vus} AGENTS={agents} RAMP={ramp} HOLD={hold}): ramping-vus `{ramp}:0->{vus}, {hold}:{vus}`, think 1 s,
one keep-alive connection per VU, nginx (8 workers) on CPU 1, coordinator + {agents} agents on CPU 0.

| | |
|---|---|
| peak VUs (time series, all agents) | {peak_vus:,} |
| peak established connections to the target | {peak_conns:,} |
| peak RSS, all pacer processes together (sampled every 2 s) | {peak_sum:,.0f} MiB |
| peak RSS per process (VmHWM), largest / sum | {per_process[-1] if per_process else 0:,.0f} MiB / {sum(per_process):,.0f} MiB |
| nginx peak RSS | {peak_nginx:,.0f} MiB |
| requests | {s['requests']:,} ({s['failures']:,} failed: {s['failures_by_kind']}) |
| requests/s over the run | {s['rps']:,.0f} |
| requests/s while holding {vus:,} VUs (median second) | {median:,} |
| latency p50 / p95 / p99 / max | {lat['p50']:.1f} / {lat['p95']:.1f} / {lat['p99']:.1f} / {lat['max']:.0f} ms |
| verdict | {'passed' if r['passed'] else 'failed'}{(': ' + r['aborted']) if r['aborted'] else ''} |
| {cost.split(':')[0]} | {cost.split(':', 1)[1].strip() if ':' in cost else cost} |
| machine | {open(f"{out}/uptime-before.txt").read().strip()} → {open(f"{out}/uptime-after.txt").read().strip()}; steal {steal:.1f}% |
"""
open(f"{out}/summary.md", "w").write(text)
print(text)
EOF
