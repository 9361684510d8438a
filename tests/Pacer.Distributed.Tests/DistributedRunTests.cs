using System.Diagnostics;
using Pacer.Cli;
using Pacer.Load.Metrics;
using Pacer.Load.Results;
using Pacer.TestSupport;
using Xunit;

namespace Pacer.Distributed.Tests;

/// <summary>
/// A coordinator and four agent processes on loopback against a real target: one test, one result,
/// one verdict. The merged result is what <c>pacer merge</c> makes of the agents' own files; the
/// thresholds are judged on the whole test, not on any agent's slice; setup runs once and its
/// captures and the data reach every agent; <c>--abort-on-fail</c> stops every agent within 2 s; a
/// killed agent leaves a partial result that says which segment went and from when.
/// </summary>
public sealed class DistributedRunTests : IDisposable
{
    private const int Agents = 4;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task Four_agents_make_one_result_equal_to_merging_their_files_judged_on_the_whole_test()
    {
        await using var target = await DistributedTarget.StartAsync();
        WriteLoginFlow(target);
        _temp.Write("users.csv", "user\n" + string.Join("\n", Enumerable.Range(0, 40).Select(i => $"u{i}")) + "\n");

        // 100 iterations/s over 4 agents: each runs 25/s, so each agent alone passes rps<60 and fails
        // rps>60, and the whole test (100/s) does the opposite, with room for agents that start apart
        // on a busy machine (the merged duration is the union of their windows).
        await using var cluster = await LocalCluster.StartAsync(_temp.Path, Agents,
            ["me.flow.md", "--rate", "100/s", "--duration", "3s", "--max-vus", "40", "--data", "users.csv",
             "--threshold", "rps<60", "--threshold", "rps>60", "--threshold", "checks==100%", "--out", "merged.json"],
            i => ["--out", $"agent{i}.json"], Ct);
        var exits = await cluster.WaitForExitAsync(Limit, Ct);

        Assert.True(exits.SequenceEqual([1, 0, 0, 0, 0]), $"exits {string.Join(",", exits)}\n{cluster}");
        var merged = LoadResultJson.ReadFile(_temp.Combine("merged.json"));
        var parts = Enumerable.Range(0, Agents).Select(i => LoadResultJson.ReadFile(_temp.Combine($"agent{i}.json"))).ToList();
        Assert.Equal(1, target.Logins);
        Assert.True(Assert.Single(merged.Setup).Passed);
        Assert.Equal(merged.Summary.Requests, merged.Summary.Checks.Passed);
        // Every iteration of the whole schedule, once: started by its segment's agent, or dropped there.
        Assert.Equal(300, merged.Summary.Iterations.Started + merged.Summary.Iterations.Dropped);
        Assert.All(target.Users.Keys, user => Assert.Matches("^u[0-9]+$", user));
        Assert.True(target.Users.Count > 1, "the data rows reached the agents");

        // Each agent judged its own slice the other way round.
        Assert.All(parts, part => Assert.True(Threshold(part, "rps<60").Passed && !Threshold(part, "rps>60").Passed, $"agent rps {part.Summary.Rps}"));
        Assert.False(Threshold(merged, "rps<60").Passed, $"whole test rps {merged.Summary.Rps} over {merged.DurationSeconds}s\n{cluster}");
        Assert.True(Threshold(merged, "rps>60").Passed, $"whole test rps {merged.Summary.Rps} over {merged.DurationSeconds}s\n{cluster}");
        Assert.False(merged.Passed);

        // pacer merge of the agents' own files gives the same numbers, histograms and verdicts.
        using var output = new StringWriter();
        var code = await PacerApp.RunAsync(["merge", .. Enumerable.Range(0, Agents).Select(i => _temp.Combine($"agent{i}.json")), "--out", _temp.Combine("offline.json")], output, output);
        Assert.True(code is 0 or 1, $"pacer merge exit {code}: {output}");
        var offline = LoadResultJson.ReadFile(_temp.Combine("offline.json"));
        Assert.Equivalent(offline.Summary, merged.Summary, strict: true);
        Assert.Equivalent(offline.Histograms, merged.Histograms, strict: true);
        Assert.Equal(offline.Steps.Select(s => (s.Name, s.Requests, s.Failures, s.LatencyMs.P99)), merged.Steps.Select(s => (s.Name, s.Requests, s.Failures, s.LatencyMs.P99)));
        Assert.Equal(offline.Thresholds.Select(t => (t.Text, t.Passed, t.Actual)), merged.Thresholds.Select(t => (t.Text, t.Passed, t.Actual)));
        Assert.Equal(offline.DurationSeconds, merged.DurationSeconds);

        // The live series is exact per second: its requests add up to the total.
        Assert.Equal(merged.Summary.Requests, merged.TimeSeries.Sum(p => p.Requests));
        Assert.False(merged.Distributed!.Partial);
        Assert.Equal(["1/4", "2/4", "3/4", "4/4"], merged.Distributed.Segments.Select(s => s.Segment));
        Assert.All(merged.Distributed.Segments, s => Assert.Equal("finished", s.State));
    }

    [Fact]
    public async Task Abort_on_fail_judged_on_the_whole_test_stops_every_agent_within_two_seconds()
    {
        await using var target = await DistributedTarget.StartAsync();
        _temp.Write("slow.flow.md", $"```kest\n@name Slow\nGET {target.BaseUrl}/slow?ms=20\n\n[Asserts]\nstatus == 200\n```\n");

        await using var cluster = await LocalCluster.StartAsync(_temp.Path, Agents,
            ["slow.flow.md", "--vus", "8", "--duration", "1m", "--threshold", "p95<5ms", "--abort-on-fail", "--drain-timeout", "500ms", "--out", "merged.json"], null, Ct);
        await cluster.Coordinator.WaitForOutputAsync("aborting:", Limit, Ct);
        var aborted = target.Now;
        var exits = await cluster.WaitForExitAsync(Limit, Ct);

        Assert.Equal(1, exits[0]);
        Assert.True(target.LastRequest - aborted < TimeSpan.FromSeconds(2), $"the last request came {(target.LastRequest - aborted).TotalSeconds:0.00}s after the abort\n{cluster}");
        var merged = LoadResultJson.ReadFile(_temp.Combine("merged.json"));
        Assert.StartsWith("threshold p95<5ms breached", merged.Aborted, StringComparison.Ordinal);
        Assert.False(merged.Distributed!.Partial);
        Assert.InRange(merged.DurationSeconds, 0.5, 30);
    }

    [Fact]
    public async Task A_killed_agent_leaves_a_partial_result_that_names_its_segment_and_when_it_went()
    {
        await using var target = await DistributedTarget.StartAsync();
        _temp.Write("slow.flow.md", $"```kest\n@name Slow\nGET {target.BaseUrl}/slow?ms=10\n\n[Asserts]\nstatus == 200\n```\n");

        await using var cluster = await LocalCluster.StartAsync(_temp.Path, Agents,
            ["slow.flow.md", "--vus", "8", "--duration", "6s", "--out", "merged.json"], null, Ct);
        await cluster.Agents[2].WaitForOutputAsync("started", Limit, Ct);
        await WaitUntilAsync(() => target.Requests > 100);
        cluster.Agents[2].Kill();
        var exits = await cluster.WaitForExitAsync(Limit, Ct);

        Assert.Equal(3, exits[0]);
        Assert.True(cluster.Coordinator.Out.Contains("lost segment 3/4 (agent-2)", StringComparison.Ordinal), cluster.ToString());
        var merged = LoadResultJson.ReadFile(_temp.Combine("merged.json"));
        Assert.True(merged.Distributed!.Partial);
        Assert.False(merged.Passed);
        Assert.StartsWith("partial: segment 3/4 lost at", merged.Aborted, StringComparison.Ordinal);
        var lost = Assert.Single(merged.Distributed.Segments, s => s.State == "lost");
        Assert.Equal("3/4", lost.Segment);
        Assert.InRange(lost.LostAtSeconds!.Value, 0.1, 6);
        Assert.Equal(3, merged.Distributed.Segments.Count(s => s.State == "finished"));
        Assert.True(merged.Summary.Requests > 100);
    }

    public void Dispose() => _temp.Dispose();

    private void WriteLoginFlow(DistributedTarget target) => _temp.Write("me.flow.md", $$$"""
        ```kest
        @name Login
        @once
        POST {{{target.BaseUrl}}}/login

        [Captures]
        token: token
        ```

        ```kest
        @name Me
        GET {{{target.BaseUrl}}}/me?user={{user}}
        Authorization: Bearer {{token}}

        [Asserts]
        status == 200
        ```
        """);

    private static ThresholdOutcome Threshold(LoadResult result, string text) => Assert.Single(result.Thresholds, t => t.Text == text);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var watch = Stopwatch.StartNew();
        while (!condition() && watch.Elapsed < Limit)
        {
            await Task.Delay(20, Ct);
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
