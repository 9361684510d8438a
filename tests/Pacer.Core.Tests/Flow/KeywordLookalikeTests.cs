using Pacer.Core.Flow;
using Pacer.Core.Flow.Syntax;
using Xunit;
using static Pacer.Core.Tests.Flow.Parsing;

namespace Pacer.Core.Tests.Flow;

/// <summary>A bare path one typo away from <c>status</c>, <c>duration</c> or <c>header.</c> is a warning with the fix (PACER025).</summary>
public class KeywordLookalikeTests
{
    private static IReadOnlyList<Diagnostic> Check(string assertion) =>
        Diagnostics($"```kest\nGET /x\n\n[Asserts]\n{assertion}\n```\n");

    [Theory]
    [InlineData("stauts == 200", "status")]
    [InlineData("Status == 200", "status")]
    [InlineData("statu == 200", "status")]
    [InlineData("durration < 200", "duration")]
    [InlineData("haeder.Content-Type exists", "header.Content-Type")]
    public void A_misspelt_keyword_is_a_warning_with_the_fix(string assertion, string fix)
    {
        var diagnostic = Assert.Single(Check(assertion));

        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        AssertAt(diagnostic, DiagnosticCodes.KeywordLookalike, 5, 1);
        Assert.Equal(fix, diagnostic.Suggestion);
        Assert.Contains("body.", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_warning_renders_as_a_did_you_mean()
    {
        const string text = "```kest\nGET /x\n\n[Asserts]\nstauts == 200\n```\n";

        var rendered = DiagnosticRenderer.Render(Assert.Single(Diagnostics(text)), text);

        Assert.Contains("test.flow.md:5:1: warning PACER025:", rendered, StringComparison.Ordinal);
        Assert.Contains("= help: did you mean `status`?", rendered, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("body.stauts == 200")]
    [InlineData("state == \"open\"")]
    [InlineData("data.status == \"active\"")]
    [InlineData("status == 200")]
    [InlineData("headers.Content-Type exists")]
    [InlineData("code == 0")]
    public void Real_keywords_body_fields_and_written_out_paths_are_quiet(string assertion)
    {
        Assert.Empty(Check(assertion));
    }
}
