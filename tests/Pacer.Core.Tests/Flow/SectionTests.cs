using Pacer.Core.Flow;
using Pacer.Core.Flow.Syntax;
using Xunit;
using static Pacer.Core.Tests.Flow.Parsing;

namespace Pacer.Core.Tests.Flow;

public class SectionTests
{
    [Fact]
    public void Sections_come_in_any_order()
    {
        var step = Step("""
            GET /x
            [Asserts]
            status == 200
            [Captures]
            id = data.id
            [Queries]
            page = 2
            [Headers]
            X-A: b
            """);

        Assert.Single(step.Assertions);
        Assert.Equal("id", Assert.Single(step.Captures).Name);
        Assert.Equal(("page", "2"), (step.Queries[0].Name, step.Queries[0].Value.Raw));
        Assert.Equal(("X-A", "b"), (step.Headers[0].Name, step.Headers[0].Value.Raw));
    }

    [Fact]
    public void Queries_accept_equals_or_colon_and_templates()
    {
        var queries = Step("GET /x\n[Queries]\nq = a:b\nsize: {{size | default: 20}}").Queries;

        Assert.Equal(("q", "a:b"), (queries[0].Name, queries[0].Value.Raw));
        Assert.Equal("size", queries[1].Name);
        Assert.Equal("20", Assert.IsType<VariablePart>(Assert.Single(queries[1].Value.Parts)).DefaultValue);
        Assert.Equal((5, 7), (queries[1].Value.Span.Line, queries[1].Value.Span.Column));
    }

    [Fact]
    public void Header_value_keeps_colons_and_its_column()
    {
        var header = Assert.Single(Step("GET /x\nAuthorization:   Bearer {{token}}:x").Headers);

        Assert.Equal("Bearer {{token}}:x", header.Value.Raw);
        Assert.Equal((3, 18), (header.Value.Span.Line, header.Value.Span.Column));
    }

    [Fact]
    public void Body_runs_from_the_blank_line_to_the_first_section_and_json_arrays_are_not_sections()
    {
        var step = Step("POST /x\nContent-Type: application/json\n\n[\n  [1, 2],\n  []\n]\n\n[Asserts]\nstatus == 201");

        Assert.Equal("[\n  [1, 2],\n  []\n]", step.Body!.Raw);
        Assert.Single(step.Assertions);
    }

    [Fact]
    public void Body_section_and_data_alias_hold_the_body()
    {
        Assert.Equal("{\"a\": 1}", Step("POST /x\n[Body]\n{\"a\": 1}").Body!.Raw);
        Assert.Equal("{\"b\": 2}", Step("POST /x\n[Data]\n\n{\"b\": 2}\n\n[Asserts]\nstatus == 200").Body!.Raw);
    }

    [Fact]
    public void Body_straight_under_the_headers_is_accepted()
    {
        var step = Step("POST /x\nContent-Type: application/json\n{\"a\": 1}");

        Assert.Equal("{\"a\": 1}", step.Body!.Raw);
        Assert.Single(step.Headers);
    }

    [Fact]
    public void A_step_without_a_body_has_none()
    {
        Assert.Null(Step("GET /x\n\n\n").Body);
    }

    [Fact]
    public void Comments_are_skipped_outside_the_body()
    {
        var step = Step("# before\n@name N\n# between\nGET /x\n# a header comment\nX-A: 1\n\n[Asserts]\n# not an assertion\n// neither\nstatus == 200", "step");

        Assert.Single(step.Headers);
        Assert.Single(step.Assertions);
    }

    [Theory]
    [InlineData("[Assert]", "[Asserts]")]
    [InlineData("[Asserts ]", "[Asserts]")]
    [InlineData("[Capture]", "[Captures]")]
    [InlineData("[Query]", "[Queries]")]
    [InlineData("[SoftAsserts]", "[Soft Asserts]")]
    public void Unknown_section_is_reported_with_a_suggestion(string section, string suggestion)
    {
        var diagnostic = Assert.Single(Diagnostics($"```kest\nGET /x\n\n{section}\nstatus == 200\n```\n"));

        AssertAt(diagnostic, DiagnosticCodes.UnknownSection, 4, 1);
        Assert.Equal(suggestion, diagnostic.Suggestion);
        Assert.Equal(section.Length, diagnostic.Span.Length);
    }

    [Fact]
    public void Lines_of_an_unknown_section_are_not_parsed()
    {
        var diagnostics = Diagnostics("```kest\nGET /x\n[Whatever]\nthis === is not parsed\n```\n");

        AssertAt(Assert.Single(diagnostics), DiagnosticCodes.UnknownSection, 3, 1);
    }

    [Fact]
    public void Malformed_header_is_reported_with_the_colon_added()
    {
        var diagnostic = Assert.Single(Diagnostics("```kest\nPOST /x\n  Content-Type application/json\n```\n"));

        AssertAt(diagnostic, DiagnosticCodes.MalformedHeader, 3, 3);
        Assert.Equal("Content-Type: application/json", diagnostic.Suggestion);
    }

    [Fact]
    public void Header_name_with_a_space_is_reported_without_a_guess()
    {
        var diagnostic = Assert.Single(Diagnostics("```kest\nPOST /x\nX Custom: y\n```\n"));

        AssertAt(diagnostic, DiagnosticCodes.MalformedHeader, 3, 1);
        Assert.Null(diagnostic.Suggestion);
    }

    [Fact]
    public void Malformed_query_is_reported()
    {
        var diagnostic = Assert.Single(Diagnostics("```kest\nGET /x\n[Queries]\njust-a-word\n```\n"));

        AssertAt(diagnostic, DiagnosticCodes.MalformedQuery, 4, 1);
    }

    [Fact]
    public void Soft_asserts_are_soft()
    {
        var assertion = Assert.Single(Step("GET /x\n[Soft Asserts]\nduration < 200ms").Assertions);

        Assert.True(assertion.IsSoft);
    }
}
