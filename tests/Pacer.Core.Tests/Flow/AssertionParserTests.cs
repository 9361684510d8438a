using System.Text.Json.Nodes;
using Pacer.Core.Flow;
using Pacer.Core.Flow.Syntax;
using Xunit;
using static Pacer.Core.Tests.Flow.Parsing;

namespace Pacer.Core.Tests.Flow;

public class AssertionParserTests
{
    private static AssertionNode ParseOne(string assertion) =>
        Assert.Single(Step($"GET /x\n\n[Asserts]\n{assertion}").Assertions);

    [Theory]
    [InlineData("status == 200", AssertOperator.Equal)]
    [InlineData("status = 200", AssertOperator.Equal)]
    [InlineData("status != 200", AssertOperator.NotEqual)]
    [InlineData("status < 300", AssertOperator.Less)]
    [InlineData("status <= 300", AssertOperator.LessOrEqual)]
    [InlineData("status > 199", AssertOperator.Greater)]
    [InlineData("status >= 200", AssertOperator.GreaterOrEqual)]
    [InlineData("status==200", AssertOperator.Equal)]
    [InlineData("body.id exists", AssertOperator.Exists)]
    [InlineData("body.id not exists", AssertOperator.NotExists)]
    [InlineData("body.name contains \"x\"", AssertOperator.Contains)]
    [InlineData("body.name not contains \"x\"", AssertOperator.NotContains)]
    [InlineData("body.name matches \"^a+$\"", AssertOperator.Matches)]
    [InlineData("body.name startsWith \"a\"", AssertOperator.StartsWith)]
    [InlineData("body.name endsWith \"z\"", AssertOperator.EndsWith)]
    [InlineData("status in [200, 201]", AssertOperator.In)]
    [InlineData("body.items isType array", AssertOperator.IsType)]
    [InlineData("body.items is array", AssertOperator.IsType)]
    public void Reads_every_operator(string text, AssertOperator expected) =>
        Assert.Equal(expected, ParseOne(text).Operator);

    [Fact]
    public void Exists_has_no_expected_value_and_keeps_the_text_without_prefix_or_comment()
    {
        var assertion = ParseOne("- body.data.id exists   // the id is assigned by the server");

        Assert.Null(assertion.Expected);
        Assert.Equal("body.data.id exists", assertion.Text);
        Assert.Equal((5, 3), (assertion.Span.Line, assertion.Span.Column));
    }

    [Theory]
    [InlineData("body.n == 42", "42")]
    [InlineData("body.n == -7", "-7")]
    [InlineData("body.n == 3.25", "3.25")]
    [InlineData("body.n == 1e3", "1000")]
    [InlineData("body.s == \"Perf Test Project\"", "\"Perf Test Project\"")]
    [InlineData("body.s == 'single'", "\"single\"")]
    [InlineData("body.s == \"say \\\"hi\\\"\"", "\"say \\u0022hi\\u0022\"")]
    [InlineData("body.b == true", "true")]
    [InlineData("body.b == false", "false")]
    public void Reads_literals_as_json_values(string text, string json)
    {
        var literal = Assert.IsType<LiteralOperand>(ParseOne(text).Expected);

        Assert.Equal(json, literal.Value!.ToJsonString());
    }

    [Fact]
    public void Reads_null_literal()
    {
        var literal = Assert.IsType<LiteralOperand>(ParseOne("body.deleted == null").Expected);

        Assert.Null(literal.Value);
    }

    [Fact]
    public void Keeps_whole_numbers_as_integers()
    {
        var literal = Assert.IsType<LiteralOperand>(ParseOne("body.code == 0").Expected);

        Assert.True(literal.Value!.AsValue().TryGetValue<long>(out var value));
        Assert.Equal(0, value);
    }

    [Theory]
    [InlineData("duration < 500ms", 500)]
    [InlineData("duration < 1s", 1000)]
    [InlineData("duration < 1.5s", 1500)]
    [InlineData("duration < 500", 500)]
    [InlineData("duration < 200 ms", 200)]
    [InlineData("duration <= 1.5 s", 1500)]
    public void Reads_durations_in_milliseconds(string text, double milliseconds)
    {
        var assertion = ParseOne(text);

        Assert.Equal(PathRoot.Duration, assertion.Subject.Root);
        Assert.Equal(milliseconds, Assert.IsType<DurationOperand>(assertion.Expected).Milliseconds);
    }

    [Fact]
    public void Unquoted_template_keeps_its_json_type_and_exact_column()
    {
        var operand = Assert.IsType<TemplateOperand>(ParseOne("body.data.id == {{project_id}}").Expected);

        Assert.False(operand.Quoted);
        Assert.Equal(["project_id"], operand.Template.VariableNames);
        Assert.Equal((5, 17), (operand.Span.Line, operand.Span.Column));
        Assert.Equal(17, operand.Template.PositionOf(operand.Template.Parts[0].Offset).Column);
    }

    [Fact]
    public void Quoted_template_is_a_string_template_positioned_inside_the_quotes()
    {
        var operand = Assert.IsType<TemplateOperand>(ParseOne("body.data.username == \"{{registered_username}}\"").Expected);

        Assert.True(operand.Quoted);
        Assert.Equal("{{registered_username}}", operand.Template.Raw);
        Assert.Equal(24, operand.Template.Span.Column);
    }

    [Fact]
    public void Reads_arithmetic_on_the_right_with_precedence()
    {
        var operand = Assert.IsType<ArithmeticOperand>(ParseOne("body.count == {{before}} + 2 * 3").Expected);

        Assert.Equal('+', operand.Operator);
        Assert.IsType<TemplateOperand>(operand.Left);
        var product = Assert.IsType<ArithmeticOperand>(operand.Right);
        Assert.Equal('*', product.Operator);
    }

    [Theory]
    [InlineData("body.count == {{before}} - 1", '-')]
    [InlineData("body.count == {{before}} / 2", '/')]
    public void Reads_every_arithmetic_operator(string text, char op) =>
        Assert.Equal(op, Assert.IsType<ArithmeticOperand>(ParseOne(text).Expected).Operator);

    [Fact]
    public void Reads_lists_for_in()
    {
        var list = Assert.IsType<ListOperand>(ParseOne("status in [200, 201, 404]  // may not be implemented").Expected);

        Assert.Equal(["200", "201", "404"], list.Items.Cast<LiteralOperand>().Select(i => i.Value!.ToJsonString()));
    }

    [Fact]
    public void Infix_length_appends_a_length_segment()
    {
        var assertion = ParseOne("body.items length == 3");

        Assert.Equal([new PropertySegment("items"), new LengthSegment()], assertion.Subject.Segments);
        Assert.Equal("body.items length", assertion.Subject.Text);
    }

    [Fact]
    public void Dot_length_is_a_property_segment()
    {
        var assertion = ParseOne("body.items.length == 3");

        Assert.Equal([new PropertySegment("items"), new PropertySegment("length")], assertion.Subject.Segments);
    }

    [Fact]
    public void Is_reads_a_type_name()
    {
        var type = Assert.IsType<TypeNameOperand>(ParseOne("body.data.items is array").Expected);

        Assert.Equal("array", type.TypeName);
    }

    [Fact]
    public void Matches_keeps_the_pattern_as_a_string()
    {
        var literal = Assert.IsType<LiteralOperand>(ParseOne("header.Location matches \"^/orders/[0-9]+$\"").Expected);

        Assert.Equal("^/orders/[0-9]+$", literal.Value!.GetValue<string>());
    }

    [Fact]
    public void Comment_marker_inside_a_string_is_not_a_comment()
    {
        var literal = Assert.IsType<LiteralOperand>(ParseOne("body.url == \"http://example.com\"").Expected);

        Assert.Equal("http://example.com", literal.Value!.GetValue<string>());
    }

    [Fact]
    public void Header_subject_keeps_the_header_name()
    {
        var assertion = ParseOne("header.Content-Type contains \"json\"");

        Assert.Equal(PathRoot.Header, assertion.Subject.Root);
        Assert.Equal("Content-Type", assertion.Subject.HeaderName);
        Assert.Equal(JsonValue.Create("json")!.ToJsonString(), ((LiteralOperand)assertion.Expected!).Value!.ToJsonString());
    }
}
