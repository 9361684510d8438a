using Pacer.Core.Flow;
using Pacer.Core.Flow.Syntax;
using Pacer.Core.Templating;
using Pacer.Core.Tests.Templating.Support;
using Xunit;
using static Pacer.Core.Tests.Flow.Parsing;

namespace Pacer.Core.Tests.Flow;

/// <summary>
/// The two constructs of published kest flows that are outside the grammar (../shared/kest-compat.md):
/// <c>!exists</c>, and a placeholder meant to stay literal inside a JSON string that holds escaped JSON.
/// </summary>
public class KestPublishedConstructsTests
{
    private const string StoredTemplate = """
        ```kest
        POST /requests
        Content-Type: application/json

        {"name": "Login", "body": "{\"username\":\"{{username}}\",\"password\":\"{{password}}\"}"}
        ```
        """;

    [Theory]
    [InlineData("body.data.password !exists", AssertOperator.NotExists, "not exists")]
    [InlineData("body.data.roles !contains \"root\"", AssertOperator.NotContains, "not contains")]
    public void A_bang_operator_is_read_as_its_not_form_with_a_warning(string assertion, AssertOperator expected, string standard)
    {
        var result = FlowParser.Parse(FileName, $"```kest\nGET /x\n\n[Asserts]\n{assertion}\n```\n");

        Assert.False(result.HasErrors);
        Assert.Equal(expected, Assert.Single(result.Document!.Steps[0].Assertions).Operator);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        AssertAt(warning, DiagnosticCodes.NonStandardSpelling, 5, assertion.IndexOf('!', StringComparison.Ordinal) + 1);
        Assert.Equal(standard, warning.Suggestion);
        Assert.Contains($"`{standard}`", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Any_other_bang_word_is_still_an_unknown_operator()
    {
        var diagnostic = SingleDiagnostic("```kest\nGET /x\n\n[Asserts]\nbody.x !matches \"a\"\n```\n");

        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        AssertAt(diagnostic, DiagnosticCodes.InvalidAssertion, 5, 8);
    }

    [Fact]
    public void An_undefined_placeholder_in_a_string_holding_escaped_json_is_a_warning_at_its_column()
    {
        var diagnostics = VariableUsageChecker.Check(Parse(StoredTemplate), []);

        Assert.Equal(2, diagnostics.Count);
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        AssertAt(diagnostics[0], DiagnosticCodes.PlaceholderKeptAsWritten, 5, 44);
        Assert.Contains("sent as written (`{{username}}`)", diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Everywhere_else_an_undefined_variable_is_still_an_error()
    {
        var plainString = Parse("```kest\nPOST /login\nContent-Type: application/json\n\n{\"login\": \"{{username}}\", \"note\": \"user {{who}}\"}\n```\n");
        var inUrl = Parse("```kest\nGET /users/{{username}}\n```\n");

        Assert.All(VariableUsageChecker.Check(plainString, []), d => Assert.Equal(DiagnosticCodes.UndefinedVariable, d.Code));
        Assert.Equal(2, VariableUsageChecker.Check(plainString, []).Count);
        Assert.Equal(DiagnosticCodes.UndefinedVariable, Assert.Single(VariableUsageChecker.Check(inUrl, [])).Code);
    }

    [Fact]
    public void A_likely_misspelling_of_a_defined_variable_stays_an_error_even_in_a_stored_template()
    {
        var diagnostics = VariableUsageChecker.Check(Parse(StoredTemplate.Replace("{{username}}", "{{usrname}}", StringComparison.Ordinal)), ["username"]);

        var misspelt = Assert.Single(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(DiagnosticCodes.UndefinedVariable, misspelt.Code);
        Assert.Equal("username", misspelt.Suggestion);
    }

    [Fact]
    public void The_renderer_sends_it_as_written_and_substitutes_it_once_defined()
    {
        var body = Templates.Parse("{\"body\": \"{\\\"username\\\":\\\"{{username}}\\\"}\", \"at\": {{$timestamp}}}");

        var undefined = TemplateRenderer.RenderBody(body, new VariableScope(), Scopes.BuiltIns(), isJson: true);
        var defined = TemplateRenderer.RenderBody(body, Scopes.WithStrings(("username", "alice")), Scopes.BuiltIns(), isJson: true);

        Assert.True(undefined.Succeeded, undefined.Error?.Message);
        Assert.StartsWith("{\"body\": \"{\\\"username\\\":\\\"{{username}}\\\"}\"", undefined.Text, StringComparison.Ordinal);
        Assert.StartsWith("{\"body\": \"{\\\"username\\\":\\\"alice\\\"}\"", defined.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_renderer_still_refuses_an_undefined_variable_in_an_ordinary_string()
    {
        var result = TemplateRenderer.RenderBody(Templates.Parse("{\"login\": \"{{username}}\"}"), new VariableScope(), Scopes.BuiltIns(), isJson: true);

        Assert.False(result.Succeeded);
        Assert.Equal("username", result.Error!.VariableName);
    }
}
