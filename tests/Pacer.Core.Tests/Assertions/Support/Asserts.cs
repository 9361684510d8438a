using System.Text.Json.Nodes;
using Pacer.Core.Assertions;
using Pacer.Core.Flow.Syntax;
using Pacer.Core.Http;
using Pacer.Core.Templating;
using Pacer.Core.Tests.Templating.Support;

namespace Pacer.Core.Tests.Assertions.Support;

/// <summary>Builds assertion nodes and operands by hand, as the parser would, and evaluates them.</summary>
public static class Asserts
{
    private static readonly SourceSpan Here = new("flow.md", 30, 1, 10);

    public static AssertionNode Node(string subject, AssertOperator op, Operand? expected = null, bool soft = false) =>
        new(Paths.Parse(subject), op, expected, soft, $"{subject} {op}", Here);

    /// <summary>A literal written as JSON text: <c>Lit("0")</c>, <c>Lit("\"0\"")</c>, <c>Lit("null")</c>.</summary>
    public static LiteralOperand Lit(string json) => new(JsonNode.Parse(json), Here);

    public static LiteralOperand Str(string text) => new(JsonValue.Create(text), Here);

    public static TemplateOperand Tpl(string raw, bool quoted = false) => new(Templates.Parse(raw, Here), quoted, Here);

    public static ListOperand List(params Operand[] items) => new(items, Here);

    public static DurationOperand Ms(double milliseconds) => new(milliseconds, Here);

    public static ArithmeticOperand Arith(Operand left, char op, Operand right) => new(left, op, right, Here);

    public static TypeNameOperand Type(string name) => new(name, Here);

    public static AssertionOutcome Evaluate(AssertionNode node, ResponseSnapshot response, VariableScope? variables = null) =>
        AssertionEvaluator.Evaluate(node, response, variables ?? new VariableScope(), Scopes.BuiltIns());

    /// <summary>Evaluates <paramref name="subject"/> against a JSON body in one call.</summary>
    public static AssertionOutcome Check(string body, string subject, AssertOperator op, Operand? expected = null, VariableScope? variables = null) =>
        Evaluate(Node(subject, op, expected), Responses.Json(body), variables);
}
