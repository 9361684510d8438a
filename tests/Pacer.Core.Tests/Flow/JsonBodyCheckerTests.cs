using Pacer.Core.Flow;
using Pacer.Core.Flow.Syntax;
using Xunit;
using static Pacer.Core.Tests.Flow.Parsing;

namespace Pacer.Core.Tests.Flow;

public class JsonBodyCheckerTests
{
    private static IReadOnlyList<Diagnostic> Check(string body, string contentType = "application/json") =>
        Diagnostics($"```kest\nPOST /x\nContent-Type: {contentType}\n\n{body}\n```\n");

    [Theory]
    [InlineData("{\"id\": {{id}}}")]
    [InlineData("{\"ids\": [{{a}}, {{b}}], \"n\": {{$randomInt(1,5)}}}")]
    [InlineData("{\"password\": \"{{password | default: \\\"Test@123\\\"}}\"}")]
    [InlineData("{\"user\": \"{{username | default: \"admin\"}}\"}")]
    [InlineData("{\"nested\": {{payload}}, \"s\": \"a {{b}} c\"}")]
    public void Placeholders_count_as_json_values(string body)
    {
        Assert.Empty(Check(body));
    }

    [Fact]
    public void Invalid_json_is_a_warning_at_the_offending_character()
    {
        var diagnostic = Assert.Single(Check("{\n  \"a\": 1,\n  \"b\" 2\n}"));

        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        AssertAt(diagnostic, DiagnosticCodes.InvalidJsonBody, 7, 7);
    }

    [Fact]
    public void Trailing_comma_after_a_placeholder_is_still_caught()
    {
        var diagnostic = Assert.Single(Check("{\"id\": {{id}},}"));

        Assert.Equal(DiagnosticCodes.InvalidJsonBody, diagnostic.Code);
        Assert.Equal(5, diagnostic.Span.Line);
    }

    [Fact]
    public void Bodies_not_sent_as_json_are_not_checked()
    {
        Assert.Empty(Check("name=alice&x={", "application/x-www-form-urlencoded"));
        Assert.Empty(Diagnostics("```kest\nPOST /x\n\nnot json {\n```\n"));
    }

    [Fact]
    public void Json_suffix_content_types_are_checked()
    {
        Assert.Single(Check("{oops}", "application/problem+json; charset=utf-8"));
    }

    [Fact]
    public void A_warning_still_yields_a_document()
    {
        var result = FlowParser.Parse(FileName, "```kest\nPOST /x\nContent-Type: application/json\n\n{oops}\n```\n");

        Assert.False(result.HasErrors);
        Assert.NotNull(result.Document);
    }
}
