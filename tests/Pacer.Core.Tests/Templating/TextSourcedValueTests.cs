using System.Text.Json;
using System.Text.Json.Nodes;
using Pacer.Core.Templating;
using Pacer.Core.Tests.Templating.Support;
using Xunit;

namespace Pacer.Core.Tests.Templating;

/// <summary>
/// Command-line, environment and flow-default variables can only be text; captured ones carry the server's
/// JSON types. An unquoted placeholder reads text-sourced literals (5, true, null) as JSON, never captured strings.
/// </summary>
public class TextSourcedValueTests
{
    private static VariableScope Layers(string value) => new(
        overrides: new Dictionary<string, JsonNode?> { ["cli"] = value },
        environment: new Dictionary<string, JsonNode?> { ["env"] = value },
        defaults: new Dictionary<string, JsonNode?> { ["def"] = value });

    private static string Body(string raw, VariableScope scope, BuiltInVariables? builtIns = null) =>
        TemplateRenderer.RenderBody(Templates.Parse(raw), scope, builtIns ?? Scopes.BuiltIns(), isJson: true).Text!;

    [Theory]
    [InlineData("cli")]
    [InlineData("env")]
    [InlineData("def")]
    public void Text_sourced_number_is_sent_as_a_number_in_an_unquoted_json_position(string name)
    {
        var body = Body($"{{\"count\": {{{{{name}}}}}}}", Layers("5"));

        Assert.Equal(JsonValueKind.Number, JsonNode.Parse(body)!["count"]!.GetValueKind());
    }

    [Fact]
    public void Text_sourced_non_literal_is_sent_as_a_string()
    {
        Assert.Equal("{\"name\": \"bob\"}", Body("{\"name\": {{cli}}}", Layers("bob")));
    }

    [Fact]
    public void Captured_string_that_looks_like_a_number_stays_a_string()
    {
        var scope = Scopes.With(("id", "\"42\""));

        Assert.Equal("{\"id\": \"42\"}", Body("{\"id\": {{id}}}", scope));
        Assert.Equal("42", TemplateRenderer.RenderValue(Templates.Parse("{{id}}"), scope, Scopes.BuiltIns()).Value!.GetValue<string>());
    }

    [Fact]
    public void Text_sourced_literal_inside_a_json_string_stays_text()
    {
        Assert.Equal("{\"s\": \"v5\"}", Body("{\"s\": \"v{{cli}}\"}", Layers("5")));
    }

    [Fact]
    public void Environment_built_in_is_text_sourced()
    {
        var builtIns = Scopes.BuiltIns(environment: new Dictionary<string, string> { ["PORT"] = "8080", ["HOST"] = "h" });

        Assert.Equal("{\"port\": 8080, \"host\": \"h\"}", Body("{\"port\": {{$env.PORT}}, \"host\": {{$env.HOST}}}", new VariableScope(), builtIns));
    }

    [Theory]
    [InlineData("a", VariableSource.Override)]
    [InlineData("b", VariableSource.Captured)]
    [InlineData("c", VariableSource.Environment)]
    [InlineData("d", VariableSource.Default)]
    public void Scope_reports_the_layer_a_value_came_from(string name, VariableSource expected)
    {
        var scope = new VariableScope(
            overrides: new Dictionary<string, JsonNode?> { ["a"] = 1 },
            environment: new Dictionary<string, JsonNode?> { ["b"] = 3, ["c"] = 3 },
            defaults: new Dictionary<string, JsonNode?> { ["a"] = 4, ["d"] = 4 });
        scope.SetCaptured("b", 2);

        Assert.True(scope.TryGet(name, out _, out var source));
        Assert.Equal(expected, source);
        Assert.False(scope.TryGet("zzz", out _, out _));
    }
}
