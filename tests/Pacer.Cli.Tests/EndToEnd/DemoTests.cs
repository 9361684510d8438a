using Pacer.TestSupport;
using System.Text.Json;
using Pacer.Load.Results;
using Xunit;

namespace Pacer.Cli.Tests.EndToEnd;

/// <summary>
/// <c>pacer demo</c> is the README's first command: it must start Storefront as its own process
/// on a loopback port, pass every bundled flow against it, put the shopper journey under load
/// and write the report.
/// </summary>
public sealed class DemoTests
{
    /// <summary>
    /// Behaviour, not speed: this suite shares 2 cores with others, so missed budgets are warnings
    /// here (<c>--soft-budgets</c>); every other assertion of every bundled flow must hold.
    /// </summary>
    [Fact]
    public async Task Demo_starts_storefront_and_every_bundled_flow_passes()
    {
        using var directory = new TempDirectory();

        var outcome = await PacerCli.RunAsync(directory.Path, "demo", "--no-load", "--soft-budgets", "--report", "json=out/demo.json");

        Assert.True(outcome.ExitCode == ExitCodes.Passed, outcome.ToString());
        Assert.Matches(@"Storefront \(pid \d+\) is up at http://127\.0\.0\.1:\d+", outcome.Out);
        Assert.Contains("examples/storefront/03-checkout.flow.md", outcome.Out, StringComparison.Ordinal);

        // The report lands where the user stands, and records every bundled file as passed.
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(directory.Path, "out", "demo.json"), TestContext.Current.CancellationToken));
        var files = report.RootElement.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(Directory.GetFiles(Commands.DemoCommand.BundledFlowsDirectory, "*.flow.md").Length, files.Count);
        Assert.Equal(4, files.Count);
        Assert.All(files, file => Assert.True(file.GetProperty("passed").GetBoolean(), file.GetProperty("path").GetString()));
        Assert.Equal(0, report.RootElement.GetProperty("summary").GetProperty("failed").GetInt32());
    }

    /// <summary>
    /// The whole demo with a short load. Whether the SLAs hold depends on this shared machine, so
    /// the test checks that the verdict is the truth of the result file, not that it passed: the
    /// load ran every step without errors, the report and the result file were written, and the
    /// exit code is 0 exactly when every threshold in the file held.
    /// </summary>
    [Fact]
    public async Task Demo_loads_storefront_writes_the_report_and_exits_by_the_slas()
    {
        using var directory = new TempDirectory();

        var outcome = await PacerCli.RunAsync(directory.Path, "demo", "--duration", "3s", "--vus", "4", "--soft-budgets", "--out-dir", "demo");

        var resultsPath = Path.Combine(directory.Path, "demo", "results.json");
        var reportPath = Path.Combine(directory.Path, "demo", "report.html");
        Assert.True(File.Exists(resultsPath), outcome.ToString());
        var result = LoadResultJson.ReadFile(resultsPath);
        Assert.True(result.Summary.Requests > 0, outcome.ToString());
        Assert.Equal(0, result.Summary.Failures);
        Assert.Equal(5, result.Steps.Count);
        Assert.Equal(5, result.Thresholds.Count);
        Assert.Contains("<svg", await File.ReadAllTextAsync(reportPath, TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Contains($"HTML report:  {reportPath}", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("thresholds", outcome.Out, StringComparison.Ordinal);
        var everySlaHeld = result.Thresholds.All(t => t.Passed);
        Assert.Equal(everySlaHeld ? ExitCodes.Passed : ExitCodes.TestFailed, outcome.ExitCode);
    }

    [Fact]
    public async Task Demo_rejects_a_load_longer_than_a_minute_with_exit_2()
    {
        using var directory = new TempDirectory();

        var outcome = await PacerCli.RunAsync(directory.Path, "demo", "--duration", "5m");

        Assert.Equal(ExitCodes.BadInput, outcome.ExitCode);
        Assert.Contains("up to 60s", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_rejects_an_unknown_option_with_exit_2()
    {
        using var directory = new TempDirectory();

        var outcome = await PacerCli.RunAsync(directory.Path, "demo", "--no-such-option");

        Assert.Equal(ExitCodes.BadInput, outcome.ExitCode);
    }
}
