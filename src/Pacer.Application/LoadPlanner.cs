using Pacer.Core.Flow;
using Pacer.Core.Flow.Syntax;
using Pacer.Core.Http.Engine;
using Pacer.Core.Plan;
using Pacer.Load.Executors;
using Pacer.Load.Runtime;

namespace Pacer.Application;

/// <summary>What a load run is asked to do, in typed form: the flows, and the options of <c>pacer load</c>.</summary>
public sealed record LoadRequest
{
    public required CompiledFlows Flows { get; init; }

    /// <summary>Load settings from the command line (<c>--vus</c>, <c>--rate</c>…), laid over each flow's <c>@load</c>.</summary>
    public LoadSettings CommandLine { get; init; } = new();

    /// <summary><c>--threshold</c> texts: when any are given they replace the flows' <c>@threshold</c> lines.</summary>
    public IReadOnlyList<string> Thresholds { get; init; } = [];

    public bool AbortOnFail { get; init; }

    public DataTable? Data { get; init; }

    public DataMode DataMode { get; init; } = DataMode.RoundRobin;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan? Warmup { get; init; }

    public bool Insecure { get; init; }

    /// <summary>What the engine speaks: TLS settings for https, HTTP/2 and its connections.</summary>
    public EngineProtocol Protocol { get; init; } = new();

    public bool SoftBudgets { get; init; }

    public long MaxBodyBytes { get; init; } = ConnectionOptions.DefaultMaxBodyBytes;

    /// <summary>After a stop, how long requests in flight may take to finish.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The share of the test to run here (<c>--segment 2/4</c>, an agent's part); the whole test when null.</summary>
    public ExecutionSegment? Segment { get; init; }

    /// <summary>The captures of <c>@once</c> steps that ran elsewhere (a distributed run's coordinator), per flow; null runs them here.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, System.Text.Json.Nodes.JsonNode?>>? SetupCaptures { get; init; }

    /// <summary>True for a distributed run's coordinator: it plans the whole test but runs no VU, so this machine's memory does not limit them.</summary>
    public bool Coordinated { get; init; }
}

/// <summary>
/// Decides everything a load run needs before it starts, and refuses bad input with every problem at
/// once: each flow's executor (its <c>@load</c> with the command line on top), the thresholds (with the
/// implicit <c>checks==100%</c> when none is about failures, so a load run with no threshold passes
/// exactly when <c>pacer run</c> would), threshold step names, and whether the VUs fit in memory.
/// </summary>
public static class LoadPlanner
{
    /// <summary>What one VU holds at most with its connection open (buffers, parser, state): measured near 29 KB (bench/MEMORY.md), rounded up.</summary>
    public const long BytesPerVu = 32 * 1024;

    public static (LoadRunSettings? Settings, IReadOnlyList<InputProblem> Problems) Plan(LoadRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var compiled = request.Flows;
        var problems = new List<InputProblem>();
        var flows = new List<LoadFlow>();
        for (var i = 0; i < compiled.Flows.Count; i++)
        {
            var plan = compiled.Flows[i];
            var (config, errors) = ExecutorRegistry.Resolve(plan.Load.With(request.CommandLine), i, compiled.Flows.Count);
            problems.AddRange(errors.Select(e => e.Span is { } span
                ? compiled.At(span, DiagnosticCodes.InvalidLoadSetting, e.Message)
                : InputProblem.Option((compiled.Flows.Count > 1 ? $"{plan.Path}: " : "") + e.Message)));
            if (config is not null)
            {
                flows.Add(new LoadFlow(plan, request.Segment is { } segment ? config with { Segment = segment } : config)
                {
                    BaseUrl = compiled.BaseUrlFor(plan),
                    EnvironmentVariables = compiled.VariablesFor(plan),
                });
            }
        }

        var thresholds = Thresholds(request, compiled, problems);
        if (flows.Count == compiled.Flows.Count && !request.Coordinated)
        {
            problems.AddRange(Capacity(flows));
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        return (new LoadRunSettings
        {
            Flows = flows,
            Overrides = compiled.Sources.Variables,
            Thresholds = thresholds,
            AbortOnFail = request.AbortOnFail,
            Data = request.Data,
            DataMode = request.DataMode,
            Timeout = request.Timeout,
            Warmup = request.Warmup,
            Insecure = request.Insecure,
            Protocol = request.Protocol,
            SoftBudgets = request.SoftBudgets,
            MaxBodyBytes = request.MaxBodyBytes,
            DrainTimeout = request.DrainTimeout,
            Environment = compiled.EnvironmentName,
            SetupCaptures = request.SetupCaptures,
        }, []);
    }

    private static List<Threshold> Thresholds(LoadRequest request, CompiledFlows compiled, List<InputProblem> problems)
    {
        var placed = new List<(Threshold Threshold, SourceSpan? Span)>();
        if (request.Thresholds.Count > 0)
        {
            foreach (var text in request.Thresholds)
            {
                try
                {
                    placed.Add((ThresholdParser.Parse(text), null));
                }
                catch (DirectiveSyntaxException exception)
                {
                    problems.Add(InputProblem.Option($"--threshold: {exception.Reason} (column {exception.Column})\n{exception.Render()}"));
                }
            }
        }
        else
        {
            // Two flows declaring the same threshold check it once.
            placed.AddRange(compiled.Flows.SelectMany(f => f.Thresholds).DistinctBy(t => t.Threshold.Text).Select(t => (t.Threshold, (SourceSpan?)t.Span)));
        }

        if (request.Thresholds.Count > 0)
        {
            // The flows' own thresholds were checked when they compiled; the command line's are checked here.
            problems.AddRange(ThresholdSteps.Check(compiled.Flows, placed, compiled));
        }

        var thresholds = placed.Select(p => p.Threshold).ToList();
        if (!thresholds.Any(t => t.IsFailureRate))
        {
            thresholds.Add(Threshold.AllChecksPass);
        }

        return thresholds;
    }

    /// <summary>VUs past what this machine's memory can hold are refused up front, not discovered as an out-of-memory crash.</summary>
    private static IEnumerable<InputProblem> Capacity(List<LoadFlow> flows)
    {
        var vus = flows.Sum(f => (long)f.Profile.PeakVus);
        var available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        var needed = vus * BytesPerVu;
        if (needed > available * 3 / 4)
        {
            yield return InputProblem.Option(
                $"{vus:N0} VUs need about {Megabytes(needed)} (about {BytesPerVu / 1024} KiB each) and this machine has {Megabytes(available)}: " +
                $"use at most {available * 3 / 4 / BytesPerVu:N0} VUs here, or spread the test over several machines");
        }
    }

    private static string Megabytes(long bytes) => bytes >= 1L << 30 ? $"{bytes / (double)(1L << 30):0.#} GiB" : $"{bytes / (1 << 20):N0} MiB";
}
