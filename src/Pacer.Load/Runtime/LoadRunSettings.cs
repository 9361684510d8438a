using Pacer.Core.Plan;
using System.Text.Json.Nodes;
using Pacer.Core.Templating;
using Pacer.Load.Thresholds;

namespace Pacer.Load.Runtime;

/// <summary>Everything a <see cref="LoadRun"/> needs, resolved by the command (or a library caller) beforehand.</summary>
public sealed record LoadRunSettings
{
    public required IReadOnlyList<LoadFlow> Flows { get; init; }

    /// <summary><c>--var</c> values: above captures, data rows, the environment and flow defaults.</summary>
    public IReadOnlyDictionary<string, JsonNode?> Overrides { get; init; } = new Dictionary<string, JsonNode?>();

    public IReadOnlyList<Threshold> Thresholds { get; init; } = [];

    /// <summary>Stop the load as soon as a threshold is breached (checked every tick).</summary>
    public bool AbortOnFail { get; init; }

    public DataTable? Data { get; init; }

    public DataMode DataMode { get; init; } = DataMode.RoundRobin;

    /// <summary>Per-request timeout when a step has no <c>@timeout</c>.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    public bool Insecure { get; init; }

    /// <summary>Budgets are warnings, not failures (<c>--soft-budgets</c>), as in <c>pacer run</c>.</summary>
    public bool SoftBudgets { get; init; }

    /// <summary>The longest response body accepted (<c>--max-body</c>); a longer one fails its request.</summary>
    public long MaxBodyBytes { get; init; } = Core.Http.Engine.ConnectionOptions.DefaultMaxBodyBytes;
    /// <summary>
    /// How the engine connects: TLS settings (CA file, client certificate; <see cref="Insecure"/> is
    /// folded in), HTTP/2 and its connection count. Default: HTTP/1.1, a connection per VU.
    /// </summary>
    public EngineProtocol Protocol { get; init; } = new();

    /// <summary>The environment's name, recorded in the result file.</summary>
    public string? Environment { get; init; }

    /// <summary>
    /// Runs the flows this long before the measured load, at the load's starting level, and throws
    /// those requests' numbers away (as NBomber's warm-up does): a .NET client compiles its request
    /// path on first use and opens its connections, and at high rates that start-up would show up
    /// as latency the server never caused. Null or zero: no warm-up.
    /// </summary>
    public TimeSpan? Warmup { get; init; }

    /// <summary>After Ctrl-C or an abort, how long requests already sent may take to finish before they are cancelled.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How often progress is reported, the time series flushed and thresholds checked live.</summary>
    public TimeSpan TickInterval { get; init; } = TimeSpan.FromSeconds(1);

    public TimeProvider Time { get; init; } = TimeProvider.System;

    public BuiltInVariables BuiltIns { get; init; } = BuiltInVariables.CreateDefault();

    /// <summary>
    /// When the flows' <c>@once</c> steps already ran elsewhere (a distributed run's coordinator runs
    /// them once for every agent): what they captured, one dictionary per flow in <see cref="Flows"/>'s
    /// order. They are then not run again, and every VU sees these captures as after a local setup.
    /// </summary>
    public IReadOnlyList<IReadOnlyDictionary<string, JsonNode?>>? SetupCaptures { get; init; }
}
