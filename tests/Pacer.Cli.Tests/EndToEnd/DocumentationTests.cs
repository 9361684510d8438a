using System.Text.RegularExpressions;
using Pacer.Cli.Tests.TestApi;
using Xunit;

namespace Pacer.Cli.Tests.EndToEnd;

/// <summary>docs/flow-format.md is itself a flow: every runnable example in it runs against the test API.</summary>
public sealed partial class DocumentationTests
{
    private static readonly string Reference = Path.Combine(AppContext.BaseDirectory, "docs", "flow-format.md");

    [Fact]
    public async Task Flow_format_reference_examples_all_pass_against_the_test_api()
    {
        await using var server = await TestApiServer.StartAsync();
        var steps = StepFences().Count(await File.ReadAllTextAsync(Reference, TestContext.Current.CancellationToken));

        var outcome = await PacerCli.RunAsync(AppContext.BaseDirectory, "run", Reference, "--base-url", server.BaseUrl);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.True(steps >= 12, $"only {steps} runnable examples found");
        Assert.Equal(steps, KestFlowTests.CountOf(outcome.Out, "✓"));
        Assert.Contains("1 warning(s)", outcome.Out, StringComparison.Ordinal);
    }

    /// <summary>Step fences: kest, http, step, and json blocks whose first line is a request line.</summary>
    [GeneratedRegex(@"^```(kest|http|step|json\n(GET|POST|PUT|PATCH|DELETE) )", RegexOptions.Multiline)]
    private static partial Regex StepFences();
}
