using Pacer.Core.Judge;
using Pacer.Core.Flow;
using Pacer.Core.Plan;
using Pacer.Core.Templating;
using Pacer.Load.Executors;
using Pacer.Load.Metrics;
using Pacer.Load.Runtime;
using Xunit;

namespace Pacer.Load.Tests.Runtime;

/// <summary>One flow iteration on a manual clock against a real local socket: what latency counts and what it leaves out.</summary>
public sealed class FlowIterationTests
{
    [Fact]
    public async Task Think_time_waits_on_the_clock_and_is_not_part_of_latency()
    {
        await using var server = new FixedResponseServer();
        var clock = new ManualTimeProvider();
        var (iteration, step, _, users) = Build(clock, server.BaseUrl, "```kest\n@think 2s\nGET /a\n```", openModel: false);

        var running = iteration.RunAsync(new IterationContext(0, 0, clock.GetTimestamp()), TestContext.Current.CancellationToken).AsTask();
        await WaitUntil(() => clock.PendingTimers > 0);

        Assert.False(running.IsCompleted, "the VU is thinking");
        Assert.Equal(1, step.Recorder.Snapshot().Requests);
        clock.Advance(TimeSpan.FromSeconds(2));
        await running.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        // The clock never moved while the request was in flight: the 2 s of thinking is not latency.
        Assert.Equal(0, step.Recorder.Latency.Max);
        users.Dispose();
    }

    [Fact]
    public async Task Open_model_measures_the_first_request_from_the_scheduled_start()
    {
        await using var server = new FixedResponseServer();
        var clock = new ManualTimeProvider();
        var (iteration, step, metrics, users) = Build(clock, server.BaseUrl, "```kest\nGET /a\n```\n\n```kest\nGET /b\n```", openModel: true);
        var due = clock.GetTimestamp();
        clock.Advance(TimeSpan.FromSeconds(3)); // the iteration got its VU 3 s after it was due

        await iteration.RunAsync(new IterationContext(0, 0, due), TestContext.Current.CancellationToken);

        Assert.Equal(3_000_000_000, step.Recorder.Latency.Min, 3_000_000_000 / 200.0);
        Assert.Equal(0, metrics.Step("GET /b").Latency.Max); // later steps count from their own send
        Assert.Equal(2, metrics.Snapshot(TimeSpan.FromSeconds(1)).Overall.Requests);
        Assert.Equal(2, server.Requests);
        users.Dispose();
    }

    [Fact]
    public async Task After_a_failed_step_the_iteration_goes_on_as_pacer_run_does_and_keeps_a_sample()
    {
        await using var server = new FixedResponseServer();
        var clock = new ManualTimeProvider();
        var (iteration, step, metrics, users) = Build(clock, server.BaseUrl, "```kest\nGET /a\n\n[Asserts]\nbody == \"nope\"\n```\n\n```kest\nGET /b\n```", openModel: false);

        await iteration.RunAsync(new IterationContext(0, 0, clock.GetTimestamp()), TestContext.Current.CancellationToken);

        var snapshot = step.Recorder.Snapshot();
        Assert.Equal(1, snapshot.Failures[FailureKind.AssertionFailed]);
        Assert.Equal((1, 0), (snapshot.Checks, snapshot.ChecksPassed));
        Assert.Equal("assertion-failed", Assert.Single(snapshot.Samples).Kind);
        Assert.Equal("ok", snapshot.Samples[0].Body);
        var next = metrics.Step("GET /b").Snapshot();
        Assert.Equal((1, 1, 1), (next.Requests, next.Checks, next.ChecksPassed));
        Assert.Equal(2, server.Requests);
        users.Dispose();
    }

    [Fact]
    public async Task A_step_whose_input_was_not_captured_is_skipped_and_counted_as_a_check_that_did_not_pass()
    {
        await using var server = new FixedResponseServer();
        var clock = new ManualTimeProvider();
        var (iteration, step, metrics, users) = Build(
            clock, server.BaseUrl, "```kest\nGET /a\n\n[Captures]\nid: body.id\n```\n\n```kest\nGET /items/{{id}}\n```", openModel: false);

        await iteration.RunAsync(new IterationContext(0, 0, clock.GetTimestamp()), TestContext.Current.CancellationToken);

        Assert.Equal(1, step.Recorder.Snapshot().Failures[FailureKind.CaptureFailed]);
        var skipped = metrics.Step("GET /items/{{id}}").Snapshot();
        Assert.Equal((0, 1, 0, 1), (skipped.Requests, skipped.Checks, skipped.ChecksPassed, skipped.Skipped));
        Assert.Equal("needs id from step 1", Assert.Single(skipped.Samples).Message);
        Assert.Equal(1, server.Requests);
        users.Dispose();
    }

    private static (FlowIteration Iteration, LoadStep First, LoadMetrics Metrics, VirtualUsers Users) Build(ManualTimeProvider clock, string baseUrl, string flow, bool openModel)
    {
        var plan = FlowPlan.Compile(FlowParser.Parse("t.flow.md", flow).Document!);
        var metrics = new LoadMetrics();
        var series = new TimeSeries(clock);
        var steps = plan.Steps.Select(s => new LoadStep(s.Name, "t.flow.md", s, metrics.Step(s.Name), series.Channel(s.Name), null, baseUrl)).ToList();
        var shared = new LoadRunShared(clock, metrics, series, BuiltInVariables.CreateDefault(), new TransportUsage(), SoftBudgets: false, CancellationToken.None);
        var engine = new EngineSettings(TimeSpan.FromSeconds(10), [], captureBody: true, maxBodyBytes: 1 << 20);
        var empty = new Dictionary<string, System.Text.Json.Nodes.JsonNode?>();
        var users = new VirtualUsers(1, id => new VirtualUser(
            id, empty, empty, empty, new FlowSequence(plan), () => new EngineSender(engine), cookies => new ClientSender(false, TimeSpan.FromSeconds(10), 1 << 20, cookies)));
        return (new FlowIteration(steps, shared, baseUrl, openModel, users), steps[0], metrics, users);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        Assert.True(condition(), "condition not reached within 5 s");
    }
}
