using Pacer.Cli.Tests.Contract;
using Xunit;

namespace Pacer.Cli.Tests.EndToEnd;

/// <summary>
/// The bundled examples against Storefront (in-process, rate limits off): quickstart passes, broken fails
/// readably. Readme/ReadmeCommandsTests runs them as the README does, against <c>pacer demo --serve</c>.
/// </summary>
public sealed class ExamplesTests(StorefrontServer storefront) : IClassFixture<StorefrontServer>
{
    private static string Examples(string name) => Path.Combine(AppContext.BaseDirectory, "examples", name);

    [Fact]
    public async Task Quickstart_examples_pass_against_storefront()
    {
        var outcome = await PacerCli.RunAsync(AppContext.BaseDirectory, "run", Examples("quickstart"), "--base-url", storefront.ApiUrl, "--soft-budgets", "--no-history");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Contains("PASSED  2 file(s), 10 step(s): 10 passed", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("warning (soft): body.discount exists", outcome.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("✗", outcome.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_example_passes_pacer_check()
    {
        var outcome = await PacerCli.RunAsync(AppContext.BaseDirectory, "check", Examples(""), "--base-url", storefront.ApiUrl);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Contains("no errors, 0 warning(s)", outcome.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Broken_example_fails_with_a_readable_explanation()
    {
        var outcome = await PacerCli.RunAsync(AppContext.BaseDirectory, "run", Examples("broken"), "--base-url", storefront.ApiUrl, "--no-history");

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        Assert.Contains("✗ GET " + storefront.ApiUrl + "/users/me  401", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("status == 200", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("expected: 200", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("actual:   401", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("skipped: needs user_id from step 1", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("\"code\": \"unauthorized\"", outcome.Out, StringComparison.Ordinal);
    }
}
