using Pacer.TestSupport;
using System.Net;
using System.Net.Sockets;
using Pacer.Cli.Tests.EndToEnd;
using Pacer.Load.Results;
using Xunit;

namespace Pacer.Cli.Tests.Load;

/// <summary>A misbehaving target never stops a load run: every failure is counted under its kind, with a sample.</summary>
public sealed class FailureClassificationTests : IDisposable
{
    private readonly TempDirectory temp = new();

    [Fact]
    public async Task Refused_reset_timeout_4xx_5xx_and_assertion_failures_are_each_classified()
    {
        await using var server = await LoadTargetServer.StartAsync();
        await using var resetting = new ResettingServer();
        var closedPort = ClosedPort();
        temp.Write("flows/refused.flow.md", LoadCli.OneGet($"http://127.0.0.1:{closedPort}/ok"));
        temp.Write("flows/reset.flow.md", LoadCli.OneGet(resetting.BaseUrl + "/reset"));
        temp.Write("flows/stall.flow.md", "```kest\n@timeout 1500ms\nGET /stall?ms=5000\n```");
        temp.Write("flows/missing.flow.md", "```kest\nGET /status/404\n```");
        temp.Write("flows/broken.flow.md", "```kest\nGET /status/500\n```");
        temp.Write("flows/wrong.flow.md", LoadCli.OneGet("/ok", "body == \"not ok\""));
        temp.Write("flows/expected404.flow.md", LoadCli.OneGet("/status/404", "status == 404"));

        var outcome = await LoadCli.RunAsync(temp.Path, "flows", "--base-url", server.BaseUrl, "--iterations", "14", "--vus", "7",
            "--graceful-stop", "10s", "--out", "r.json");

        // No threshold on checks or errors: every check must pass (checks==100%), as pacer run would judge these flows.
        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        var result = LoadResultJson.ReadFile(temp.Combine("r.json"));
        Assert.Equal("checks==100%", Assert.Single(result.Thresholds, t => !t.Passed).Text);
        var steps = result.Steps.ToDictionary(s => s.Flow.Replace("flows/", "", StringComparison.Ordinal));
        AssertOnly(steps["refused.flow.md"], "connection-refused");
        AssertOnly(steps["reset.flow.md"], "connection-reset");
        AssertOnly(steps["stall.flow.md"], "timeout");
        AssertOnly(steps["missing.flow.md"], "4xx");
        AssertOnly(steps["broken.flow.md"], "5xx");
        AssertOnly(steps["wrong.flow.md"], "assertion-failed");
        Assert.Equal(0, steps["expected404.flow.md"].Failures);
        Assert.Contains("timed out", Assert.Single(steps["stall.flow.md"].Samples).Message, StringComparison.Ordinal);
        Assert.Equal(500, Assert.Single(steps["broken.flow.md"].Samples).Status);
    }

    [Fact]
    public async Task A_body_within_max_body_is_read_to_the_end_and_a_longer_one_fails_as_too_large()
    {
        await using var server = await LoadTargetServer.StartAsync();
        temp.Write("huge.flow.md", LoadCli.OneGet("/huge"));

        var allowed = await LoadCli.RunAsync(temp.Path, "huge.flow.md", "--base-url", server.BaseUrl, "--iterations", "3", "--max-body", "32MiB", "--out", "r.json");
        var refused = await LoadCli.RunAsync(temp.Path, "huge.flow.md", "--base-url", server.BaseUrl, "--iterations", "3", "--out", "too-large.json");

        Assert.True(allowed.ExitCode == 0, allowed.ToString());
        var summary = LoadResultJson.ReadFile(temp.Combine("r.json")).Summary;
        Assert.Equal(3, summary.Requests);
        Assert.Equal(0, summary.Failures);
        Assert.True(summary.BytesIn >= 3L * LoadTargetServer.HugeBodyBytes, $"bytes in {summary.BytesIn}");

        Assert.True(refused.ExitCode == 1, refused.ToString());
        var tooLarge = LoadResultJson.ReadFile(temp.Combine("too-large.json"));
        Assert.Equal(3, tooLarge.Summary.FailuresByKind["body-too-large"]);
        Assert.Contains("longer than the 16MiB limit (raise it with --max-body)", Assert.Single(tooLarge.Steps).Samples[0].Message, StringComparison.Ordinal);
    }

    private static void AssertOnly(LoadStepResult step, string kind)
    {
        Assert.True(step.Requests == 2, $"{step.Flow}: {step.Requests} requests");
        Assert.Equal(2, step.Failures);
        Assert.True(step.FailuresByKind.Count == 1 && step.FailuresByKind.ContainsKey(kind), $"{step.Flow}: {string.Join(", ", step.FailuresByKind)} / {string.Join(" | ", step.Samples.Select(s => s.Message))}");
        Assert.Equal(kind, Assert.Single(step.Samples).Kind);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose() => temp.Dispose();
}
