using Pacer.Load.Executors;
using Pacer.Load.Metrics;
using Pacer.Load.Results;
using Pacer.Core.Plan;
using Pacer.Load.Thresholds;

namespace Pacer.Testing.Load;

/// <summary>
/// Runs a <see cref="Scenario"/> under load from a test and returns the same <see cref="LoadResult"/>
/// as <c>pacer load --out</c>: <c>var result = await LoadTest.Run(scenario, Executor.ConstantArrivalRate(500, 30s), "p95&lt;150ms");</c>
/// then assert on <c>result.Passed</c> or any number in it.
/// </summary>
public static class LoadTest
{
    public static async Task<LoadResult> Run(Scenario scenario, Executor executor, params string[] thresholds) =>
        await Run(scenario, executor, thresholds, CancellationToken.None).ConfigureAwait(false);

    public static async Task<LoadResult> Run(Scenario scenario, Executor executor, IReadOnlyList<string> thresholds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(executor);
        ArgumentNullException.ThrowIfNull(thresholds);
        var parsed = thresholds.Select(ThresholdParser.Parse).ToList();
        var (profile, errors) = ExecutorRegistry.Resolve(executor.Settings);
        if (profile is null)
        {
            throw new ArgumentException(string.Join("; ", errors.Select(e => e.Message)), nameof(executor));
        }

        var time = TimeProvider.System;
        var metrics = new LoadMetrics();
        var step = metrics.Step(scenario.Name);
        var vus = new System.Collections.Concurrent.ConcurrentDictionary<int, (HttpClient Client, RecordingHandler Recorder)>();
        var startedAt = time.GetUtcNow();

        async ValueTask Iterate(IterationContext context, CancellationToken token)
        {
            var vu = vus.GetOrAdd(context.VuId, _ =>
            {
                var recorder = new RecordingHandler(step, time);
                return (new HttpClient(recorder) { BaseAddress = scenario.BaseAddress }, recorder);
            });
            try
            {
                await scenario.Iteration(new ScenarioContext(context.VuId, context.Iteration, vu.Client, vu.Recorder)).WaitAsync(token).ConfigureAwait(false);
            }
            finally
            {
                vu.Recorder.Flush();
            }
        }

        var run = profile.CreateExecutor(Iterate, new ExecutorOptions { GracefulStop = profile.GracefulStop, Time = time });
        var start = time.GetTimestamp();
        ExecutorResult counts;
        try
        {
            counts = await run.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            foreach (var vu in vus.Values)
            {
                vu.Client.Dispose();
            }
        }

        var summary = metrics.Snapshot(time.GetElapsedTime(start)) with { DroppedIterations = counts.Dropped };
        return new LoadResultBuilder
        {
            StartedAt = startedAt,
            EndedAt = time.GetUtcNow(),
            Summary = summary,
            Flows = [scenario.Name],
            Executor = new LoadExecutorInfo { Type = profile.Type, Settings = profile.Settings },
            Transport = new LoadTransportInfo { Kind = "httpclient", Reason = "a code scenario sends through its own HttpClient" },
            Aborted = cancellationToken.IsCancellationRequested ? "interrupted" : null,
            Steps = [new StepDescription(scenario.Name, scenario.Name, "", "", null)],
            Thresholds = ThresholdEvaluator.EvaluateAll(parsed, summary),
            IterationDurations = run.IterationDurations,
            Iterations = counts,
        }.Build();
    }
}
