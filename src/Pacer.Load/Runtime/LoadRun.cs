using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Pacer.Core.Templating;
using Pacer.Load.Executors;
using Pacer.Load.Metrics;
using Pacer.Load.Results;
using Pacer.Load.Thresholds;

namespace Pacer.Load.Runtime;

/// <summary>
/// One <c>pacer load</c> run: runs every flow's <c>@once</c> steps, then drives each flow with its
/// own executor side by side, records into <see cref="Metrics"/> and a per-second time series, and
/// ticks once a second (flush the series, check thresholds live, report progress). Cancelling the
/// token (Ctrl-C) or a breached threshold with <c>AbortOnFail</c> stops new iterations; requests in
/// flight get <see cref="LoadRunSettings.DrainTimeout"/> to finish. A result is always returned.
/// </summary>
public sealed class LoadRun
{
    private readonly LoadRunSettings _settings;
    private readonly ConcurrentQueue<string> _messages = new();

    // Each flow's engine settings, which own its HTTP/2 connection pools: closed when the run ends.
    private readonly List<EngineSettings> _engineSettings = [];
    private string? _abortReason;

    public LoadRun(LoadRunSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Flows.Count == 0)
        {
            throw new LoadSettingsException("no flow to run");
        }

        foreach (var flow in settings.Flows.Where(f => f.Document.Steps.All(s => s.Options.Once)))
        {
            throw new LoadSettingsException($"{flow.DisplayPath}: no step to put under load (every step is @once or there are none)");
        }

        var peak = settings.Flows.Sum(f => f.Profile.PeakVus);
        if (settings.Data is { } data && settings.DataMode == DataMode.Unique && peak > data.Rows.Count)
        {
            throw new LoadSettingsException($"--data-mode unique: the run may use {peak} VUs but {data.Source} has only {data.Rows.Count} rows");
        }

        _settings = settings;
    }

    /// <summary>The live metrics, readable while the run goes (for a metrics endpoint).</summary>
    public LoadMetrics Metrics { get; } = new();

    /// <summary>True when the caller's token stopped the run (Ctrl-C).</summary>
    public bool Interrupted { get; private set; }

    public async Task<LoadResult> RunAsync(ILoadObserver observer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(observer);
        var time = _settings.Time;
        var startedAt = time.GetUtcNow();

        // Setup first: every flow's @once steps, before any load (and before the clock of the load starts).
        var setups = new List<IReadOnlyDictionary<string, JsonNode?>>();
        foreach (var flow in _settings.Flows)
        {
            IReadOnlyDictionary<string, JsonNode?> captures;
            string? error;
            try
            {
                (captures, error) = await OnceSteps.RunAsync(
                    flow, _settings.Overrides, flow.EnvironmentVariables, OnceSteps.Defaults(flow.Document), _settings, _settings.BuiltIns, observer.OnMessage, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                (captures, error) = (new Dictionary<string, JsonNode?>(), null);
            }

            if (error is not null || cancellationToken.IsCancellationRequested)
            {
                Interrupted = cancellationToken.IsCancellationRequested;
                var reason = error is null ? "interrupted" : "setup failed: " + error;
                observer.OnMessage(reason);
                return EmptyResult(startedAt, reason);
            }

            setups.Add(captures);
        }

        // One set of VUs per flow for the whole run: the warm-up's connections carry into the load.
        var users = new List<VirtualUsers>();
        try
        {
            if (_settings.Warmup is { } warmup && warmup > TimeSpan.Zero && !cancellationToken.IsCancellationRequested)
            {
                observer.OnMessage($"warming up for {warmup.TotalSeconds:0.###}s at the starting load (not measured)");
                await WarmUpAsync(warmup, setups, users, cancellationToken).ConfigureAwait(false);
            }

            return await MeasureAsync(observer, startedAt, setups, users, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            foreach (var pool in users)
            {
                pool.Dispose();
            }

            foreach (var engine in _engineSettings)
            {
                engine.Dispose();
            }
        }
    }

    private async Task<LoadResult> MeasureAsync(
        ILoadObserver observer, DateTimeOffset startedAt, List<IReadOnlyDictionary<string, JsonNode?>> setups, List<VirtualUsers> users, CancellationToken cancellationToken)
    {
        var time = _settings.Time;

        using var requests = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var series = new TimeSeries(time);
        var transport = new TransportUsage();
        transport.FellBackToClient += reason => _messages.Enqueue("transport: HttpClient (" + reason + ")");
        var shared = new LoadRunShared(time, Metrics, series, _settings.BuiltIns, transport, requests.Token);
        var (executors, descriptions) = Compile(shared, setups, users, Metrics, profile => profile);
        var total = executors.Max(e => e.TotalDuration);
        requests.CancelAfter(total + _settings.Flows.Max(f => f.Profile.GracefulStop) + _settings.DrainTimeout);
        foreach (var executor in executors)
        {
            executor.ActiveVusChanged += _ => series.ObserveActiveVus(TotalActiveVus(executors));
        }

        var clientBefore = LoadClientInfo.Now();
        var loadStart = time.GetTimestamp();
        using var registration = cancellationToken.Register(() =>
        {
            Interrupted = true;
            Stop("interrupted", requests);
        });
        using var tickerStop = new CancellationTokenSource();
        var ticker = TickAsync(observer, executors, series, loadStart, total, stop, requests, tickerStop.Token);
        ExecutorResult[] results;
        try
        {
            results = await Task.WhenAll(executors.Select(e => e.RunAsync(stop.Token))).ConfigureAwait(false);
        }
        finally
        {
            await tickerStop.CancelAsync().ConfigureAwait(false);
            await ticker.ConfigureAwait(false);
        }

        var elapsed = time.GetElapsedTime(loadStart);
        series.Complete();
        DrainMessages(observer);
        var summary = Snapshot(elapsed, executors);
        var iterationDurations = new LatencyHistogram();
        foreach (var executor in executors)
        {
            iterationDurations.Add(executor.IterationDurations);
        }

        return new LoadResultBuilder
        {
            StartedAt = startedAt,
            EndedAt = time.GetUtcNow(),
            Summary = summary,
            Flows = [.. _settings.Flows.Select(f => f.DisplayPath)],
            Environment = _settings.Environment,
            Executor = ExecutorInfo(),
            Transport = transport.ToInfo(),
            Client = LoadClientInfo.Now().Since(clientBefore),
            Aborted = Volatile.Read(ref _abortReason),
            Steps = descriptions,
            Thresholds = ThresholdEvaluator.EvaluateAll(_settings.Thresholds, summary),
            TimeSeries = series.Points,
            IterationDurations = iterationDurations,
            Iterations = new ExecutorResult(
                results.Sum(r => r.Started),
                results.Sum(r => r.Completed),
                results.Sum(r => r.Failed),
                results.Sum(r => r.Dropped),
                results.Sum(r => r.PeakVus),
                elapsed),
        }.Build();
    }

    /// <summary>The warm-up: the same flows on their own VUs and metrics, which are then thrown away.</summary>
    private async Task WarmUpAsync(TimeSpan warmup, List<IReadOnlyDictionary<string, JsonNode?>> setups, List<VirtualUsers> users, CancellationToken cancellationToken)
    {
        var time = _settings.Time;
        using var requests = new CancellationTokenSource(warmup + _settings.DrainTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, requests.Token);
        var shared = new LoadRunShared(time, new LoadMetrics(), new TimeSeries(time), _settings.BuiltIns, new TransportUsage(), linked.Token);
        var (executors, _) = Compile(shared, setups, users, shared.Metrics, profile => profile.WarmUp(warmup));
        await Task.WhenAll(executors.Select(e => e.RunAsync(cancellationToken))).ConfigureAwait(false);
    }

    /// <summary>Each flow's steps, iteration and executor; <paramref name="users"/> is filled with each flow's VUs on the first call and reused after.</summary>
    private (List<LoadExecutor> Executors, List<StepDescription> Steps) Compile(
        LoadRunShared shared, List<IReadOnlyDictionary<string, JsonNode?>> setups, List<VirtualUsers> users, LoadMetrics metrics, Func<LoadProfile, LoadProfile> profileOf)
    {
        var flows = _settings.Flows;
        var loadSteps = flows.Select(f => f.Document.Steps.Where(s => !s.Options.Once).ToList()).ToList();
        var names = StepNaming.Assign([.. flows.Select((f, i) => (f.ShortName, (IReadOnlyList<Core.Flow.Syntax.StepNode>)loadSteps[i]))]);
        var executors = new List<LoadExecutor>();
        var descriptions = new List<StepDescription>();
        var vuOffset = 0;
        for (var f = 0; f < flows.Count; f++)
        {
            var flow = flows[f];
            var defaults = OnceSteps.Defaults(flow.Document);
            var variables = VariableLayers.Merge(flow.EnvironmentVariables, setups[f]);
            var baseUrl = OnceSteps.BaseUrlFor(flow, new VariableScope(_settings.Overrides, variables, defaults));
            var profile = profileOf(flow.Profile);
            var steps = loadSteps[f].Select((node, i) => new LoadStep(names[f][i], flow.DisplayPath, node, metrics.Step(names[f][i]), profile.Think, baseUrl)).ToList();
            descriptions.AddRange(steps.Select(s => new StepDescription(
                s.Name, s.Flow, s.Node.Method.ToUpperInvariant(), s.Node.Url.Raw, s.SlaBudgetNanoseconds is { } ns ? ns / 1e6 : null)));
            var engine = new EngineSettings(
                _settings.Timeout,
                [.. steps.SelectMany(s => s.HeaderNames).Distinct(StringComparer.OrdinalIgnoreCase)],
                steps.Any(s => s.NeedsBody),
                _settings.Protocol with { Tls = (_settings.Protocol.Tls ?? new()) with { Insecure = _settings.Insecure || (_settings.Protocol.Tls?.Insecure ?? false) } });
            _engineSettings.Add(engine);
            var offset = vuOffset;
            vuOffset += flow.Profile.PeakVus;
            if (users.Count == f)
            {
                users.Add(new VirtualUsers(flow.Profile.PeakVus, id => new VirtualUser(
                    id,
                    _settings.Overrides,
                    _settings.Data is { } data ? VariableLayers.Merge(variables, data.RowFor(offset + id, _settings.DataMode)) : variables,
                    defaults,
                    () => new EngineSender(engine),
                    () => new ClientSender(_settings.Insecure, _settings.Timeout))));
            }

            var iteration = new FlowIteration(steps, shared, baseUrl, profile.IsOpenModel, users[f]);
            executors.Add(profile.CreateExecutor(iteration.RunAsync, new ExecutorOptions { GracefulStop = profile.GracefulStop, Time = shared.Time, StartOnEngineLoop = true }));
        }

        return (executors, descriptions);
    }

    private async Task TickAsync(
        ILoadObserver observer, List<LoadExecutor> executors, TimeSeries series, long loadStart, TimeSpan total,
        CancellationTokenSource stop, CancellationTokenSource requests, CancellationToken cancellationToken)
    {
        var time = _settings.Time;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_settings.TickInterval, time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            series.Flush();
            DrainMessages(observer);
            var summary = Snapshot(time.GetElapsedTime(loadStart), executors);
            var thresholds = ThresholdEvaluator.EvaluateAll(_settings.Thresholds, summary);
            if (_settings.AbortOnFail && !stop.IsCancellationRequested && thresholds.FirstOrDefault(CanAbort) is { } breached)
            {
                var reason = $"threshold {breached.Threshold.Text} breached (actual {breached.ActualText})";
                observer.OnMessage("aborting: " + reason);
                Stop(reason, requests);
                await stop.CancelAsync().ConfigureAwait(false);
            }

            observer.OnProgress(Progress(summary, series, executors, total, thresholds));
        }
    }

    /// <summary>
    /// Live, only a breach that more load cannot undo aborts: a threshold with data that fails now.
    /// An rps threshold is only judged at the end (the first seconds of a ramp would always fail it).
    /// </summary>
    private static bool CanAbort(ThresholdResult result) =>
        !result.Passed && result.Actual is not null && result.Threshold.Metric != ThresholdMetric.Rps;

    private void Stop(string reason, CancellationTokenSource requests)
    {
        Interlocked.CompareExchange(ref _abortReason, reason, null);
        try
        {
            requests.CancelAfter(_settings.DrainTimeout);
        }
        catch (ObjectDisposedException)
        {
            // The run already ended.
        }
    }

    // Runs at every VU start and stop (twice an iteration in the open model): a plain loop over the
    // list, because LINQ's Sum boxes the list's enumerator each time.
    private static int TotalActiveVus(List<LoadExecutor> executors)
    {
        var total = 0;
        foreach (var executor in executors)
        {
            total += executor.ActiveVus;
        }

        return total;
    }

    private LoadSummary Snapshot(TimeSpan elapsed, List<LoadExecutor> executors) =>
        Metrics.Snapshot(elapsed) with { DroppedIterations = executors.Sum(e => e.DroppedIterations) };

    private static LoadProgress Progress(LoadSummary summary, TimeSeries series, List<LoadExecutor> executors, TimeSpan total, IReadOnlyList<ThresholdResult> thresholds)
    {
        var points = series.Points;
        var last = points.Count > 0 ? points[^1] : null;
        var steps = summary.Steps
            .Select(pair => new LoadProgressStep(
                pair.Key,
                pair.Value.Requests,
                pair.Value.Latency.Count == 0 ? 0 : LatencySummary.ToMilliseconds(pair.Value.Latency.ValueAtPercentile(95)),
                pair.Value.ErrorRate,
                pair.Value.SlaViolations))
            .ToList();
        return new LoadProgress(
            summary.Elapsed,
            total,
            executors.Sum(e => e.ActiveVus),
            last?.Requests ?? 0,
            last is null ? 0 : LatencySummary.ToMilliseconds(last.P95),
            summary.Overall.Requests,
            summary.Overall.FailureCount,
            summary.DroppedIterations,
            steps,
            [.. thresholds.Select(LoadResultBuilder.ToOutcome)]);
    }

    private void DrainMessages(ILoadObserver observer)
    {
        while (_messages.TryDequeue(out var message))
        {
            observer.OnMessage(message);
        }
    }

    private LoadExecutorInfo ExecutorInfo()
    {
        var profiles = _settings.Flows.Select(f => f.Profile).ToList();
        var settings = new Dictionary<string, string>(profiles[0].Settings, StringComparer.Ordinal);
        if (_settings.Warmup is { } warmup && warmup > TimeSpan.Zero)
        {
            settings["warmup"] = $"{warmup.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}s";
        }

        if (profiles.Count > 1)
        {
            settings["flows"] = profiles.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return new LoadExecutorInfo { Type = string.Join("+", profiles.Select(p => p.Type).Distinct()), Settings = settings };
    }

    private LoadResult EmptyResult(DateTimeOffset startedAt, string reason) => new LoadResultBuilder
    {
        StartedAt = startedAt,
        EndedAt = _settings.Time.GetUtcNow(),
        Summary = Metrics.Snapshot(TimeSpan.Zero),
        Flows = [.. _settings.Flows.Select(f => f.DisplayPath)],
        Environment = _settings.Environment,
        Executor = ExecutorInfo(),
        Aborted = reason,
        Thresholds = ThresholdEvaluator.EvaluateAll(_settings.Thresholds, Metrics.Snapshot(TimeSpan.Zero)),
    }.Build();
}
