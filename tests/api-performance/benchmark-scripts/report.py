#!/usr/bin/env python3
"""Writes docs/api_performance_report.md (and the SLA table in README.md) from the result files of
the benchmark scripts: report.py RESULTS_DIR. Every number comes from a result file; nothing is typed in."""
import json
import os
import re
import sys

SUITE = ["auth", "catalog", "inventory", "orders", "payments", "journey"]
DATABASES = [("sqlite", "SQLite"), ("postgresql", "PostgreSQL")]
here = os.path.dirname(os.path.abspath(__file__))
repo = os.path.abspath(os.path.join(here, "..", "..", ".."))


def load(path):
    with open(path) as f:
        return json.load(f)


def ms(value):
    return "-" if value is None else (f"{value:.1f} ms" if value < 100 else f"{value:.0f} ms")


def step_thresholds(result):
    """step name -> list of its threshold outcomes; None key for the flow-wide ones."""
    by_step = {}
    for t in result["thresholds"]:
        by_step.setdefault(t["step"], []).append(t)
    return by_step


def sla_rows(result, flow):
    thresholds = step_thresholds(result)
    rows = []
    for step in result["steps"]:
        name = step["name"]
        lat = step["latency_ms"]
        own = [t for t in thresholds.get(name, []) if t["metric"].startswith("p")]
        sla = ", ".join(t["text"].split(".", 1)[1] for t in own) or "-"
        verdict = "-" if not own else ("met" if all(t["passed"] for t in own) else "**missed**")
        rows.append(f"| {flow} | {name} | {step['requests']} | {step['rps']:.1f} | {ms(lat['p50'])} | {ms(lat['p95'])} | {ms(lat['p99'])} | {sla} | {verdict} |")
    return rows


def capacity(result):
    """The request rate in the seconds where p95 first crosses the flow's overall p95 budget."""
    budget = next((t for t in result["thresholds"] if t["step"] is None and t["metric"] == "p95"), None)
    if budget is None:
        return None
    limit = float(re.search(r"([0-9.]+)ms", budget["text"]).group(1))
    series = result["time_series"]
    for i, point in enumerate(series):
        window = series[max(0, i - 2): i + 1]
        if len(window) == 3 and all(p["p95_ms"] > limit for p in window):
            rate = sum(p["requests"] for p in window) / 3
            return f"p95 crossed {limit:.0f} ms at about **{rate:.0f} requests/s** (second {window[0]['second']} of the ramp; 3 seconds in a row over budget)"
    peak = max((p["requests"] for p in series), default=0)
    return f"p95 stayed under {limit:.0f} ms up to the ramp's peak of {peak} requests/s: capacity not reached"


def overload(result):
    s = result["summary"]
    kinds = ", ".join(f"{k}: {v}" for k, v in sorted(s["failures_by_kind"].items())) or "none"
    statuses = sorted({f"{x['status']}" for st in result["steps"] for x in st["samples"] if x.get("status")})
    return (f"{s['requests']} requests at {s['rps']:.0f}/s, p95 {ms(s['latency_ms']['p95'])}, p99 {ms(s['latency_ms']['p99'])}; "
            f"failures by kind: {kinds}; statuses seen in failure samples: {', '.join(statuses) or 'none'}")


def functional_shapes(path):
    """overload.flow.md run functionally (its @retry honoured) while overload-pressure loads the server."""
    what = "overload.flow.md (the 503/429 shapes with Retry-After, health under overload), run as a functional test beside the pressure below"
    if not os.path.exists(path):
        return f"- {what}: not run for this report."
    steps = [step for file in load(path)["files"] for step in file["steps"]]
    described = "; ".join(
        f"{step['name']}: {step['status']} ({step['statusCode']}, {ms(step['durationMs'])}, {step['attempts']} attempt(s))" for step in steps)
    verdict = "passed" if all(step["status"] == "passed" for step in steps) else "**failed**"
    return f"- {what}: {verdict} — {described}."


def settings(result):
    return " ".join(f"{k}={v}" for k, v in result["executor"]["settings"].items())


def soak(folder):
    """Storefront's RSS (sampled by soak.sh) and the journey's p95, first minute against last minute."""
    csv_path, result_path = os.path.join(folder, "soak-rss.csv"), os.path.join(folder, "soak.json")
    if not (os.path.exists(csv_path) and os.path.exists(result_path)):
        return ["Not run for this report (`soak.sh`: 5 minutes of the journey at moderate load, sampling Storefront's RSS)."]
    with open(csv_path) as f:
        rows = [line.strip().split(",") for line in f.readlines()[1:] if line.strip()]
    samples = [(int(r[0]), int(r[1])) for r in rows if int(r[1]) > 0]
    result = load(result_path)
    series = [p for p in result["time_series"] if p["requests"] > 0]
    end = samples[-1][0] if samples else 0

    def mean(values):
        values = list(values)
        return sum(values) / len(values) if values else 0

    rss_first = mean(kib for t, kib in samples if t <= 60) / 1024
    rss_last = mean(kib for t, kib in samples if t >= end - 60) / 1024
    last_second = series[-1]["second"] if series else 0
    p95_first = mean(p["p95_ms"] for p in series if p["second"] < 60)
    p95_last = mean(p["p95_ms"] for p in series if p["second"] >= last_second - 60)
    return [
        f"`soak.sh`: `journey.flow.md` with `{settings(result)}` for {result['duration_seconds']:.0f} s, "
        f"{result['summary']['requests']} requests, errors {result['summary']['error_rate'] * 100:.2f}%.",
        "",
        "| | first minute | last minute | change |",
        "|---|---:|---:|---:|",
        f"| Storefront RSS (mean of {len(samples)} samples every few seconds) | {rss_first:.0f} MiB | {rss_last:.0f} MiB | {((rss_last / rss_first - 1) * 100) if rss_first else 0:+.1f}% |",
        f"| p95 of the journey's requests (mean of per-second p95) | {ms(p95_first)} | {ms(p95_last)} | {((p95_last / p95_first - 1) * 100) if p95_first else 0:+.1f}% |",
    ]


def main():
    results = os.path.abspath(sys.argv[1])
    info = load(os.path.join(results, "run-info.json"))
    out = []
    out.append("# Storefront: API performance report")
    out.append("")
    out.append(f"Generated by `tests/api-performance/benchmark-scripts/report.sh` from the result files in `{os.path.relpath(results, repo)}`;")
    out.append("regenerate it whenever performance changes, never edit it by hand.")
    out.append("")
    out.append(f"- Date: {info['date_utc']}; commit `{info['commit']}`")
    out.append(f"- Machine: {info['cpus']} CPUs ({info['cpu_model']}), {info['memory_kib'] // 1024} MiB, {info['kernel']}, .NET SDK {info['dotnet']}")
    out.append(f"- Storefront (Release, its own process) and, for PostgreSQL, the database server pinned to CPU {info['server_cpu']}; `pacer load` pinned to CPU {info['client_cpu']}.")
    if "steal_percent" in info:
        out.append(f"- CPU time the host took from this virtual machine during the runs (steal): {info['steal_percent']}%.")
    if "load_before" in info:
        out.append(f"- Load average (1, 5, 15 min) when the runs began: {info['load_before']}; when they ended: {info['load_after']} "
                   "(on 2 CPUs: above 2, other work on the machine competed with the benchmark for the cores).")
    out.append("- Each endpoint flow ran against a fresh Storefront at a stated load: an arrival rate of iterations per second")
    out.append("  (open model; the executor, rate, max-vus and duration are in each flow's line below, chosen in run-suite.sh as about")
    out.append("  half the capacity measured on one core). An SLA reads \"p95 under X at that rate\"; the SLAs are the flows' own")
    out.append("  `@threshold` lines (tests/api-performance/*.flow.md). The sale-day ramp below finds the capacity itself.")
    out.append("")
    readme_table = None
    for db, title in DATABASES:
        folder = os.path.join(results, db)
        if not os.path.isdir(folder):
            out.append(f"## {title}\n\nNot run for this report.\n")
            continue
        out.append(f"## {title}")
        out.append("")
        out.append("### Each endpoint against its SLA")
        out.append("")
        table = ["| flow | step | requests | req/s | p50 | p95 | p99 | SLA | verdict |", "|---|---|---:|---:|---:|---:|---:|---|---|"]
        verdicts = []
        for flow in SUITE:
            path = os.path.join(folder, f"{flow}.json")
            if not os.path.exists(path):
                continue
            result = load(path)
            table += sla_rows(result, flow)
            flow_wide = [t for t in result["thresholds"] if t["step"] is None]
            verdicts.append(f"- `{flow}` ({result['executor']['type']}, {', '.join(f'{k}={v}' for k, v in result['executor']['settings'].items())}): "
                            f"{result['summary']['requests']} requests, {result['summary']['rps']:.0f}/s, errors {result['summary']['error_rate'] * 100:.2f}%; "
                            + "; ".join(f"`{t['text']}` {'held' if t['passed'] else '**missed**'} ({t['actual_text']})" for t in flow_wide))
        out += table + [""] + verdicts + [""]
        if readme_table is None:
            readme_table = table
        ramp = os.path.join(folder, "sale-day-rate.json")
        out.append("### Capacity: the sale-day ramp")
        out.append("")
        if os.path.exists(ramp):
            result = load(ramp)
            out.append(f"`sale-day.flow.md` (10 reads : 1 write) under `{settings(result)}`: {capacity(result)}. "
                       f"Over the whole ramp: {overload(result)}; dropped iterations: {result['summary']['iterations']['dropped']}.")
        else:
            out.append("Not run for this report.")
        out.append("")
        out.append("### Past capacity")
        out.append("")
        out.append(functional_shapes(os.path.join(folder, "overload-shapes.run.json")))
        for name, what in [("overload-pressure", "catalog.flow.md with 200 VUs against the tiny limits, the pressure behind those probes"),
                           ("overload-catalog", "catalog.flow.md with far more VUs than the server's concurrency limit")]:
            path = os.path.join(folder, f"{name}.json")
            if os.path.exists(path):
                result = load(path)
                held = all(t["passed"] for t in result["thresholds"])
                out.append(f"- {what}: {overload(result)}; thresholds {'held' if held else '**missed**'}.")
            else:
                out.append(f"- {what}: not run for this report.")
        defaults, health = os.path.join(folder, "overload-defaults.json"), os.path.join(folder, "overload-health.json")
        if os.path.exists(defaults) and os.path.exists(health):
            pressure, probe = load(defaults), load(health)
            shed = pressure["summary"]["failures_by_kind"]
            lat = probe["summary"]["latency_ms"]
            held = all(t["passed"] for t in probe["thresholds"])
            out.append(f"- With the **default settings** (rate limits off), `{settings(pressure)}` of uncached searches "
                       f"(benchmark-scripts/flows/search-pressure.flow.md): {overload(pressure)}. "
                       f"Meanwhile /health at 20/s: {probe['summary']['requests']} probes, p50 {ms(lat['p50'])}, p95 {ms(lat['p95'])}, "
                       f"p99 {ms(lat['p99'])}, errors {probe['summary']['error_rate'] * 100:.2f}%; "
                       + "; ".join(f"`{t['text']}` {'held' if t['passed'] else '**missed**'} ({t['actual_text']})" for t in probe["thresholds"]) + ".")
        else:
            out.append("- With the default settings, past capacity: not run for this report.")
        out.append("")
        out.append("### Soak")
        out.append("")
        out += soak(folder)
        out.append("")
    with open(os.path.join(repo, "docs", "api_performance_report.md"), "w") as f:
        f.write("\n".join(out).rstrip() + "\n")
    if readme_table:
        readme = os.path.join(repo, "README.md")
        text = open(readme).read()
        block = "<!-- sla-table:start (written by tests/api-performance/benchmark-scripts/report.py) -->\n" + "\n".join(readme_table) + "\n<!-- sla-table:end -->"
        text = re.sub(r"<!-- sla-table:start.*?<!-- sla-table:end -->", lambda _: block, text, flags=re.S)
        open(readme, "w").write(text)


main()
