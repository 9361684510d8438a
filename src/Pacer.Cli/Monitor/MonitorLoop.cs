using System.Globalization;
using Pacer.Core.Execution;
using Pacer.Core.Flow.Syntax;
using Pacer.Core.Templating;
using Pacer.Load.Exposition;
using Pacer.Load.Metrics;
using Pacer.Load.Thresholds;

namespace Pacer.Cli.Monitor;

/// <summary>
/// Runs every flow once per <see cref="MonitorSettings.Every"/> with <see cref="FlowRunner"/>, turns
/// each check into rule outcomes, and raises alerts on changes of state through
/// <see cref="AlertTracker"/>: a log line always, a webhook POST when configured. Stops after
/// <c>--for</c>, after <c>--checks</c>, or on cancellation (Ctrl-C), finishing the alerts in flight.
/// </summary>
public sealed class MonitorLoop
{
    private readonly MonitorSettings settings;
    private readonly IReadOnlyList<(FlowDocument Flow, IReadOnlyList<Threshold> Thresholds)> flows;
    private readonly Func<FlowDocument, FlowRunOptions> optionsFor;
    private readonly TextWriter output;
    private readonly TimeProvider time;
    private readonly AlertTracker tracker;
    private readonly LoadMetrics metrics = new();
    private readonly Lock gate = new();
    private readonly Dictionary<string, CheckWindow> windows = new(StringComparer.Ordinal);
    private readonly long startedAt;
    private int checking;

    public MonitorLoop(
        MonitorSettings settings,
        IReadOnlyList<(FlowDocument Flow, IReadOnlyList<Threshold> Thresholds)> flows,
        Func<FlowDocument, FlowRunOptions> optionsFor,
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

    /// <summary>Runs until a limit or cancellation; returns true when no rule is failing at the end.</summary>
    public async Task<bool> RunAsync(AlertDispatcher? dispatcher, CancellationToken cancellationToken)
    {
        using var lifetime = settings.For is { } limit
            ? new CancellationTokenSource(limit, time)
            : new CancellationTokenSource();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.Token);
        using var timer = new PeriodicTimer(settings.Every, time);
        var done = 0;
        try
        {
            do
            {
                foreach (var (flow, thresholds) in flows)
                {
                    await CheckAsync(flow, thresholds, dispatcher, cancellationToken).ConfigureAwait(false);
                }

                done++;
                if (done >= settings.Checks)
                {
                    break;
                }
            }
            while (await timer.WaitForNextTickAsync(stop.Token).ConfigureAwait(false));
        }
        catch (OperationCanceledException)
        {
            // --for elapsed or Ctrl-C: stop between (or in the middle of) checks, never with a crash.
        }

        List<RuleOutcome> failing;
        lock (gate)
        {
            failing = [.. tracker.Firing];
        }

        await output.WriteLineAsync(failing.Count == 0
            ? $"monitor stopped after {done} check(s): all rules passing"
            : $"monitor stopped after {done} check(s): {failing.Count} rule(s) still failing").ConfigureAwait(false);
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

    private async Task CheckAsync(FlowDocument flow, IReadOnlyList<Threshold> thresholds, AlertDispatcher? dispatcher, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref checking);
        FlowRunResult result;
        try
        {
            var runner = new FlowRunner(optionsFor(flow), BuiltInVariables.CreateDefault());
            result = await runner.RunAsync(flow, null, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref checking);
        }

        var now = time.GetUtcNow();
        IReadOnlyList<Alert> alerts;
        lock (gate)
        {
            if (!windows.TryGetValue(flow.Path, out var window))
            {
                window = new CheckWindow(settings.Window);
                windows[flow.Path] = window;
            }

            window.Add(now, result);
            foreach (var step in result.Steps.Where(s => s.Status != StepStatus.Skipped))
            {
                metrics.RecordRequest($"{result.Name} › {step.Step.Name}", step.Duration, StepFailure.KindOf(step));
            }

            alerts = tracker.Observe(CheckEvaluator.Evaluate(result, window, thresholds, settings.Every));
        }

        var failed = result.Steps.Count(s => s.Status == StepStatus.Failed);
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"{now.UtcDateTime:HH:mm:ss}Z {result.Name}: {(result.Passed ? "passed" : $"{failed} step(s) failed")} ({result.Duration.TotalMilliseconds:0}ms)")).ConfigureAwait(false);
        foreach (var alert in alerts)
        {
            await output.WriteLineAsync(alert.ToLogLine(now)).ConfigureAwait(false);
            dispatcher?.Enqueue(alert);
        }
    }
}
