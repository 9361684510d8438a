using System.Text.Json;
using Pacer.Load.Results;
using Pacer.TestSupport;
using Xunit;

namespace Pacer.Cli.Tests.Processes;

/// <summary>
/// One set of HTTP rules: against a 1 GiB body, an endless one and each malformed Content-Length,
/// <c>pacer run</c>, <c>load</c> and <c>monitor</c> stay under 200 MB, classify the response the same
/// way, write their reports and exit 1.
/// </summary>
public sealed class HostileResponseTests : IDisposable
{
    private const long MemoryLimit = 200L * 1024 * 1024;

    private readonly TempDirectory temp = new();

    [Theory]
    [InlineData(HostileResponse.GigabyteBody, "body-too-large")]
    [InlineData(HostileResponse.EndlessBody, "body-too-large")]
    [InlineData(HostileResponse.NegativeLength, "protocol-error")]
    [InlineData(HostileResponse.ConflictingLengths, "protocol-error")]
    [InlineData(HostileResponse.OverflowingLength, "protocol-error")]
    public async Task Run_load_and_monitor_read_it_by_the_same_rules_within_bounded_memory(HostileResponse response, string kind)
    {
        using var server = new HostileHttpServer(response);
        temp.Write("hostile.flow.md", "```kest\n@name Fetch\nGET /big\n\n[Asserts]\nstatus == 200\n```\n");

        var run = await RunAsync("run", "hostile.flow.md", "--base-url", server.BaseUrl, "--report", "json=run.json", "--no-history");
        var load = await RunAsync("load", "hostile.flow.md", "--base-url", server.BaseUrl, "--vus", "1", "--iterations", "1", "--out", "load.json", "--no-history");
        var monitor = await RunAsync("monitor", "hostile.flow.md", "--base-url", server.BaseUrl, "--checks", "1", "--out", "monitor.json");

        foreach (var (command, exit, peak, output) in new[] { run, load, monitor })
        {
            Assert.True(exit == 1, $"{command} exit {exit}\n{output}");
            Assert.True(peak < MemoryLimit, $"{command} peaked at {peak / (1024 * 1024)} MB");
            Assert.True(peak > 20L * 1024 * 1024, $"{command}: peak memory was not measured ({peak} bytes)");
            TestContext.Current.TestOutputHelper?.WriteLine($"{command} {response}: peak {peak / (1024 * 1024)} MB");
        }

        Assert.Equal(kind, FailureOf("run.json"));
        Assert.Equal(kind, FailureOf("monitor.json"));
        Assert.Equal(kind, Assert.Single(Assert.Single(LoadResultJson.ReadFile(temp.Combine("load.json")).Steps).FailuresByKind.Keys));
    }

    public void Dispose() => temp.Dispose();

    private async Task<(string Command, int Exit, long Peak, string Output)> RunAsync(params string[] args)
    {
        await using var pacer = PacerProcess.Start(temp.Path, args);
        var exit = await pacer.WaitForExitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        return (args[0], exit, pacer.PeakResidentBytes, pacer.ToString());
    }

    private string? FailureOf(string report)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(temp.Combine(report)));
        var step = Assert.Single(Assert.Single(json.RootElement.GetProperty("files").EnumerateArray()).GetProperty("steps").EnumerateArray());
        return step.GetProperty("failure").GetString();
    }
}
