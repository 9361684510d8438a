using Pacer.Core.Flow.Syntax;
using Pacer.Core.Templating;
using Pacer.Core.Tests.Templating.Support;
using Xunit;

namespace Pacer.Core.Tests.Templating;

public class TemplateRendererTextTests
{
    private static TemplateResult Render(string raw, VariableScope scope) =>
        TemplateRenderer.RenderText(Templates.Parse(raw), scope, Scopes.BuiltIns());

    [Fact]
    public void Literal_text_is_unchanged()
    {
        var result = Render("/api/users?page=1", new VariableScope());

        Assert.True(result.Succeeded);
        Assert.Equal("/api/users?page=1", result.Text);
    }

    [Fact]
    public void String_variable_becomes_its_raw_text_without_quotes()
    {
        var result = Render("Bearer {{token}}", Scopes.With(("token", "\"abc\\\"def\"")));

        Assert.Equal("Bearer abc\"def", result.Text);
    }

    [Theory]
    [InlineData("5", "/users/5")]
    [InlineData("1.5", "/users/1.5")]
    [InlineData("1.50", "/users/1.50")]
    [InlineData("-3e2", "/users/-3e2")]
    [InlineData("true", "/users/true")]
    [InlineData("false", "/users/false")]
    [InlineData("null", "/users/null")]
    public void Scalar_variable_becomes_its_json_text(string json, string expected)
    {
        Assert.Equal(expected, Render("/users/{{id}}", Scopes.With(("id", json))).Text);
    }

    [Fact]
    public void Object_and_array_variables_become_compact_json()
    {
        var scope = Scopes.With(("user", "{ \"id\" : 1, \"tags\" : [ \"a\", \"b\" ] }"));

        Assert.Equal("u={\"id\":1,\"tags\":[\"a\",\"b\"]}", Render("u={{user}}", scope).Text);
    }

    [Fact]
    public void Several_placeholders_are_all_substituted()
    {
        var scope = Scopes.With(("host", "\"example.org\""), ("id", "7"));

        Assert.Equal("https://example.org/items/7?x=7", Render("https://{{host}}/items/{{id}}?x={{id}}", scope).Text);
    }

    [Fact]
    public void Undefined_variable_is_an_error_naming_it_never_an_empty_string()
    {
        var result = Render("/users/{{userId}}", new VariableScope());

        Assert.False(result.Succeeded);
        Assert.Null(result.Text);
        Assert.Equal("userId", result.Error!.VariableName);
        Assert.Contains("'userId' is not defined", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Undefined_variable_error_points_at_its_own_column_on_a_single_line()
    {
        var template = Templates.Parse("/users/{{userId}}", new SourceSpan("f.flow.md", 12, 5, 0));

        var error = TemplateRenderer.RenderText(template, new VariableScope(), Scopes.BuiltIns()).Error!;

        Assert.Equal(new SourceSpan("f.flow.md", 12, 5 + 7, "{{userId}}".Length), error.Span);
    }

    [Fact]
    public void Undefined_variable_error_on_a_later_line_counts_columns_from_that_line()
    {
        var raw = "{\n  \"a\": 1,\n    \"b\": {{missing}}\n}";
        var template = Templates.Parse(raw, new SourceSpan("f.flow.md", 20, 1, 0));

        var error = TemplateRenderer.RenderBody(template, new VariableScope(), Scopes.BuiltIns(), isJson: true).Error!;

        Assert.Equal("missing", error.VariableName);
        Assert.Equal(22, error.Span.Line);
        Assert.Equal(10, error.Span.Column);
        Assert.Equal("{{missing}}".Length, error.Span.Length);
        Assert.Equal("f.flow.md", error.Span.File);
    }

    [Fact]
    public void Default_is_used_when_the_variable_is_undefined()
    {
        Assert.Equal("user=admin", Render("user={{username | default: \"admin\"}}", new VariableScope()).Text);
    }

    [Fact]
    public void Defined_variable_wins_over_its_default()
    {
        Assert.Equal("user=bob", Render("user={{username | default: \"admin\"}}", Scopes.With(("username", "\"bob\""))).Text);
    }

    [Fact]
    public void Variable_holding_json_null_is_defined_and_renders_null()
    {
        Assert.Equal("v=null", Render("v={{x | default: \"fallback\"}}", Scopes.With(("x", "null"))).Text);
    }

    [Fact]
    public void Command_line_override_wins_over_captured_environment_and_default_values()
    {
        var scope = new VariableScope(
            overrides: new Dictionary<string, System.Text.Json.Nodes.JsonNode?> { ["a"] = "cli" },
            environment: new Dictionary<string, System.Text.Json.Nodes.JsonNode?> { ["a"] = "env", ["b"] = "env" },
            defaults: new Dictionary<string, System.Text.Json.Nodes.JsonNode?> { ["a"] = "def", ["b"] = "def", ["c"] = "def" });
        scope.SetCaptured("a", "captured");
        scope.SetCaptured("b", "captured");

        Assert.Equal("cli captured def", Render("{{a}} {{b}} {{c}}", scope).Text);
    }

    [Fact]
    public void Plain_body_substitutes_text_without_json_quoting()
    {
        var template = Templates.Parse("name={{name}}&age={{age}}");
        var scope = Scopes.With(("name", "\"Ann \\\"A\\\"\""), ("age", "30"));

        var result = TemplateRenderer.RenderBody(template, scope, Scopes.BuiltIns(), isJson: false);

        Assert.Equal("name=Ann \"A\"&age=30", result.Text);
    }
}
