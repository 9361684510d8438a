using System.Globalization;
using System.Text.Json.Nodes;
using Pacer.Core.Http.Engine.Tls;
using Pacer.Core.Plan;
using Pacer.Load.Executors;
using Pacer.Load.Runtime;

namespace Pacer.Application.Distributed;

/// <summary>
/// Everything an agent of a distributed run needs to run its segment, as plain data the coordinator
/// sends it: the flow files and config as the coordinator read them, the data rows, the options of
/// <c>pacer load</c> in the user's words, and what the coordinator's <c>@once</c> setup captured. An
/// agent turns it back into a <see cref="LoadRequest"/> (<see cref="ToRequest"/>) and plans it the one
/// way every run is planned, so it runs exactly its share of the coordinator's test.
/// </summary>
public sealed record AgentBundle
{
    public required IReadOnlyList<BundleFile> Flows { get; init; }

    public BundleFile? Config { get; init; }

    public string? Environment { get; init; }

    public string? BaseUrl { get; init; }

    public IReadOnlyDictionary<string, JsonNode?> Variables { get; init; } = new Dictionary<string, JsonNode?>();

    /// <summary>The command line's load settings (<c>vus</c>, <c>duration</c>…) as written; the flows' <c>@load</c> lines travel in their text.</summary>
    public IReadOnlyDictionary<string, string> LoadSettings { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<string> Thresholds { get; init; } = [];

    public BundleData? Data { get; init; }

    public string DataMode { get; init; } = "round-robin";

    public double TimeoutSeconds { get; init; } = 30;

    public double? WarmupSeconds { get; init; }

    public double DrainSeconds { get; init; } = 1;

    public bool Insecure { get; init; }

    /// <summary><c>--http2</c> and <c>--connections</c>: each agent multiplexes its own VUs over its own connections.</summary>
    public bool Http2 { get; init; }

    public int Connections { get; init; } = 1;

    /// <summary>The PEM files of <c>--ca-cert</c>, <c>--cert</c> and <c>--key</c> (or the environment's <c>tls:</c> block), by content: an agent has none of the coordinator's files.</summary>
    public BundleFile? CaCertificate { get; init; }

    public BundleFile? ClientCertificate { get; init; }

    public BundleFile? ClientKey { get; init; }

    public bool SoftBudgets { get; init; }

    public long MaxBodyBytes { get; init; }

    /// <summary>What each flow's <c>@once</c> steps captured on the coordinator, in flow order.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, JsonNode?>> SetupCaptures { get; init; } = [];

    /// <summary>The bundle for the run <paramref name="request"/> describes, after its setup captured <paramref name="setupCaptures"/>.</summary>
    public static AgentBundle Create(LoadRequest request, IReadOnlyList<IReadOnlyDictionary<string, JsonNode?>> setupCaptures)
    {
        ArgumentNullException.ThrowIfNull(request);
        var compiled = request.Flows;
        return new AgentBundle
        {
            Flows = [.. compiled.Flows.Select(plan => new BundleFile(plan.Path, compiled.Texts[plan.Path]))],
            Config = compiled.ConfigPath is { } config ? new BundleFile(Path.GetFileName(config), File.ReadAllText(config)) : null,
            Environment = compiled.Sources.Environment,
            BaseUrl = compiled.Sources.BaseUrl,
            Variables = compiled.Sources.Variables,
            LoadSettings = request.CommandLine.Values.Where(v => v.Value.Origin.FromCommandLine).ToDictionary(v => v.Key, v => v.Value.Value, StringComparer.Ordinal),
            Thresholds = request.Thresholds,
            Data = request.Data is { } data ? new BundleData(data.Source, [.. data.Rows.Select(row => new JsonObject(row.Select(c => KeyValuePair.Create(c.Key, c.Value?.DeepClone()))))]) : null,
            DataMode = request.DataMode == Load.Runtime.DataMode.Unique ? "unique" : "round-robin",
            TimeoutSeconds = request.Timeout.TotalSeconds,
            WarmupSeconds = request.Warmup?.TotalSeconds,
            DrainSeconds = request.DrainTimeout.TotalSeconds,
            Insecure = request.Insecure || (request.Protocol.Tls?.Insecure ?? false),
            Http2 = request.Protocol.Http2,
            Connections = request.Protocol.Connections,
            CaCertificate = Pem(request.Protocol.Tls?.CaCertificateFile),
            ClientCertificate = Pem(request.Protocol.Tls?.ClientCertificateFile),
            ClientKey = Pem(request.Protocol.Tls?.ClientKeyFile),
            SoftBudgets = request.SoftBudgets,
            MaxBodyBytes = request.MaxBodyBytes,
            SetupCaptures = setupCaptures,
        };
    }

    /// <summary>
    /// Writes the flows, config and data into <paramref name="directory"/> (the flows at their paths
    /// when those stay inside it), compiles them as the coordinator did, and returns the request for
    /// <paramref name="segment"/>, or the problems (the coordinator's Pacer and the agent's disagree).
    /// </summary>
    public (LoadRequest? Request, IReadOnlyList<InputProblem> Problems) ToRequest(string directory, ExecutionSegment segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        Directory.CreateDirectory(directory);
        if (Config is { } config)
        {
            Write(Path.Combine(directory, ".pacer", "config.yaml"), config.Text);
        }

        var files = Flows.Select((flow, i) => Write(LocalPath(directory, flow.Path, i), flow.Text)).ToList();
        var table = Data is { } data ? DataTable.FromJson(data.Source, new JsonArray([.. data.Rows.Select(r => (JsonNode?)r.DeepClone())]).ToJsonString()) : null;
        var compiled = FlowCompiler.Compile(new FlowSources
        {
            Files = files,
            CurrentDirectory = directory,
            Environment = Environment,
            BaseUrl = BaseUrl,
            Variables = Variables,
            SuppliedNames = [.. table?.Rows.SelectMany(r => r.Keys).Distinct(StringComparer.Ordinal) ?? []],
        });
        if (compiled.HasErrors)
        {
            return (null, [.. compiled.Problems.Where(p => p.IsError)]);
        }

        var settings = new LoadSettings();
        foreach (var (name, value) in LoadSettings)
        {
            settings.SetFromCommandLine(name, value);
        }

        return (new LoadRequest
        {
            Flows = compiled,
            CommandLine = settings,
            Thresholds = Thresholds,
            Data = table,
            DataMode = DataMode == "unique" ? Load.Runtime.DataMode.Unique : Load.Runtime.DataMode.RoundRobin,
            Timeout = TimeSpan.FromSeconds(TimeoutSeconds),
            Warmup = WarmupSeconds is { } warmup ? TimeSpan.FromSeconds(warmup) : null,
            DrainTimeout = TimeSpan.FromSeconds(DrainSeconds),
            Insecure = Insecure,
            Protocol = new EngineProtocol(Tls(directory), Http2, Connections),
            SoftBudgets = SoftBudgets,
            MaxBodyBytes = MaxBodyBytes,
            Segment = segment,
            SetupCaptures = SetupCaptures,
        }, []);
    }

    /// <summary>Plans the agent's run from <see cref="ToRequest"/>: the flows keep the names the coordinator gave them, so results merge step by step.</summary>
    public (LoadRunSettings? Settings, IReadOnlyList<InputProblem> Problems) Plan(string directory, ExecutionSegment segment)
    {
        var (request, problems) = ToRequest(directory, segment);
        if (request is null)
        {
            return (null, problems);
        }

        var (settings, planned) = LoadPlanner.Plan(request);
        return settings is null
            ? (null, planned)
            : (settings with { Flows = [.. settings.Flows.Select((flow, i) => flow with { DisplayPath = Flows[i].Path })] }, []);
    }

    // A relative path that stays inside the folder is kept (so is the file's name, which names its steps);
    // anything else goes under flows/N/ with its own name.
    private static string LocalPath(string directory, string path, int index)
    {
        var inside = !Path.IsPathRooted(path) && !path.Split('/', '\\').Contains("..");
        return inside ? Path.Combine(directory, path) : Path.Combine(directory, "flows", index.ToString(CultureInfo.InvariantCulture), Path.GetFileName(path));
    }

    private static BundleFile? Pem(string? path) => path is null ? null : new BundleFile(Path.GetFileName(path), File.ReadAllText(path));

    /// <summary>The coordinator's TLS settings, its PEM files written under <c>tls/</c> in <paramref name="directory"/>.</summary>
    private TlsOptions Tls(string directory)
    {
        string? Local(BundleFile? file, string name) => file is null ? null : Write(Path.Combine(directory, "tls", name), file.Text);
        return new TlsOptions
        {
            Insecure = Insecure,
            CaCertificateFile = Local(CaCertificate, "ca.pem"),
            ClientCertificateFile = Local(ClientCertificate, "cert.pem"),
            ClientKeyFile = Local(ClientKey, "key.pem"),
        };
    }

    private static string Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }
}

/// <summary>A text file as the coordinator read it: its path as the run names it, and its content.</summary>
public sealed record BundleFile(string Path, string Text);

/// <summary>The <c>--data</c> table: where it came from and its rows (CSV cells as strings, JSON values as they were).</summary>
public sealed record BundleData(string Source, IReadOnlyList<JsonObject> Rows);
