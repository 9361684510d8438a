using System.Text.Json.Nodes;
using Pacer.Core.Templating;
using Pacer.Core.Tests.Templating.Support;
using Xunit;

namespace Pacer.Core.Tests.Templating;

public class TemplateRendererJsonBodyTests
{
    private static string RenderJson(string raw, VariableScope scope, BuiltInVariables? builtIns = null)
    {
        var result = TemplateRenderer.RenderBody(Templates.Parse(raw), scope, builtIns ?? Scopes.BuiltIns(), isJson: true);
        Assert.True(result.Succeeded, result.Error?.Message);
        return result.Text!;
    }

    [Fact]
    public void Unquoted_number_variable_stays_a_number()
    {
        var body = RenderJson("{\"id\": {{id}}}", Scopes.With(("id", "42")));

        Assert.Equal("{\"id\": 42}", body);
        Assert.Equal(42, JsonNode.Parse(body)!["id"]!.GetValue<int>());
    }

    [Fact]
    public void Unquoted_object_and_array_variables_stay_json()
    {
        var body = RenderJson("{\"user\": {{user}}, \"tags\": {{tags}}}", Scopes.With(("user", "{\"a\": 1}"), ("tags", "[\"x\", 2]")));

        Assert.Equal("{\"user\": {\"a\":1}, \"tags\": [\"x\",2]}", body);
    }

    [Fact]
    public void Unquoted_string_variable_becomes_a_quoted_json_string()
    {
        var body = RenderJson("{\"name\": {{name}}}", Scopes.With(("name", "\"say \\\"hi\\\"\"")));

        Assert.Equal("say \"hi\"", JsonNode.Parse(body)!["name"]!.GetValue<string>());
    }

    [Fact]
    public void Unquoted_booleans_and_null_stay_literals()
    {
        var body = RenderJson("[{{t}}, {{f}}, {{n}}]", Scopes.With(("t", "true"), ("f", "false"), ("n", "null")));

        Assert.Equal("[true, false, null]", body);
    }

    [Fact]
    public void Placeholder_inside_a_json_string_inserts_escaped_text()
    {
        var body = RenderJson("{\"name\": \"user-{{id}}\"}", Scopes.With(("id", "7")));

        Assert.Equal("{\"name\": \"user-7\"}", body);
    }

    [Theory]
    [InlineData("a\"b")]
    [InlineData("back\\slash")]
    [InlineData("line\nbreak\ttab\r")]
    [InlineData("bell\u0007 and \u0000 null")]
    [InlineData("ünïcödé ✓")]
    public void Text_inside_a_json_string_is_escaped_so_the_body_stays_valid(string value)
    {
        var scope = new VariableScope(overrides: new Dictionary<string, JsonNode?> { ["v"] = value });

        var body = RenderJson("{\"s\": \"<{{v}}>\"}", scope);

        Assert.Equal($"<{value}>", JsonNode.Parse(body)!["s"]!.GetValue<string>());
    }

    [Fact]
    public void Object_variable_inside_a_json_string_is_embedded_as_escaped_json_text()
    {
        var body = RenderJson("{\"s\": \"{{obj}}\"}", Scopes.With(("obj", "{\"a\":\"b\"}")));

        Assert.Equal("{\"a\":\"b\"}", JsonNode.Parse(body)!["s"]!.GetValue<string>());
    }

    [Fact]
    public void Escaped_quote_before_a_placeholder_keeps_it_inside_the_string()
    {
        var body = RenderJson("{\"s\": \"say \\\"{{word}}\\\"\"}", Scopes.With(("word", "\"hi\"")));

        Assert.Equal("say \"hi\"", JsonNode.Parse(body)!["s"]!.GetValue<string>());
    }

    [Fact]
    public void Escaped_backslash_before_closing_quote_ends_the_string()
    {
        // "a\\" closes the string, so the next placeholder is unquoted and keeps its number type.
        var body = RenderJson("{\"p\": \"a\\\\\", \"n\": {{n}}}", Scopes.With(("n", "3")));

        Assert.Equal(3, JsonNode.Parse(body)!["n"]!.GetValue<int>());
    }

    [Fact]
    public void String_state_is_tracked_across_several_placeholders()
    {
        var body = RenderJson("{\"a\": \"{{x}}-{{y}}\", \"b\": {{y}}}", Scopes.With(("x", "\"q\\\"\""), ("y", "2")));

        var parsed = JsonNode.Parse(body)!;
        Assert.Equal("q\"-2", parsed["a"]!.GetValue<string>());
        Assert.Equal(2, parsed["b"]!.GetValue<int>());
    }

    [Fact]
    public void Unquoted_default_that_is_json_is_inserted_as_json()
    {
        var body = RenderJson("{\"n\": {{n | default: 5}}, \"a\": {{a | default: [1, \"x\"]}}, \"s\": {{s | default: \"q\"}}}", new VariableScope());

        Assert.Equal("{\"n\": 5, \"a\": [1,\"x\"], \"s\": \"q\"}", body);
    }

    [Fact]
    public void Unquoted_default_that_is_not_json_becomes_a_json_string()
    {
        var body = RenderJson("{\"user\": {{user | default: admin}}}", new VariableScope());

        Assert.Equal("admin", JsonNode.Parse(body)!["user"]!.GetValue<string>());
    }

    [Fact]
    public void Default_with_escaped_quotes_inside_a_json_string_is_inserted_as_text()
    {
        var body = RenderJson("{\"password\": \"{{password | default: \\\"Test@123\\\"}}\"}", new VariableScope());

        Assert.Equal("Test@123", JsonNode.Parse(body)!["password"]!.GetValue<string>());
    }

    [Fact]
    public void Unquoted_numeric_built_in_stays_a_number_and_string_built_in_is_quoted()
    {
        var body = RenderJson("{\"t\": {{$timestamp}}, \"id\": {{$uuid}}}", new VariableScope());

        var parsed = JsonNode.Parse(body)!;
        Assert.Equal(Scopes.Now.ToUnixTimeSeconds(), parsed["t"]!.GetValue<long>());
        Assert.True(Guid.TryParse(parsed["id"]!.GetValue<string>(), out _));
    }

    [Fact]
    public void Undefined_variable_in_a_json_body_is_an_error()
    {
        var result = TemplateRenderer.RenderBody(Templates.Parse("{\"id\": {{id}}}"), new VariableScope(), Scopes.BuiltIns(), isJson: true);

        Assert.False(result.Succeeded);
        Assert.Equal("id", result.Error!.VariableName);
    }
}
