using Pacer.Core.Assertions;
using Pacer.Core.Flow.Syntax;
using Pacer.Core.Tests.Templating.Support;
using Xunit;
using static Pacer.Core.Tests.Assertions.Support.Asserts;

namespace Pacer.Core.Tests.Assertions;

/// <summary>Templates on the right-hand side: <c>== {{id}}</c> keeps types, <c>== "{{id}}"</c> is a string.</summary>
public class TemplateOperandAssertionTests
{
    private const string Body = """{"data": {"id": 42, "idText": "42", "name": "bob", "user": {"a": [1]}, "flag": true}}""";

    [Fact]
    public void Unquoted_template_with_a_captured_number_compares_as_a_number()
    {
        var scope = Scopes.With(("id", "42"));

        Assert.True(Check(Body, "data.id", AssertOperator.Equal, Tpl("{{id}}"), scope).Passed);
        Assert.False(Check(Body, "data.idText", AssertOperator.Equal, Tpl("{{id}}"), scope).Passed);
    }

    [Fact]
    public void Unquoted_template_with_a_captured_object_compares_deeply()
    {
        Assert.True(Check(Body, "data.user", AssertOperator.Equal, Tpl("{{u}}"), Scopes.With(("u", "{\"a\":[1.0]}"))).Passed);
    }

    [Fact]
    public void Quoted_template_is_always_a_string()
    {
        var scope = Scopes.With(("id", "42"), ("name", "\"bob\""));

        Assert.True(Check(Body, "data.idText", AssertOperator.Equal, Tpl("{{id}}", quoted: true), scope).Passed);
        Assert.False(Check(Body, "data.id", AssertOperator.Equal, Tpl("{{id}}", quoted: true), scope).Passed);
        Assert.True(Check(Body, "data.name", AssertOperator.Equal, Tpl("{{name}}", quoted: true), scope).Passed);
    }

    [Theory]
    [InlineData("data.id", "42")]
    [InlineData("data.flag", "true")]
    public void Unquoted_template_whose_string_variable_is_a_json_literal_reads_as_that_value(string path, string text)
    {
        // --var id=42 can only deliver the string "42"; written unquoted, the author asked for the number.
        var outcome = Check(Body, path, AssertOperator.Equal, Tpl("{{v}}"), Scopes.WithStrings(("v", text)));

        Assert.True(outcome.Passed, outcome.Message);
    }

    [Fact]
    public void Unquoted_template_with_a_captured_numeric_string_compares_as_that_string()
    {
        // Captured values keep the server's types: an id captured as "42" still equals the string "42".
        var scope = Scopes.With(("id", "\"42\""));

        Assert.True(Check(Body, "data.idText", AssertOperator.Equal, Tpl("{{id}}"), scope).Passed);
        var outcome = Check(Body, "data.id", AssertOperator.Equal, Tpl("{{id}}"), scope);
        Assert.False(outcome.Passed);
        Assert.Contains("expected \"42\" (string), got 42 (number)", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unquoted_template_whose_string_is_not_a_literal_stays_a_string()
    {
        Assert.True(Check(Body, "data.name", AssertOperator.Equal, Tpl("{{v}}"), Scopes.WithStrings(("v", "bob"))).Passed);
    }

    [Fact]
    public void Quoted_template_with_a_command_line_number_stays_a_string()
    {
        var outcome = Check(Body, "data.id", AssertOperator.Equal, Tpl("{{v}}", quoted: true), Scopes.WithStrings(("v", "42")));

        Assert.False(outcome.Passed);
        Assert.Equal("\"42\" (string)", outcome.Expected);
    }

    [Fact]
    public void Undefined_variable_fails_the_assertion_naming_the_variable_and_its_position()
    {
        var outcome = Check(Body, "data.id", AssertOperator.Equal, Tpl("{{project_id}}"));

        Assert.False(outcome.Passed);
        Assert.Equal(AssertionEvaluator.NotEvaluated, outcome.Expected);
        Assert.Equal("42 (number)", outcome.Actual);
        Assert.StartsWith("data.id: variable 'project_id' is not defined", outcome.Message, StringComparison.Ordinal);
        Assert.EndsWith("(at flow.md:30:1)", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_in_an_operand_is_used_when_the_variable_is_undefined()
    {
        Assert.True(Check(Body, "data.id", AssertOperator.Equal, Tpl("{{id | default: 42}}")).Passed);
        Assert.True(Check(Body, "data.name", AssertOperator.Equal, Tpl("{{n | default: \"bob\"}}", quoted: true)).Passed);
    }

    [Fact]
    public void Quoted_template_mixing_text_and_variables_renders_text()
    {
        var outcome = Check("{\"email\": \"user-7@x.io\"}", "email", AssertOperator.Equal, Tpl("user-{{n}}@x.io", quoted: true), Scopes.With(("n", "7")));

        Assert.True(outcome.Passed, outcome.Message);
    }

    [Fact]
    public void Built_in_in_an_operand_is_resolved()
    {
        var now = Scopes.Now.ToUnixTimeSeconds();

        Assert.True(Check($"{{\"t\": {now}}}", "t", AssertOperator.Equal, Tpl("{{$timestamp}}")).Passed);
        Assert.True(Check($"{{\"t\": {now - 5}}}", "t", AssertOperator.Less, Tpl("{{$timestamp}}")).Passed);
    }

    [Fact]
    public void Missing_expected_operand_fails_instead_of_throwing()
    {
        var outcome = Check(Body, "data.id", AssertOperator.Equal);

        Assert.False(outcome.Passed);
        Assert.Contains("needs a value on the right", outcome.Message, StringComparison.Ordinal);
    }
}
