using System.CommandLine;
using Pacer.Cli.Input;

namespace Pacer.Cli.Commands;

/// <summary>The options of <c>pacer load</c>, declared once so the command and its handler agree.</summary>
internal sealed class LoadOptions
{
    public Argument<string[]> Paths { get; } = PathArgument.Create();

    public Option<string?> Vus { get; } = new("--vus") { Description = "Virtual users looping the flow (closed model, with --duration)" };

    public Option<string?> Duration { get; } = new("--duration", "-d") { Description = "How long the load lasts: 30s, 2m, 1h" };

    public Option<string?> Rate { get; } = new("--rate") { Description = "Iterations started per second, whatever the server does (open model): 2000/s" };

    public Option<string?> MaxVus { get; } = new("--max-vus") { Description = "Open model: most VUs in flight; an iteration with none free is dropped and counted" };

    public Option<string?> PreVus { get; } = new("--pre-vus") { Description = "Open model: VUs allocated before the start" };

    public Option<string?> Stages { get; } = new("--stages") { Description = "Ramp VUs: \"30s:0->500, 2m:500, 30s:500->0\"" };

    public Option<string?> RateStages { get; } = new("--rate-stages") { Description = "Ramp the arrival rate: \"1m:100/s->5000/s, 3m:5000/s\"" };

    public Option<string?> Iterations { get; } = new("--iterations", "-i") { Description = "A fixed number of iterations shared by the VUs" };

    public Option<string?> Think { get; } = new("--think") { Description = "Pause after each step: 1s, or a uniform random range 500ms..2s" };

    public Option<string?> GracefulStop { get; } = new("--graceful-stop") { Description = "Time in-flight iterations get to finish after the schedule ends (default 30s)" };

    public Option<string?> Data { get; } = new("--data") { Description = "Per-VU variables from a CSV (header row) or JSON (array of objects) file" };

    public Option<string?> DataMode { get; } = new("--data-mode") { Description = "round-robin (default: rows shared when VUs outnumber them) or unique (one row per VU)" };

    public Option<string[]> Reports { get; } = new("--report")
    {
        Description = "Write a report of the run: FORMAT=PATH with FORMAT html, markdown, junit or json (repeatable)",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string[]> Baselines { get; } = new("--baseline")
    {
        Description = "Compare the run with a result file or history reference (last, last~1); repeatable, a regression exits 1",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string?> Tolerance { get; } = new("--tolerance") { Description = "With --baseline: how much worse counts as a regression (default 10%)" };

    public Option<int?> MetricsPort { get; } = new("--metrics-port") { Description = "Serve live Prometheus metrics on 127.0.0.1:PORT/metrics while the load runs" };

    public Option<bool> NoHistory { get; } = History.RunHistory.CreateNoHistoryOption();

    public Option<string[]> Thresholds { get; } = new("--threshold")
    {
        Description = "Pass/fail rule, repeatable: p95<150ms, errors<1%, rps>1000, step[Login].p99<800ms (replaces the flows' @threshold lines)",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<bool> AbortOnFail { get; } = new("--abort-on-fail") { Description = "Stop as soon as a threshold is breached" };

    public Option<string?> Out { get; } = new("--out", "-o") { Description = "Write the result file (JSON, docs/results-json.md)" };

    public Option<string?> BaseUrl { get; } = new("--base-url") { Description = "Base URL for relative step URLs (overrides the environment's base_url)" };

    public Option<string?> Env { get; } = new("--env", "-e") { Description = "Environment from .pacer/config.yaml to use (overrides active_env)" };

    public Option<string[]> Vars { get; } = new("--var")
    {
        Description = "Set a variable: name=value (repeatable; wins over captures, data rows, environment and flow defaults)",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string?> Timeout { get; } = new("--timeout") { Description = "Per-request timeout when a step has no @timeout (default 30s)" };

    public Option<string?> Warmup { get; } = new("--warmup") { Description = "Run the flows this long at the starting load before measuring, and discard those numbers (JIT, connections, server caches)" };

    public Option<bool> Insecure { get; } = new("--insecure", "-k") { Description = "Accept any TLS certificate (self-signed test servers)" };

    public Option<string?> CaCert { get; } = new("--ca-cert") { Description = "Trust the CA certificates in this PEM file instead of the system's" };

    public Option<string?> Cert { get; } = new("--cert") { Description = "Client certificate (PEM) for mutual TLS; needs --key" };

    public Option<string?> Key { get; } = new("--key") { Description = "Private key (PEM) of --cert" };

    public Option<bool> Http2 { get; } = new("--http2") { Description = "Speak HTTP/2: ALPN h2 on https, prior knowledge (h2c) on http; VUs share --connections" };

    public Option<int?> Connections { get; } = new("--connections") { Description = "With --http2: connections per host the VUs are multiplexed over (default 1)" };

    public Option<bool> NoColor { get; } = new("--no-color") { Description = "Plain output even on a terminal (NO_COLOR is honoured too)" };

    /// <summary>Options that become <see cref="Load.Runtime.LoadSettings"/> entries, by setting name.</summary>
    public IEnumerable<(string Name, Option<string?> Option)> LoadSettingOptions =>
    [
        ("vus", Vus), ("duration", Duration), ("rate", Rate), ("max-vus", MaxVus), ("pre-vus", PreVus), ("stages", Stages),
        ("rate-stages", RateStages), ("iterations", Iterations), ("think", Think), ("graceful-stop", GracefulStop),
    ];

    public void AddTo(Command command)
    {
        command.Arguments.Add(Paths);
        foreach (Option option in new Option[]
        {
            Vus, Duration, Rate, MaxVus, PreVus, Stages, RateStages, Iterations, Think, GracefulStop, Data, DataMode,
            Thresholds, AbortOnFail, Out, Reports, Baselines, Tolerance, MetricsPort, NoHistory, BaseUrl, Env, Vars, Timeout, Warmup, Insecure,
            CaCert, Cert, Key, Http2, Connections, NoColor,
        })
        {
            command.Options.Add(option);
        }
    }
}
