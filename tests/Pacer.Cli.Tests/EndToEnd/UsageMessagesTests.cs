using Pacer.TestSupport;
using Xunit;

namespace Pacer.Cli.Tests.EndToEnd;

/// <summary>A mistyped command or option says once what was meant, instead of one line per token that follows it.</summary>
public sealed class UsageMessagesTests : IDisposable
{
    private readonly TempDirectory temp = new();

    [Fact]
    public async Task A_mistyped_command_names_the_command_meant_in_one_line()
    {
        var outcome = await PacerCli.RunAsync(temp.Path, "lod", "flows", "--vus", "20", "--duration", "10s");

        Assert.Equal(ExitCodes.BadInput, outcome.ExitCode);
        Assert.Equal(
            ["error: unknown command 'lod'; did you mean 'load'?", "Run 'pacer --help' for usage."],
            outcome.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Theory]
    [InlineData("--vu")]
    [InlineData("--vu=20")]
    public async Task A_mistyped_option_names_the_option_meant(string written)
    {
        temp.Write("x.flow.md", "```kest\nGET http://127.0.0.1:9/\n```\n");

        var outcome = await PacerCli.RunAsync(temp.Path, ["load", "x.flow.md", .. written.Contains('=', StringComparison.Ordinal) ? [written] : new[] { written, "20" }]);

        Assert.Equal(ExitCodes.BadInput, outcome.ExitCode);
        Assert.Equal(
            ["error: unknown option '--vu' for 'pacer load'; did you mean '--vus'?", "Run 'pacer load --help' for usage."],
            outcome.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public async Task An_option_of_another_command_says_which_command_has_it()
    {
        temp.Write("x.flow.md", "```kest\nGET http://127.0.0.1:9/\n```\n");

        var outcome = await PacerCli.RunAsync(temp.Path, "run", "x.flow.md", "--vus", "3");

        Assert.Equal(ExitCodes.BadInput, outcome.ExitCode);
        Assert.Contains("error: unknown option '--vus' for 'pacer run': it is an option of 'pacer demo', 'pacer load'", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_help_lists_every_report_format()
    {
        var outcome = await PacerCli.RunAsync(temp.Path, "run", "--help");

        Assert.Equal(ExitCodes.Passed, outcome.ExitCode);
        var reportLine = Assert.Single(outcome.Out.Split('\n'), line => line.TrimStart().StartsWith("--report", StringComparison.Ordinal));
        foreach (var format in new[] { "json", "junit", "markdown", "html" })
        {
            Assert.Contains(format, reportLine, StringComparison.Ordinal);
        }
    }

    public void Dispose() => temp.Dispose();
}
