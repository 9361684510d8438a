using Pacer.Core.Flow;
using Pacer.Core.Flow.Syntax;
using Xunit;
using static Pacer.Core.Tests.Flow.Parsing;

namespace Pacer.Core.Tests.Flow;

public class TemplateParserTests
{
    /// <summary>The URL template of a one-step flow; the URL starts at line 2, column 5.</summary>
    private static Template Url(string url) => Step($"GET {url}").Url;

    private static Diagnostic ErrorFor(string url) => Assert.Single(Diagnostics($"```kest\nGET {url}\n```\n"));

    [Theory]
    [InlineData("{{name}}")]
    [InlineData("{{ name }}")]
    public void Reads_a_variable_with_or_without_spaces(string placeholder)
    {
        var part = Assert.IsType<VariablePart>(Assert.Single(Url(placeholder).Parts));

        Assert.Equal("name", part.Name);
        Assert.Null(part.DefaultValue);
        Assert.Equal((0, placeholder.Length), (part.Offset, part.Length));
    }

    [Theory]
    [InlineData("{{username | default: \"admin\"}}", "admin")]
    [InlineData("{{username|default:admin}}", "admin")]
    [InlineData("{{username | default: 'admin user'}}", "admin user")]
    [InlineData("{{password | default: \\\"Test@123\\\"}}", "Test@123")]
    [InlineData("{{password | default: \"\"}}", "")]
    public void Reads_defaults_quoted_unquoted_and_json_escaped(string placeholder, string expected)
    {
        var part = Assert.IsType<VariablePart>(Assert.Single(Url(placeholder).Parts));

        Assert.True(part.Name is "username" or "password");
        Assert.Equal(expected, part.DefaultValue);
    }

    [Fact]
    public void Splits_literals_and_placeholders_with_offsets()
    {
        var template = Url("/users/{{id}}/orders?x={{$uuid}}");

        Assert.Collection(
            template.Parts,
            p => Assert.Equal(new LiteralPart("/users/", 0, 7), p),
            p => Assert.Equal(new VariablePart("id", null, 7, 6), p),
            p => Assert.Equal(new LiteralPart("/orders?x=", 13, 10), p),
            p => Assert.Equal("uuid", Assert.IsType<BuiltInPart>(p).Name));
        Assert.Equal(new SourceSpan(FileName, 2, 12, 0), template.PositionOf(7));
    }

    [Theory]
    [InlineData("{{$timestamp}}", "timestamp")]
    [InlineData("{{$timestampMs}}", "timestampMs")]
    [InlineData("{{$unixMs}}", "unixMs")]
    [InlineData("{{$uuid}}", "uuid")]
    [InlineData("{{$randomInt}}", "randomInt")]
    [InlineData("{{$randomEmail}}", "randomEmail")]
    [InlineData("{{$randomString}}", "randomString")]
    [InlineData("{{$isoDate}}", "isoDate")]
    public void Reads_built_ins_without_arguments(string placeholder, string name)
    {
        var part = Assert.IsType<BuiltInPart>(Assert.Single(Url(placeholder).Parts));

        Assert.Equal(name, part.Name);
        Assert.Empty(part.Arguments);
    }

    [Fact]
    public void Reads_built_in_arguments()
    {
        var randomInt = Assert.IsType<BuiltInPart>(Assert.Single(Url("{{$randomInt(1, 100)}}").Parts));
        var randomString = Assert.IsType<BuiltInPart>(Assert.Single(Url("{{$randomString(12)}}").Parts));

        Assert.Equal(["1", "100"], randomInt.Arguments);
        Assert.Equal(["12"], randomString.Arguments);
    }

    [Fact]
    public void Env_built_in_carries_the_variable_name()
    {
        var part = Assert.IsType<BuiltInPart>(Assert.Single(Url("{{$env.API_TOKEN}}").Parts));

        Assert.Equal("env", part.Name);
        Assert.Equal(["API_TOKEN"], part.Arguments);
        Assert.Equal((0, 18), (part.Offset, part.Length));
    }

    [Fact]
    public void Unknown_built_in_is_reported_at_the_placeholder_with_a_suggestion()
    {
        var diagnostic = ErrorFor("/x/{{$uuidd}}");

        AssertAt(diagnostic, DiagnosticCodes.UnknownBuiltIn, 2, 8);
        Assert.Equal(10, diagnostic.Span.Length);
        Assert.Equal("{{$uuid}}", diagnostic.Suggestion);
    }

    [Fact]
    public void Unclosed_placeholder_is_reported_at_its_opening_braces()
    {
        var diagnostic = ErrorFor("/x/{{id");

        AssertAt(diagnostic, DiagnosticCodes.UnclosedPlaceholder, 2, 8);
    }

    [Theory]
    [InlineData("/x/{{}}")]
    [InlineData("/x/{{a b}}")]
    [InlineData("/x/{{a | upper}}")]
    [InlineData("/x/{{$env}}")]
    [InlineData("/x/{{$uuid(3)}}")]
    public void Malformed_placeholders_are_reported_at_their_column(string url)
    {
        var diagnostic = ErrorFor(url);

        AssertAt(diagnostic, DiagnosticCodes.InvalidPlaceholder, 2, 8);
    }

    [Fact]
    public void Template_in_a_multi_line_body_maps_offsets_to_lines_and_columns()
    {
        var body = Step("POST /x\n\n{\n  \"name\": \"{{name | default: \\\"x\\\"}}\",\n  \"id\": {{id}}\n}").Body!;
        var id = body.Parts.OfType<VariablePart>().Single(p => p.Name == "id");

        Assert.Equal((4, 1), (body.Span.Line, body.Span.Column));
        Assert.Equal(new SourceSpan(FileName, 6, 9, 6), body.PositionOf(id.Offset, id.Length));
    }

    [Fact]
    public void Unclosed_placeholder_in_a_body_does_not_swallow_the_next_lines()
    {
        var diagnostics = Diagnostics("```kest\nPOST /x\n\nline {{one\nline {{two}}\n```\n");

        var diagnostic = Assert.Single(diagnostics);
        AssertAt(diagnostic, DiagnosticCodes.UnclosedPlaceholder, 4, 6);
    }

    [Fact]
    public void Literal_text_has_no_variables()
    {
        var template = Url("/health");

        Assert.True(template.IsLiteral);
        Assert.Empty(template.VariableNames);
    }
}
