using System.Collections.Concurrent;
using Pacer.Load.Executors;
using Pacer.Load.Metrics;
using Pacer.Load.Results;
using Pacer.Load.Thresholds;

namespace Pacer.Load.Runtime;

/// <summary>
/// One <c>pacer load</c> run: runs every flow's <c>@once</c> steps, then drives each flow with its
/// own executor side by side, records into <see cref="Metrics"/> and a per-second time series, and
/// ticks once a second (flush the series, check thresholds live, report progress). A stop (the first
/// Ctrl-C, or a breached threshold with <c>AbortOnFail</c>) ends new iterations and gives requests in
/// flight <see cref="LoadRunSettings.DrainTimeout"/>; an abort (the second Ctrl-C) cancels them at
/// once. A result is always returned, with what was measured.
/// </summary>
public sealed class LoadRun
{
    private readonly LoadRunSettings _settings;
    private readonly ConcurrentQueue<string> _messages = new();
    private volatile IReadOnlyList<LoadExecutor> _executors = [];
    private string? _abortReason;

    public LoadRun(LoadRunSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Flows.Count == 0)
        {
            throw new LoadSettingsException("no flow to run");
        }

        foreach (var flow in settings.Flows.Where(f => f.Plan.Steps.All(s => s.Once)))
        {
            throw new LoadSettingsException($"{flow.DisplayPath}: no step to put under load (every step is @once or there are none)");
        }

        var peak = settings.Flows.Sum(f => (long)f.Profile.WholePeakVus);
        if (settings.Data is { } data && settings.DataMode == DataMode.Unique && peak > data.Rows.Count)
        {
            throw new LoadSettingsException($"--data-mode unique: the run may use {peak} VUs but {data.Source} has only {data.Rows.Count} rows");
        }

        _settings = settings;
    }

    /// <summary>The live metrics, readable while the run goes.</summary>
    public LoadMetrics Metrics { get; } = new();

    /// <summary>True when the caller stopped the run (Ctrl-C, SIGTERM) without a <see cref="StopReason"/>.</summary>
    public bool Interrupted { get; private set; }

    /// <summary>
    /// Set before cancelling the stop token when the stop is not the operator's (a distributed run's
    /// coordinator stopping its agents): the result's <c>aborted</c> says this instead of <c>interrupted</c>.
    /// </summary>
    public string? StopReason { get; set; }

    /// <summary>
    /// The run so far, as thresholds and the metrics endpoint read it: every count from one source
    /// (dropped iterations are the executors', as the progress line shows them).
    /// </summary>
    public LoadSummary Live(TimeSpan elapsed) =>
        Metrics.Snapshot(elapsed) with { DroppedIterations = _executors.Sum(e => e.DroppedIterations) };

    public Task<LoadResult> RunAsync(ILoadObserver observer, CancellationToken cancellationToken = default) =>
        RunAsync(observer, cancellationToken, CancellationToken.None);

    /// <param name="stop">Stops starting iterations; requests in flight get the drain timeout (the first Ctrl-C).</param>
    /// <param name="abort">Cancels requests in flight now (the second Ctrl-C).</param>
    public async Task<LoadResult> RunAsync(ILoadObserver observer, CancellationToken stop, CancellationToken abort)
    {
        ArgumentNullException.ThrowIfNull(observer);
        var startedAt = _settings.Time.GetUtcNow();
        // The compiler owns each flow's engine settings and their HTTP/2 pools: closed when the run ends.
        using var compiler = new LoadRunCompiler(_settings);

        // Setup first: every flow's @once steps, before any load (and before the clock of the load starts),
        // unless they already ran elsewhere and their captures were handed over.
        var setups = new List<SetupOutcome>();
        if (_settings.SetupCaptures is { } given)
        {
            setups.AddRange(_settings.Flows.Select((flow, f) => OnceSteps.Given(flow, _settings, given[f])));
        }

        foreach (var flow in _settings.SetupCaptures is null ? _settings.Flows : [])
        {
            SetupOutcome setup;
            try
            {
                setup = await OnceSteps.RunAsync(flow, _settings, observer.OnMessage, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                setup = new SetupOutcome(new Dictionary<string, System.Text.Json.Nodes.JsonNode?>(), new Core.Judge.FlowSequence(flow.Plan), [], null);
            }

            setups.Add(setup);
            if (setup.Error is not null || stop.IsCancellationRequested)
            {
                Interrupted = stop.IsCancellationRequested;
                var reason = setup.Error is null ? "interrupted" : "setup failed: " + setup.Error;
                observer.OnMessage(reason);
                return compiler.EmptyResult(Metrics, startedAt, reason, setups);
            }
        }

        // One set of VUs per flow for the whole run: the warm-up's connections carry into the load.
        var users = new List<VirtualUsers>();
        try
        {
            if (_settings.Warmup is { } warmup && warmup > TimeSpan.Zero && !stop.IsCancellationRequested)
            {
                observer.OnMessage($"warming up for {warmup.TotalSeconds:0.###}s at the starting load (not measured)");
                await WarmUpAsync(compiler, warmup, setups, users, stop).ConfigureAwait(false);
            }

            return await MeasureAsync(compiler, observer, startedAt, setups, users, stop, abort).ConfigureAwait(false);
        }
        finally
        {
            foreach (var pool in users)
            {
                pool.Dispose();
            }
        }
    }

    private async Task<LoadResult> MeasureAsync(
        LoadRunCompiler compiler, ILoadObserver observer, DateTimeOffset startedAt, List<SetupOutcome> setups, List<VirtualUsers> users,
        CancellationToken stopToken, CancellationToken abortToken)
    {
        var time = _settings.Time;
        using var requests = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stopToken);
        var series = new TimeSeries(time);
        var transport = new TransportUsage();
        transport.FellBackToClient += reason => _messages.Enqueue("transport: HttpClient (" + reason + ")");
        var shared = new LoadRunShared(time, Metrics, series, _settings.BuiltIns, transport, _settings.SoftBudgets, requests.Token);
        var (executors, descriptions) = compiler.Compile(shared, setups, users, Metrics, profile => profile);
        _executors = executors;
        var total = executors.Max(e => e.TotalDuration);
        requests.CancelAfter(total + _settings.Flows.Max(f => f.Profile.GracefulStop) + _settings.DrainTimeout);
        foreach (var executor in executors)
        {
            executor.ActiveVusChanged += _ => series.ObserveActiveVus(TotalActiveVus(executors));
        }

        var clientBefore = LoadClientInfo.Now();
        var loadStart = time.GetTimestamp();
        using var stopped = stopToken.Register(() =>
        {
            Interrupted = StopReason is null;
            Stop(StopReason ?? "interrupted", requests, _settings.DrainTimeout);
        });
        using var aborted = abortToken.Register(() =>
        {
            Interrupted = true;
            Stop("interrupted", requests, TimeSpan.Zero);
        });
        var snapshots = observer as ILoadSnapshotObserver;
        if (snapshots is not null)
        {
            series.SecondClosed += snapshots.OnSecondClosed;
        }

        // What an agent streams each tick: the result so far, without the time series (its seconds go one by one).
        LoadResult SoFar() => compiler.Result(new LoadRunOutcome(
            startedAt, Live(time.GetElapsedTime(loadStart)), executors, [.. executors.Select(e => e.CountsSoFar(time.GetElapsedTime(loadStart)))],
            descriptions, [], transport.ToInfo(), LoadClientInfo.Now().Since(clientBefore), Volatile.Read(ref _abortReason), setups));

        using var tickerStop = new CancellationTokenSource();
        var ticker = TickAsync(observer, executors, series, loadStart, total, stop, requests, snapshots is null ? null : SoFar, tickerStop.Token);
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
        var summary = Live(elapsed);
        return compiler.Result(new LoadRunOutcome(
            startedAt, summary, executors, results, descriptions, series.Points, transport.ToInfo(), LoadClientInfo.Now().Since(clientBefore), Volatile.Read(ref _abortReason), setups));
    }

    /// <summary>The warm-up: the same flows on their own VUs and metrics, which are then thrown away.</summary>
    private async Task WarmUpAsync(LoadRunCompiler compiler, TimeSpan warmup, List<SetupOutcome> setups, List<VirtualUsers> users, CancellationToken cancellationToken)
    {
        var time = _settings.Time;
        using var requests = new CancellationTokenSource(warmup + _settings.DrainTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, requests.Token);
        var shared = new LoadRunShared(time, new LoadMetrics(), new TimeSeries(time), _settings.BuiltIns, new TransportUsage(), _settings.SoftBudgets, linked.Token);
        var (executors, _) = compiler.Compile(shared, setups, users, shared.Metrics, profile => profile.WarmUp(warmup));
        await Task.WhenAll(executors.Select(e => e.RunAsync(cancellationToken))).ConfigureAwait(false);
    }

    private async Task TickAsync(
        ILoadObserver observer, List<LoadExecutor> executors, TimeSeries series, long loadStart, TimeSpan total,
        CancellationTokenSource stop, CancellationTokenSource requests, Func<LoadResult>? soFar, CancellationToken cancellationToken)
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
            var summary = Live(time.GetElapsedTime(loadStart));
            var thresholds = ThresholdEvaluator.EvaluateAll(_settings.Thresholds, summary);
            if (_settings.AbortOnFail && !stop.IsCancellationRequested && thresholds.FirstOrDefault(CanAbort) is { } breached)
            {
                var reason = $"threshold {breached.Threshold.Text} breached (actual {breached.ActualText})";
                observer.OnMessage("aborting: " + reason);
                Stop(reason, requests, _settings.DrainTimeout);
                await stop.CancelAsync().ConfigureAwait(false);
            }

            observer.OnProgress(LoadProgressSnapshot.Of(summary, series, executors, total, thresholds));
            if (soFar is not null && observer is ILoadSnapshotObserver snapshots)
            {
                snapshots.OnSnapshot(soFar(), TotalActiveVus(executors));
            }
        }
    }

    /// <summary>
    /// Live, only a breach that more load cannot undo aborts: a threshold with data that fails now.
    /// An rps threshold is only judged at the end (the first seconds of a ramp would always fail it).
    /// </summary>
    private static bool CanAbort(ThresholdResult result) =>
        !result.Passed && result.Actual is not null && result.Threshold.Metric != Core.Plan.ThresholdMetric.Rps;

    private void Stop(string reason, CancellationTokenSource requests, TimeSpan drain)
    {
        Interlocked.CompareExchange(ref _abortReason, reason, null);
        try
        {
            requests.CancelAfter(drain);
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

    private void DrainMessages(ILoadObserver observer)
    {
        while (_messages.TryDequeue(out var message))
        {
            observer.OnMessage(message);
        }
    }
}
