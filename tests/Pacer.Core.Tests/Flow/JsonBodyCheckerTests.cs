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

    [Theory]
    [InlineData("{\"a\": 1,}", "a comma before the closing `}`, which JSON does not allow: remove it")]
    [InlineData("[1, 2,]", "a comma before the closing `]`, which JSON does not allow: remove it")]
    [InlineData("{\"a\": 1 // one\n}", "a comment, which JSON does not allow: remove it")]
    [InlineData("{'a': 1}", "single quotes")]
    [InlineData("{a: 1}", "a property name without double quotes")]
    [InlineData("{\"a\": 'x'}", "a string in single quotes: JSON strings take double quotes")]
    [InlineData("{\"a\": hello}", "a bare word where a value belongs")]
    [InlineData("{\"a\" 1}", "a property name without `:` after it")]
    [InlineData("{\"a\": 1 \"b\": 2}", "two values without a comma between them")]
    [InlineData("{\"a\": [1, 2}", "closes nothing open here")]
    [InlineData("{\"a\": 1", "the body ends before every")]
    [InlineData("{\"a\": [1, 2]", "the body ends before every")]
    public void The_warning_says_what_to_do_in_the_words_of_the_file_not_of_the_reader(string body, string advice)
    {
        var diagnostic = Assert.Single(Check(body));

        Assert.Contains(advice, diagnostic.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("reader options", diagnostic.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("LineNumber", diagnostic.Message, StringComparison.Ordinal);
        Assert.EndsWith("(or change the Content-Type if the body is not meant as JSON)", diagnostic.Message, StringComparison.Ordinal);
    }
}
