using System.Globalization;
using Pacer.Core.Execution;
using Pacer.Core.Judge;
using Pacer.Core.Templating;
using Pacer.Load.Executors;
using Pacer.Load.Metrics;
using Pacer.Load.Results;
using Pacer.Load.Thresholds;

namespace Pacer.Load.Runtime;

/// <summary>
/// Turns a run's flows into what executes them (each flow's steps, VUs, iteration and executor) and
/// what the run measured into its <see cref="LoadResult"/>: the two ends of <see cref="LoadRun"/>.
/// </summary>
internal sealed class LoadRunCompiler(LoadRunSettings settings) : IDisposable
{
    // Each flow's engine settings, which own its HTTP/2 connection pools.
    private readonly List<EngineSettings> _engines = [];

    /// <summary>Each flow's steps, iteration and executor; <paramref name="users"/> is filled with each flow's VUs on the first call and reused after.</summary>
    public (List<LoadExecutor> Executors, List<StepDescription> Steps) Compile(
        LoadRunShared shared, List<SetupOutcome> setups, List<VirtualUsers> users, LoadMetrics metrics, Func<ExecutorConfig, ExecutorConfig> profileOf)
    {
        var flows = settings.Flows;
        var names = LoadStepNames.Of(flows);
        var executors = new List<LoadExecutor>();
        var descriptions = new List<StepDescription>();
        var vuOffset = 0;
        for (var f = 0; f < flows.Count; f++)
        {
            var flow = flows[f];
            var setup = setups[f];
            var variables = VariableLayers.Merge(flow.EnvironmentVariables, setup.Captures);
            var baseUrl = BaseUrls.For(flow.BaseUrl, new VariableScope(settings.Overrides, variables, flow.Plan.Defaults));
            var profile = profileOf(flow.Profile);
            var loadSteps = flow.Plan.Steps.Where(s => !s.Once).ToList();
            var steps = loadSteps.Select((plan, i) => new LoadStep(names[f][i], flow.DisplayPath, plan, metrics.Step(names[f][i]), profile.Think, baseUrl)).ToList();
            descriptions.AddRange(steps.Select(s => new StepDescription(
                s.Name, s.Flow, s.Plan.Node.Method.ToUpperInvariant(), s.Plan.Node.Url.Raw, s.Plan.Budget?.LimitMilliseconds)));
            var engine = new EngineSettings(
                settings.Timeout,
                [.. loadSteps.SelectMany(s => s.HeaderNames).Distinct(StringComparer.OrdinalIgnoreCase)],
                loadSteps.Any(s => s.NeedsBody),
                settings.MaxBodyBytes,
                settings.Protocol with { Tls = (settings.Protocol.Tls ?? new()) with { Insecure = settings.Insecure || (settings.Protocol.Tls?.Insecure ?? false) } });
            _engines.Add(engine);

            // VUs are numbered across flows by the whole test's VUs, and a segment's VU keeps its number
            // in the whole test, so two flows or two agents never share a data row in unique mode.
            var offset = vuOffset;
            vuOffset += flow.Profile.WholePeakVus;
            if (users.Count == f)
            {
                var overridden = settings.Overrides.Keys.ToHashSet(StringComparer.Ordinal);
                users.Add(new VirtualUsers(flow.Profile.PeakVus, id => new VirtualUser(
                    id,
                    settings.Overrides,
                    settings.Data is { } data ? VariableLayers.Merge(variables, data.RowFor(offset + flow.Profile.GlobalVu(id), settings.DataMode)) : variables,
                    flow.Plan.Defaults,
                    new FlowSequence(flow.Plan, overridden).AfterSetup(setup.Sequence),
                    () => new EngineSender(engine),
                    cookies => new ClientSender(settings.Insecure, settings.Timeout, settings.MaxBodyBytes, cookies))));
            }

            var iteration = new FlowIteration(steps, shared, baseUrl, profile.IsOpenModel, users[f]);
            executors.Add(profile.CreateExecutor(iteration.RunAsync, new ExecutorOptions { GracefulStop = profile.GracefulStop, Time = shared.Time, StartOnEngineLoop = true }));
        }

        return (executors, descriptions);
    }

    public LoadResult Result(LoadRunOutcome run)
    {
        var iterationDurations = new LatencyHistogram();
        foreach (var executor in run.Executors)
        {
            iterationDurations.Add(executor.IterationDurations);
        }

        var results = run.Results;
        return new LoadResultBuilder
        {
            StartedAt = run.StartedAt,
            EndedAt = settings.Time.GetUtcNow(),
            Summary = run.Summary,
            Flows = [.. settings.Flows.Select(f => f.DisplayPath)],
            Environment = settings.Environment,
            Executor = ExecutorInfo(),
            Transport = run.Transport,
            Client = run.Client,
            Aborted = run.Aborted,
            Steps = run.Steps,
            Setup = Setup(run.Setups),
            Thresholds = ThresholdEvaluator.EvaluateAll(settings.Thresholds, run.Summary),
            TimeSeries = run.Points,
            IterationDurations = iterationDurations,
            Iterations = new ExecutorResult(
                results.Sum(r => r.Started),
                results.Sum(r => r.Completed),
                results.Sum(r => r.Failed),
                results.Sum(r => r.Dropped),
                results.Sum(r => r.PeakVus),
                run.Summary.Elapsed),
        }.Build();
    }

    /// <summary>The result of a run that never reached its load (setup failed, or it was stopped first): every step listed, none run.</summary>
    public LoadResult EmptyResult(LoadMetrics metrics, DateTimeOffset startedAt, string reason, List<SetupOutcome> setups) =>
        EmptyResult(metrics, startedAt, reason, Setup(setups));

    public LoadResult EmptyResult(LoadMetrics metrics, DateTimeOffset startedAt, string reason, IReadOnlyList<SetupStepResult> setup)
    {
        var names = LoadStepNames.Of(settings.Flows);
        var steps = settings.Flows.SelectMany((flow, f) => flow.Plan.Steps.Where(s => !s.Once).Select((plan, i) => new StepDescription(
            names[f][i], flow.DisplayPath, plan.Node.Method.ToUpperInvariant(), plan.Node.Url.Raw, plan.Budget?.LimitMilliseconds))).ToList();
        var summary = metrics.Snapshot(TimeSpan.Zero);
        return new LoadResultBuilder
        {
            StartedAt = startedAt,
            EndedAt = settings.Time.GetUtcNow(),
            Summary = summary,
            Flows = [.. settings.Flows.Select(f => f.DisplayPath)],
            Environment = settings.Environment,
            Executor = ExecutorInfo(),
            Aborted = reason,
            Steps = steps,
            Setup = setup,
            Thresholds = ThresholdEvaluator.EvaluateAll(settings.Thresholds, summary),
        }.Build();
    }

    public void Dispose()
    {
        foreach (var engine in _engines)
        {
            engine.Dispose();
        }
    }

    internal static List<SetupStepResult> Setup(List<SetupOutcome> setups) =>
        [.. setups.SelectMany(s => s.Steps).Select(step => new SetupStepResult
        {
            Name = step.Step.Name,
            Passed = step.Passed,
            Failure = step.Failure is { } kind ? FailureKindNames.Of(kind) : null,
            Reason = step.Reason,
            DurationMs = step.Duration.TotalMilliseconds,
        })];

    private LoadExecutorInfo ExecutorInfo()
    {
        var profiles = settings.Flows.Select(f => f.Profile).ToList();
        var described = new Dictionary<string, string>(profiles[0].Settings, StringComparer.Ordinal);
        if (settings.Warmup is { } warmup && warmup > TimeSpan.Zero)
        {
            described["warmup"] = $"{warmup.TotalSeconds.ToString(CultureInfo.InvariantCulture)}s";
        }

        if (profiles.Count > 1)
        {
            described["flows"] = profiles.Count.ToString(CultureInfo.InvariantCulture);
        }

        return new LoadExecutorInfo { Type = string.Join("+", profiles.Select(p => p.Type).Distinct()), Settings = described };
    }
}

/// <summary>What a measured run produced, handed from <see cref="LoadRun"/> to <see cref="LoadRunCompiler.Result"/>.</summary>
internal sealed record LoadRunOutcome(
    DateTimeOffset StartedAt,
    LoadSummary Summary,
    List<LoadExecutor> Executors,
    ExecutorResult[] Results,
    List<StepDescription> Steps,
    IReadOnlyList<TimeSeriesPoint> Points,
    LoadTransportInfo Transport,
    LoadClientInfo Client,
    string? Aborted,
    List<SetupOutcome> Setups);

/// <summary>The load steps' unique names (<see cref="StepNaming"/>) for a run's flows, <c>@once</c> steps left out.</summary>
public static class LoadStepNames
{
    public static IReadOnlyList<IReadOnlyList<string>> Of(IReadOnlyList<LoadFlow> flows)
    {
        ArgumentNullException.ThrowIfNull(flows);
        return Of([.. flows.Select(f => f.Plan)]);
    }

    public static IReadOnlyList<IReadOnlyList<string>> Of(IReadOnlyList<Core.Plan.FlowPlan> plans)
    {
        ArgumentNullException.ThrowIfNull(plans);
        return StepNaming.Assign([.. plans.Select(p => (ShortName(p), (IReadOnlyList<Core.Flow.Syntax.StepNode>)[.. p.Steps.Where(s => !s.Once).Select(s => s.Node)]))]);
    }

    /// <summary>A flow's short name, used to prefix step names that two flows share (<c>checkout/Login</c>).</summary>
    public static string ShortName(Core.Plan.FlowPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.Metadata.Id ?? Path.GetFileName(plan.Path).Replace(".flow.md", "", StringComparison.OrdinalIgnoreCase);
    }
}
