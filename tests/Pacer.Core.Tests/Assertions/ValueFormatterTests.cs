using System.Text.Json.Nodes;
using Pacer.Core.Assertions;
using Xunit;

namespace Pacer.Core.Tests.Assertions;

public class ValueFormatterTests
{
    [Theory]
    [InlineData("0", "0 (number)")]
    [InlineData("1.50", "1.50 (number)")]
    [InlineData("\"0\"", "\"0\" (string)")]
    [InlineData("\"say \\\"hi\\\"\"", "\"say \\\"hi\\\"\" (string)")]
    [InlineData("\"héllo\"", "\"héllo\" (string)")]
    [InlineData("true", "true (boolean)")]
    [InlineData("null", "null")]
    [InlineData("[1, 2]", "[1,2] (array)")]
    [InlineData("{\"a\": {\"b\": 1}}", "{\"a\":{\"b\":1}} (object)")]
    public void Shows_compact_json_with_its_type(string json, string expected)
    {
        Assert.Equal(expected, ValueFormatter.Format(JsonNode.Parse(json)));
    }

    [Fact]
    public void Long_values_are_truncated_with_an_ellipsis()
    {
        var formatted = ValueFormatter.Format(JsonValue.Create(new string('x', 500)));

        Assert.Equal(ValueFormatter.MaxLength + 1 + " (string)".Length, formatted.Length);
        Assert.EndsWith("x… (string)", formatted, StringComparison.Ordinal);
        Assert.StartsWith("\"xxx", formatted, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_at_the_limit_are_not_truncated()
    {
        var text = new string('y', ValueFormatter.MaxLength - 2);

        Assert.Equal($"\"{text}\" (string)", ValueFormatter.Format(JsonValue.Create(text)));
    }

    [Fact]
    public void Control_characters_are_shown_escaped()
    {
        Assert.Equal("\"a\\nb\" (string)", ValueFormatter.Format(JsonValue.Create("a\nb")));
    }
}
