using System.Text.Json;
using Pacer.Cli.Tests.EndToEnd;
using Pacer.Cli.Tests.TestApi;
using Pacer.Core.Flow;
using Pacer.Core.Plan;
using Pacer.Load.Results;
using Pacer.TestSupport;
using Pacer.Testing;
using Xunit;

namespace Pacer.Cli.Tests.Parity;

/// <summary>
/// One flow, one verdict: every parity file runs through <c>pacer run</c>, <c>pacer load</c> (one VU, one
/// iteration), <c>pacer monitor</c> (one check) and Pacer.Testing, and every step gets the same verdict
/// (passed, failed or skipped, and why it failed) from all four; <c>pacer load</c> exits as <c>pacer run</c> does.
/// </summary>
public sealed class ParityTests(ParityTests.Api api) : IClassFixture<ParityTests.Api>, IDisposable
{
    private readonly TempDirectory temp = new();

    public static TheoryData<string> Files() => [.. ParityFlows.All.Keys];

    [Fact]
    public void The_suite_covers_at_least_25_files()
    {
        Assert.True(ParityFlows.All.Count >= 25, $"{ParityFlows.All.Count} files");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Every_step_gets_the_same_verdict_from_run_load_monitor_and_the_library(string name)
    {
        var file = temp.Write($"{name}.flow.md", ParityFlows.All[name].Replace("{{refused}}", api.RefusedPort, StringComparison.Ordinal));
        var plan = FlowPlan.Compile(FlowParser.Parse(file, await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken)).Document!);

        var run = await PacerCli.RunAsync(temp.Path, "run", file, "--base-url", api.Server.BaseUrl, "--report", "json=run.json", "--no-history");
        var load = await PacerCli.RunAsync(temp.Path, "load", file, "--base-url", api.Server.BaseUrl, "--vus", "1", "--iterations", "1", "--out", "load.json", "--no-history");
        var monitor = await PacerCli.RunAsync(temp.Path, "monitor", file, "--base-url", api.Server.BaseUrl, "--checks", "1", "--out", "monitor.json");
        var library = await Flow.Load(file).RunAsync(api.Server.BaseUrl, cancellationToken: TestContext.Current.CancellationToken);

        var expected = FromReport(temp.Combine("run.json"));
        Assert.Equal(plan.Steps.Count, expected.Count);
        Assert.Equal(expected, FromLoad(temp.Combine("load.json"), plan));
        Assert.Equal(expected, FromReport(temp.Combine("monitor.json")));
        Assert.Equal(expected, library.Steps.Select(s => new Verdict(Status(s.Status), s.Failure is { } kind ? Core.Judge.FailureKindNames.Of(kind) : null)).ToList());

        Assert.True(run.ExitCode == load.ExitCode, $"run:\n{run}\nload:\n{load}");
        Assert.Equal(expected.All(v => v.Status == "passed") ? 0 : 1, run.ExitCode);
        Assert.Equal(run.ExitCode, monitor.ExitCode);
    }

    public void Dispose() => temp.Dispose();

    /// <summary>Steps as the JSON report (<c>pacer run --report json</c>, <c>pacer monitor --out</c>) records them.</summary>
    private static List<Verdict> FromReport(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var flow = Assert.Single(json.RootElement.GetProperty("files").EnumerateArray());
        return [.. flow.GetProperty("steps").EnumerateArray().Select(step => new Verdict(
            step.GetProperty("status").GetString()!,
            step.GetProperty("failure").ValueKind == JsonValueKind.Null ? null : step.GetProperty("failure").GetString()))];
    }

    /// <summary>
    /// Steps as the load result file records them after one iteration: <c>@once</c> steps in <c>setup</c>,
    /// the others in <c>steps</c> with their one check (a step that did not run in it counts as skipped).
    /// </summary>
    private static List<Verdict> FromLoad(string path, FlowPlan plan)
    {
        var result = LoadResultJson.ReadFile(path);
        var setup = new Queue<SetupStepResult>(result.Setup);
        var steps = new Queue<LoadStepResult>(result.Steps);
        var verdicts = new List<Verdict>();
        foreach (var step in plan.Steps)
        {
            if (step.Once)
            {
                verdicts.Add(setup.TryDequeue(out var once)
                    ? new Verdict(once.Passed ? "passed" : "failed", once.Failure)
                    : new Verdict("skipped", "skipped"));
                continue;
            }

            var loaded = steps.Dequeue();
            verdicts.Add(loaded.Checks switch
            {
                { Total: 0 } or { Skipped: > 0 } => new Verdict("skipped", "skipped"),
                { Passed: var passed, Total: var total } when passed == total => new Verdict("passed", null),
                _ => new Verdict("failed", loaded.FailuresByKind.Keys.SingleOrDefault() ?? loaded.Samples.Single().Kind),
            });
        }

        return verdicts;
    }

    private static string Status(Core.Execution.StepStatus status) => status.ToString().ToLowerInvariant();

    private sealed record Verdict(string Status, string? Failure);

    /// <summary>The test API every parity file runs against, and a port nothing listens on.</summary>
    public sealed class Api : IAsyncLifetime
    {
        public TestApiServer Server { get; private set; } = null!;

        public string RefusedPort { get; } = FreePort.Find().ToString(System.Globalization.CultureInfo.InvariantCulture);

        public async ValueTask InitializeAsync() => Server = await TestApiServer.StartAsync();

        public async ValueTask DisposeAsync() => await Server.DisposeAsync();
    }
}
