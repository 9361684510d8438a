using System.Text.Json.Nodes;

namespace Pacer.Core.Flow.Syntax;

public enum AssertOperator
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Exists,
    NotExists,
    Contains,
    NotContains,
    Matches,
    StartsWith,
    EndsWith,
    In,
    IsType,
}

/// <summary>
/// One line of <c>[Asserts]</c> or <c>[Soft Asserts]</c>. <see cref="Expected"/> is null for
/// <c>exists</c>/<c>not exists</c>. <see cref="Text"/> is the line as written (without comments).
/// </summary>
public sealed record AssertionNode(
    ValuePath Subject,
    AssertOperator Operator,
    Operand? Expected,
    bool IsSoft,
    string Text,
    SourceSpan Span);

/// <summary>The right-hand side of an assertion.</summary>
public abstract record Operand(SourceSpan Span);

/// <summary>A JSON literal: number, quoted string, true, false, null.</summary>
public sealed record LiteralOperand(JsonNode? Value, SourceSpan Span) : Operand(Span);

/// <summary>
/// A template. Quoted (<c>"{{user}}"</c>) always yields a string; unquoted (<c>{{id}}</c>)
/// yields the variable's own JSON value, so a captured number compares as a number.
/// </summary>
public sealed record TemplateOperand(Template Template, bool Quoted, SourceSpan Span) : Operand(Span);

/// <summary><c>[a, b, c]</c> for <c>in</c>.</summary>
public sealed record ListOperand(IReadOnlyList<Operand> Items, SourceSpan Span) : Operand(Span);

/// <summary><c>500ms</c>, <c>1s</c>, or a plain number meaning milliseconds when compared with <c>duration</c>.</summary>
public sealed record DurationOperand(double Milliseconds, SourceSpan Span) : Operand(Span);

/// <summary><c>{{before}} + 1</c>: <see cref="Operator"/> is one of + - * /.</summary>
public sealed record ArithmeticOperand(Operand Left, char Operator, Operand Right, SourceSpan Span) : Operand(Span);

/// <summary>The type name of <c>isType</c> / <c>is</c>: string, number, boolean, array, object, null.</summary>
public sealed record TypeNameOperand(string TypeName, SourceSpan Span) : Operand(Span);
