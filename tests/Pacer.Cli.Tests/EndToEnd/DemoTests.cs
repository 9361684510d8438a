using System.Text.Json;
using Xunit;

namespace Pacer.Cli.Tests.EndToEnd;

/// <summary>
/// <c>pacer demo</c> is the README's first command: it must start the embedded Storefront on a
/// loopback port and pass every bundled flow against it.
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

        var outcome = await PacerCli.RunAsync(directory.Path, "demo", "--soft-budgets", "--report", "json=out/demo.json");

        Assert.True(outcome.ExitCode == ExitCodes.Passed, outcome.ToString());
        Assert.Contains("Storefront is up at http://127.0.0.1:", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("examples/storefront/03-checkout.flow.md", outcome.Out, StringComparison.Ordinal);

        // The report lands where the user stands, and records every bundled file as passed.
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(directory.Path, "out", "demo.json"), TestContext.Current.CancellationToken));
        var files = report.RootElement.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(Directory.GetFiles(Commands.DemoCommand.BundledFlowsDirectory, "*.flow.md").Length, files.Count);
        Assert.Equal(4, files.Count);
        Assert.All(files, file => Assert.True(file.GetProperty("passed").GetBoolean(), file.GetProperty("path").GetString()));
        Assert.Equal(0, report.RootElement.GetProperty("summary").GetProperty("failed").GetInt32());
    }

    [Fact]
    public async Task Demo_rejects_an_unknown_option_with_exit_2()
    {
        using var directory = new TempDirectory();

        var outcome = await PacerCli.RunAsync(directory.Path, "demo", "--no-such-option");

        Assert.Equal(ExitCodes.BadInput, outcome.ExitCode);
    }
}
