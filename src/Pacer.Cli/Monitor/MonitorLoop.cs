using System.Globalization;
using Pacer.Application;
using Pacer.Core.Execution;
using Pacer.Core.Plan;
using Pacer.Core.Templating;
using Pacer.Load.Exposition;
using Pacer.Load.Metrics;

namespace Pacer.Cli.Monitor;

/// <summary>
/// Runs every flow once per <see cref="MonitorSettings.Every"/> with <see cref="FlowRunner"/> (the
/// judge of <c>pacer run</c>), turns each check into rule outcomes, and raises alerts on changes of
/// state through <see cref="AlertTracker"/>: a log line always, a webhook POST when configured. Stops
/// after <c>--for</c>, after <c>--checks</c>, or when its operator stops it (Ctrl-C, SIGTERM): no new
/// check starts, the one in flight gets the drain timeout, and every check made is kept for the reports.
/// </summary>
public sealed class MonitorLoop
{
    private readonly MonitorSettings settings;
    private readonly IReadOnlyList<(FlowPlan Flow, IReadOnlyList<Threshold> Thresholds)> flows;
    private readonly Func<FlowPlan, FlowRunOptions> optionsFor;
    private readonly TextWriter output;
    private readonly TimeProvider time;
    private readonly AlertTracker tracker;
    private readonly LoadMetrics metrics = new();
    private readonly Lock gate = new();
    private readonly Dictionary<string, CheckWindow> windows = new(StringComparer.Ordinal);
    private readonly Queue<FlowRunResult> kept = new();
    private readonly long startedAt;
    private int checking;

    public MonitorLoop(
        MonitorSettings settings,
        IReadOnlyList<(FlowPlan Flow, IReadOnlyList<Threshold> Thresholds)> flows,
        Func<FlowPlan, FlowRunOptions> optionsFor,
        TextWriter output,
        TimeProvider time)
    {
        this.settings = settings;
        this.flows = flows;
        this.optionsFor = optionsFor;
        this.output = output;
        this.time = time;
        tracker = new AlertTracker(time, settings.Reminder);
        startedAt = time.GetTimestamp();
    }

    /// <summary>Told of every completed check (not one cut short by the operator), after the rules saw it: the Hub's uploads.</summary>
    public Action<FlowRunResult>? CheckMade { get; init; }

    /// <summary>True when the operator stopped the monitor (exit 3).</summary>
    public bool Interrupted { get; private set; }

    /// <summary>The checks made (the latest <see cref="MonitorSettings.KeptChecks"/>), as one run result for the reports.</summary>
    public RunResult Checks()
    {
        lock (gate)
        {
            var all = kept.ToList();
            var start = all.Count == 0 ? time.GetUtcNow() : all[0].StartedAt;
            return new RunResult(all, start, time.GetElapsedTime(startedAt));
        }
    }

    /// <summary>Runs until a limit or a stop; returns true when no rule is failing at the end.</summary>
    public async Task<bool> RunAsync(AlertDispatcher? dispatcher, RunControl control)
    {
        ArgumentNullException.ThrowIfNull(control);
        using var lifetime = settings.For is { } limit
            ? new CancellationTokenSource(limit, time)
            : new CancellationTokenSource();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(control.Stop, lifetime.Token);
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(control.Abort);
        using var draining = control.Stop.Register(() =>
        {
            Interrupted = true;
            abort.CancelAfter(settings.DrainTimeout);
        });
        using var timer = new PeriodicTimer(settings.Every, time);
        var done = 0;
        try
        {
            do
            {
                foreach (var (flow, thresholds) in flows)
                {
                    if (stop.IsCancellationRequested)
                    {
                        break;
                    }

                    await CheckAsync(flow, thresholds, dispatcher, stop.Token, abort.Token).ConfigureAwait(false);
                }

                done++;
                if (done >= settings.Checks || stop.IsCancellationRequested)
                {
                    break;
                }
            }
            while (await timer.WaitForNextTickAsync(stop.Token).ConfigureAwait(false));
        }
        catch (OperationCanceledException)
        {
            // --for elapsed or a stop: end between checks, never with a crash.
        }

        List<RuleOutcome> failing;
        lock (gate)
        {
            failing = [.. tracker.Firing];
        }

        var how = Interrupted ? "interrupted" : "stopped";
        await output.WriteLineAsync(failing.Count == 0
            ? $"monitor {how} after {done} check(s): all rules passing"
            : $"monitor {how} after {done} check(s): {failing.Count} rule(s) still failing").ConfigureAwait(false);
        return failing.Count == 0;
    }

    /// <summary>What the metrics endpoint publishes: every step's requests and latency, and every rule's state.</summary>
    public MetricsSnapshot Snapshot()
    {
        lock (gate)
        {
            var states = tracker.Rules
                .Select(r => new ThresholdState(r.Outcome.Rule == RuleOutcome.StepFailed ? $"step-failed[{r.Outcome.Step}]" : r.Outcome.Rule, !r.Firing, r.Outcome.Flow))
                .ToList();
            return new MetricsSnapshot(metrics.Snapshot(time.GetElapsedTime(startedAt)), Volatile.Read(ref checking), states);
        }
    }

    private async Task CheckAsync(FlowPlan flow, IReadOnlyList<Threshold> thresholds, AlertDispatcher? dispatcher, CancellationToken stop, CancellationToken abort)
    {
        Interlocked.Increment(ref checking);
        FlowRunResult result;
        try
        {
            var runner = new FlowRunner(optionsFor(flow), BuiltInVariables.CreateDefault());
            result = await runner.RunAsync(flow, null, stop, abort).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref checking);
        }

        var now = time.GetUtcNow();
        IReadOnlyList<Alert> alerts;
        lock (gate)
        {
            kept.Enqueue(result);
            while (kept.Count > settings.KeptChecks)
            {
                kept.Dequeue();
            }

            if (result.Interrupted)
            {
                // A check cut short by the operator says nothing about the target: no rule changes on it.
                alerts = [];
            }
            else
            {
                if (!windows.TryGetValue(flow.Path, out var window))
                {
                    window = new CheckWindow(settings.Window);
                    windows[flow.Path] = window;
                }

                window.Add(now, result);
                foreach (var step in result.Steps)
                {
                    CheckRecording.Record(metrics, $"{result.Name} › {step.Step.Name}", step);
                }

                alerts = tracker.Observe(CheckEvaluator.Evaluate(result, window, thresholds, settings.Every));
            }
        }

        var failed = result.Steps.Count(s => s.Status == StepStatus.Failed);
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"{now.UtcDateTime:HH:mm:ss}Z {result.Name}: {(result.Interrupted ? "interrupted" : result.Passed ? "passed" : $"{failed} step(s) failed")} ({result.Duration.TotalMilliseconds:0}ms)")).ConfigureAwait(false);
        foreach (var alert in alerts)
        {
            await output.WriteLineAsync(alert.ToLogLine(now)).ConfigureAwait(false);
            dispatcher?.Enqueue(alert);
        }

        if (!result.Interrupted)
        {
            CheckMade?.Invoke(result);
        }
    }
}
