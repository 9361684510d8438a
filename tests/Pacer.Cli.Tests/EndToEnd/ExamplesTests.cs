using Pacer.Cli.Tests.TestApi;
using Xunit;

namespace Pacer.Cli.Tests.EndToEnd;

/// <summary>The bundled examples: quickstart passes against the test API, broken fails readably.</summary>
public sealed class ExamplesTests
{
    private static string Examples(string name) => Path.Combine(AppContext.BaseDirectory, "examples", name);

    [Fact]
    public async Task Quickstart_examples_pass_against_the_test_api()
    {
        await using var server = await TestApiServer.StartAsync();

        var outcome = await PacerCli.RunAsync(AppContext.BaseDirectory, "run", Examples("quickstart"), "--base-url", server.BaseUrl);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Contains("PASSED", outcome.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("✗", outcome.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Broken_example_fails_with_a_readable_explanation()
    {
        await using var server = await TestApiServer.StartAsync();

        var outcome = await PacerCli.RunAsync(AppContext.BaseDirectory, "run", Examples("broken"), "--base-url", server.BaseUrl);

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        Assert.Contains("✗ GET " + server.BaseUrl + "/api/profile  401", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("status == 200", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("expected: 200", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("actual:   401", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("skipped: needs user_id from step 1", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("\"message\": \"unauthorized\"", outcome.Out, StringComparison.Ordinal);
    }
}
