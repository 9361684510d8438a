using Pacer.Core.Flow;
using Pacer.Core.Judge;
using Pacer.Core.Plan;
using Pacer.Core.Templating;
using Pacer.Load.Executors;
using Pacer.Load.Metrics;

namespace Pacer.Load.Runtime;

/// <summary>
/// Runs the real request path for a fraction of a second against an in-process
/// <see cref="LoopbackResponder"/>, before a run's time zero. .NET compiles a method on its first
/// call, and <c>pacer load</c> compiles optimised code at once (no quick JIT, see Pacer.Cli.csproj):
/// the first iterations of a run used to wait hundreds of milliseconds for the compiler, its event
/// loops and its threads, and under the open model that wait is latency (issue 14: second 0's p99
/// at 744 ms against a server answering in 3 ms). Here an open-model and a closed-model executor
/// drive a small flow (a literal GET judged on status, body and duration; a templated POST with
/// headers, a JSON body, a capture and the cookie the first response set) through the engine on its
/// event loops, the judge and the recorders, so that code is compiled and those threads run before
/// the load starts. Nothing goes to the target; the numbers are thrown away.
/// </summary>
internal static class PathRehearsal
{
    private const string FlowText = """
        ```step
        GET {base}/rehearsal

        [Asserts]
        status == 200
        body.ok == true
        header.Content-Type contains "json"
        duration < 10s

        [Captures]
        ok: body.ok
        ```

        ```step
        POST {base}/rehearsal/{{ok}}?id={{$uuid}}
        Content-Type: application/json
        X-Rehearsal: {{$randomInt(1,9)}}

        {"ok": {{ok}}, "at": "{{$isoDate}}"}

        [Asserts]
        status == 200
        body.ok != false
        ```
        """;

    /// <summary>What the rehearsal ran: every step of its iterations judged, as a load run counts them (empty when it could not run).</summary>
    public static async Task<Metrics.StepMetrics> RunAsync(CancellationToken cancellationToken)
    {
        await using var responder = new LoopbackResponder();
        var parsed = FlowParser.Parse("rehearsal.flow.md", FlowText.Replace("{base}", responder.BaseUrl, StringComparison.Ordinal));
        if (parsed.Document is null)
        {
            return StepMetrics.Combine([]);
        }

        var plan = FlowPlan.Compile(parsed.Document);
        var metrics = new LoadMetrics();
        var time = TimeProvider.System;
        var series = new TimeSeries(time);
        var shared = new LoadRunShared(time, metrics, series, BuiltInVariables.CreateDefault(), new TransportUsage(), SoftBudgets: false, cancellationToken);
        var steps = plan.Steps.Select(s => new LoadStep(s.Name, "rehearsal.flow.md", s, metrics.Step(s.Name), series.Channel(s.Name), null, responder.BaseUrl)).ToList();
        var engine = new EngineSettings(TimeSpan.FromSeconds(5), [.. plan.Steps.SelectMany(s => s.HeaderNames).Distinct(StringComparer.OrdinalIgnoreCase)], captureBody: true, maxBodyBytes: 1 << 16);
        var empty = new Dictionary<string, System.Text.Json.Nodes.JsonNode?>();
        using var open = Users(plan, engine, empty);
        using var closed = Users(plan, engine, empty);
        var options = new ExecutorOptions { Time = time, GracefulStop = TimeSpan.FromSeconds(2), StartOnEngineLoop = true };
        var arrivals = new ConstantArrivalRateExecutor(200, TimeSpan.FromMilliseconds(100), 2, 8, new FlowIteration(steps, shared, responder.BaseUrl, openModel: true, open).RunAsync, options);
        var loop = new ConstantVusExecutor(1, TimeSpan.FromMilliseconds(30), new FlowIteration(steps, shared, responder.BaseUrl, openModel: false, closed).RunAsync, options);
        arrivals.ActiveVusChanged += series.ObserveActiveVus;
        arrivals.IterationDropped += series.RecordDropped;
        await Task.WhenAll(arrivals.RunAsync(cancellationToken), loop.RunAsync(cancellationToken)).ConfigureAwait(false);
        series.Flush();
        series.Complete();
        var summary = metrics.Snapshot(TimeSpan.FromMilliseconds(100));
        _ = Thresholds.ThresholdEvaluator.EvaluateAll([], summary);
        return summary.Overall;
    }

    private static VirtualUsers Users(FlowPlan plan, EngineSettings engine, Dictionary<string, System.Text.Json.Nodes.JsonNode?> empty) =>
        new(8, id => new VirtualUser(
            id, empty, empty, empty, new FlowSequence(plan), () => new EngineSender(engine), cookies => new ClientSender(false, TimeSpan.FromSeconds(5), 1 << 16, cookies)));
}
