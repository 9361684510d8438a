using Pacer.Core.Flow;
using Pacer.Core.Flow.Syntax;
using Xunit;
using static Pacer.Core.Tests.Flow.Parsing;

namespace Pacer.Core.Tests.Flow;

public class VariableUsageCheckerTests
{
    private const string TwoSteps = """
        ```kest
        POST /login
        Content-Type: application/json

        {"user": "{{user}}", "password": "{{password | default: "x"}}"}

        [Captures]
        token: data.token

        [Asserts]
        body.data.token == "{{token}}"
        ```

        ```kest
        GET /me/{{$uuid}}
        Authorization: Bearer {{token}}
        X-Tenant: {{tenant}}
        ```
        """;

    [Fact]
    public void Known_names_captures_of_earlier_steps_defaults_and_built_ins_are_fine()
    {
        var diagnostics = VariableUsageChecker.Check(Parse(TwoSteps), ["user", "tenant"]);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Undefined_variables_are_reported_at_their_exact_column()
    {
        var diagnostics = VariableUsageChecker.Check(Parse(TwoSteps), []);

        Assert.Collection(
            diagnostics,
            d =>
            {
                AssertAt(d, DiagnosticCodes.UndefinedVariable, 5, 11);
                Assert.Equal(8, d.Span.Length);
                Assert.Contains("`user`", d.Message, StringComparison.Ordinal);
            },
            d => AssertAt(d, DiagnosticCodes.UndefinedVariable, 17, 11));
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
    }

    [Fact]
    public void A_capture_is_not_available_to_its_own_request_or_to_earlier_steps()
    {
        var document = Parse("```kest\nGET /a/{{later}}\n```\n\n```kest\nGET /b/{{id}}\n[Captures]\nid: data.id\nlater: data.x\n```\n");

        var diagnostics = VariableUsageChecker.Check(document, []);

        Assert.Equal([(2, 8), (6, 8)], diagnostics.Select(d => (d.Span.Line, d.Span.Column)));
    }

    [Fact]
    public void Flow_defaults_count_as_known()
    {
        var document = Parse("```flow\n@var base=http://localhost\n```\n\n```kest\nGET {{base}}/x\n```\n");

        Assert.Empty(VariableUsageChecker.Check(document, []));
    }

    [Fact]
    public void Templates_in_queries_headers_and_arithmetic_operands_are_checked()
    {
        var document = Parse("```kest\nGET /x\n[Queries]\nq = {{a}}\n[Headers]\nX: {{b}}\n[Asserts]\nbody.n == {{c}} + 1\nbody.s in [\"{{d}}\"]\n```\n");

        var names = VariableUsageChecker.Check(document, []).Select(d => d.Span.Line);

        Assert.Equal([4, 6, 8, 9], names);
    }

    [Fact]
    public void Suggests_a_known_name_for_a_typo()
    {
        var document = Parse("```kest\nGET /{{usrname}}\n```\n");

        Assert.Equal("username", Assert.Single(VariableUsageChecker.Check(document, ["username"])).Suggestion);
    }
}
