using Pacer.Cli.Tests.EndToEnd;
using Pacer.TestSupport;
using Xunit;

namespace Pacer.Cli.Tests.Load;

/// <summary>What cannot work is refused before anything is sent, with exit 2 and the reason, never found out at the end or by a crash.</summary>
public sealed class RefusedUpFrontTests : IDisposable
{
    private readonly TempDirectory temp = new();

    [Theory]
    [InlineData("2147483647")]
    [InlineData("100000000")]
    public async Task Vus_past_what_memory_holds_are_refused_with_the_figures(string vus)
    {
        temp.Write("ok.flow.md", LoadCli.OneGet("/ok"));

        var outcome = await LoadCli.RunAsync(temp.Path, "ok.flow.md", "--base-url", "http://127.0.0.1:9", "--vus", vus, "--duration", "1s", "--no-history");

        Assert.True(outcome.ExitCode == 2, outcome.ToString());
        Assert.Contains("VUs need about", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("use at most", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_threshold_on_a_misspelt_step_fails_in_a_second_with_the_name_it_meant()
    {
        temp.Write("login.flow.md", "```kest\n@name Log in\nGET /ok\n```\n");

        var outcome = await LoadCli.RunAsync(temp.Path, "login.flow.md", "--base-url", "http://127.0.0.1:9", "--vus", "1", "--duration", "1m",
            "--threshold", "step[Login].p95<100ms", "--no-history");

        Assert.True(outcome.ExitCode == 2, outcome.ToString());
        Assert.Contains("--threshold: threshold step[Login].p95<100ms: no step named 'Login' (steps: 'Log in'); did you mean step[Log in]?", outcome.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("progress", outcome.Out, StringComparison.Ordinal);
    }

    public void Dispose() => temp.Dispose();
}
