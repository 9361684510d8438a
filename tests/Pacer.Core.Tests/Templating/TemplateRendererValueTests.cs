using System.Text.Json;
using System.Text.Json.Nodes;
using Pacer.Core.Templating;
using Pacer.Core.Tests.Templating.Support;
using Xunit;

namespace Pacer.Core.Tests.Templating;

/// <summary>RenderValue: how an unquoted template operand (<c>== {{id}}</c>) becomes a typed value.</summary>
public class TemplateRendererValueTests
{
    private static JsonNode? Value(string raw, VariableScope scope)
    {
        var result = TemplateRenderer.RenderValue(Templates.Parse(raw), scope, Scopes.BuiltIns());
        Assert.True(result.Succeeded, result.Error?.Message);
        return result.Value;
    }

    [Fact]
    public void Single_variable_keeps_its_json_type()
    {
        Assert.Equal(JsonValueKind.Number, Value("{{id}}", Scopes.With(("id", "5")))!.GetValueKind());
        Assert.Equal(JsonValueKind.Object, Value("{{o}}", Scopes.With(("o", "{\"a\":1}")))!.GetValueKind());
        Assert.Equal("abc", Value("{{s}}", Scopes.With(("s", "\"abc\"")))!.GetValue<string>());
    }

    [Theory]
    [InlineData("5", JsonValueKind.Number)]
    [InlineData("-1.25e3", JsonValueKind.Number)]
    [InlineData("true", JsonValueKind.True)]
    [InlineData("false", JsonValueKind.False)]
    [InlineData("null", JsonValueKind.Null)]
    [InlineData("0123", JsonValueKind.String)]
    [InlineData(" 5", JsonValueKind.String)]
    [InlineData("5 ", JsonValueKind.String)]
    [InlineData("\"5\"", JsonValueKind.String)]
    [InlineData("[1]", JsonValueKind.String)]
    [InlineData("abc", JsonValueKind.String)]
    [InlineData("", JsonValueKind.String)]
    public void String_variable_that_is_exactly_a_json_scalar_literal_is_read_as_that_value(string text, JsonValueKind kind)
    {
        var value = Value("{{v}}", Scopes.WithStrings(("v", text)));

        Assert.Equal(kind, value is null ? JsonValueKind.Null : value.GetValueKind());
        if (kind == JsonValueKind.String)
        {
            Assert.Equal(text, value!.GetValue<string>());
        }
    }

    [Fact]
    public void Default_text_is_read_as_a_json_scalar_when_it_is_one()
    {
        Assert.Equal(JsonValueKind.Number, Value("{{n | default: 10}}", new VariableScope())!.GetValueKind());
        Assert.Equal("admin", Value("{{u | default: \"admin\"}}", new VariableScope())!.GetValue<string>());
    }

    [Fact]
    public void Numeric_built_in_is_a_number()
    {
        Assert.Equal(Scopes.Now.ToUnixTimeSeconds(), Value("{{$timestamp}}", new VariableScope())!.GetValue<long>());
    }

    [Fact]
    public void Mixed_template_renders_text_then_reads_scalar_literals()
    {
        Assert.Equal("id-5", Value("id-{{n}}", Scopes.With(("n", "5")))!.GetValue<string>());
        Assert.Equal(JsonValueKind.Number, Value("{{a}}{{b}}", Scopes.With(("a", "1"), ("b", "2")))!.GetValueKind());
    }

    [Fact]
    public void Returned_value_is_a_copy_that_does_not_alias_the_scope()
    {
        var scope = Scopes.With(("o", "{\"a\":1}"));

        var value = Value("{{o}}", scope)!;
        value["a"] = 2;

        scope.TryGet("o", out var stored);
        Assert.Equal(1, stored!["a"]!.GetValue<int>());
    }

    [Fact]
    public void Undefined_variable_is_an_error()
    {
        var result = TemplateRenderer.RenderValue(Templates.Parse("{{nope}}"), new VariableScope(), Scopes.BuiltIns());

        Assert.False(result.Succeeded);
        Assert.Equal("nope", result.Error!.VariableName);
    }
}
