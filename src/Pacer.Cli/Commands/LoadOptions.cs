using System.CommandLine;
using Pacer.Cli.Input;
using Pacer.Core.Http.Engine.Tls;
using Pacer.Core.Plan;
using Pacer.Load.Runtime;
using Pacer.Reports.Load;

namespace Pacer.Cli.Commands;

/// <summary>The options of <c>pacer load</c>, declared once so the command and its handler agree.</summary>
internal sealed class LoadOptions
{
    public FlowOptions Flows { get; } = new();

    public Option<string?> Executor { get; } = new("--executor") { Description = "Name the executor (k6's names): constant-vus, ramping-vus, constant-arrival-rate, ramping-arrival-rate, shared-iterations" };

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
        Description = $"Write a report of the run: FORMAT=PATH with FORMAT {LoadReportTarget.FormatNames} (repeatable)",
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
        Description = "Pass/fail rule, repeatable: p95<150ms, errors<1%, checks>99%, rps>1000, step[Login].p99<800ms (replaces the flows' @threshold lines; without a rule on checks or errors, every check must pass)",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<bool> AbortOnFail { get; } = new("--abort-on-fail") { Description = "Stop as soon as a threshold is breached" };

    public Option<string?> Out { get; } = new("--out", "-o") { Description = "Write the result file (JSON, docs/results-json.md)" };

    public Option<string?> Timeout { get; } = SharedOptions.Timeout();

    public Option<string?> Warmup { get; } = new("--warmup") { Description = "Run the flows this long at the starting load before measuring, and discard those numbers (JIT, connections, server caches)" };

    public Option<string?> DrainTimeout { get; } = new("--drain-timeout") { Description = "After Ctrl-C or an abort, how long requests in flight may take to finish (default 1s)" };

    public TlsArguments Tls { get; } = new();

    public Option<bool> Http2 { get; } = new("--http2") { Description = "Speak HTTP/2: ALPN h2 on https, prior knowledge (h2c) on http; VUs share --connections" };

    public Option<int?> Connections { get; } = new("--connections") { Description = "With --http2: connections per host the VUs are multiplexed over (default 1)" };

    public Option<bool> SoftBudgets { get; } = SharedOptions.SoftBudgets();

    public Option<string?> MaxBody { get; } = SharedOptions.MaxBody();

    public Option<bool> NoColor { get; } = SharedOptions.NoColor();

    public Option<string?> Segment { get; } = new("--segment") { Description = "Run only this share of the test: I/N (part I of N, e.g. 2/4) or k6's a:b fractions (0:1/4); the N segments together are exactly the whole test" };

    public Option<string?> SegmentSequence { get; } = new("--segment-sequence") { Description = "With an a:b --segment: the boundaries every segment of the test shares, e.g. 0,1/4,1/2,1 (default 0,a,b,1, as in k6)" };

    public Option<int?> Agents { get; } = new("--agents") { Description = "Coordinate a distributed run: wait for N `pacer agent` processes, give each a segment, merge their results live (docs/distributed.md)" };

    public Option<string?> Listen { get; } = new("--listen") { Description = "With --agents: where the agents reach this coordinator, HOST:PORT (default 0.0.0.0:6565)" };

    /// <summary>Options that become load settings, by setting name (<see cref="LoadSettingGrammar.Names"/>).</summary>
    public IEnumerable<(string Name, Option<string?> Option)> LoadSettingOptions =>
    [
        ("executor", Executor), ("vus", Vus), ("duration", Duration), ("rate", Rate), ("max-vus", MaxVus), ("pre-vus", PreVus), ("stages", Stages),
        ("rate-stages", RateStages), ("iterations", Iterations), ("think", Think), ("graceful-stop", GracefulStop),
    ];

    /// <summary>
    /// The options that describe the test itself (what <c>pacer k8s render</c> passes on to the
    /// coordinator's pod), not where its outputs go. TLS files (<c>--ca-cert</c>, <c>--cert</c>,
    /// <c>--key</c>) are <c>pacer load</c>'s only: a pod would need them from a Secret.
    /// </summary>
    public IEnumerable<Option> TestOptions =>
    [
        Executor, Vus, Duration, Rate, MaxVus, PreVus, Stages, RateStages, Iterations, Think, GracefulStop, Data, DataMode,
        Thresholds, AbortOnFail, Timeout, Warmup, DrainTimeout, Tls.Insecure, Http2, Connections, SoftBudgets, MaxBody,
    ];

    public Hub.HubOutput Hub { get; } = new();

    public void AddTo(Command command)
    {
        Flows.AddTo(command);
        foreach (var option in TestOptions.Concat(
        [
            Tls.CaCert, Tls.Cert, Tls.Key, Out, Reports, Baselines, Tolerance, MetricsPort, NoHistory, NoColor,
            Segment, SegmentSequence, Agents, Listen, .. Hub.Options,
        ]))
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Only the flows and the options of the test (<see cref="TestOptions"/>), plus <c>--agents</c>.</summary>
    public void AddTestOptionsTo(Command command)
    {
        Flows.AddTo(command);
        foreach (var option in TestOptions.Append(Agents))
        {
            command.Options.Add(option);
        }
    }

    /// <summary>What the engine speaks: the TLS settings and HTTP/2; null (after printing why) when they do not fit.</summary>
    public EngineProtocol? ReadProtocol(ParseResult parsed, Application.CompiledFlows flows, PacerContext context)
    {
        if (Tls.Resolve(parsed, flows, context) is not { } tls)
        {
            return null;
        }

        var connections = parsed.GetValue(Connections) ?? 1;
        var problem = connections < 1 ? $"--connections must be at least 1, got {connections}"
            : parsed.GetValue(Connections) is not null && !parsed.GetValue(Http2) ? "--connections applies to --http2 (over HTTP/1.1 every VU has its own connection)"
            : null;
        if (problem is not null)
        {
            context.Error.WriteLine($"error: {problem}");
            return null;
        }

        return new EngineProtocol(tls, parsed.GetValue(Http2), connections);
    }

    /// <summary>The command line's load settings, each checked against its grammar; null (after printing why) when one does not parse.</summary>
    public LoadSettings? ReadLoadSettings(ParseResult parsed, TextWriter error)
    {
        var settings = new LoadSettings();
        var ok = true;
        foreach (var (name, option) in LoadSettingOptions)
        {
            if (parsed.GetValue(option) is not { } value)
            {
                continue;
            }

            try
            {
                settings.SetFromCommandLine(name, value);
            }
            catch (DirectiveSyntaxException exception)
            {
                error.WriteLine($"error: --{name}: {exception.Reason}");
                if (exception.Text.Length > 1 && exception.Column > 1)
                {
                    error.WriteLine(exception.Render());
                }

                ok = false;
            }
        }

        return ok ? settings : null;
    }
}
