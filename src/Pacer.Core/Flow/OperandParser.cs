using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pacer.Core.Flow.Syntax;

namespace Pacer.Core.Flow;

/// <summary>
/// Reads the right-hand side of an assertion: literals, durations (<c>500ms</c>, <c>1s</c>),
/// templates quoted or not, lists for <c>in</c>, type names, and arithmetic (<c>{{before}} + 1</c>).
/// </summary>
internal static partial class OperandParser
{
    public static Operand? ParseFor(AssertOperator op, string operatorText, ValuePath subject, LineCursor cursor)
    {
        cursor.SkipSpaces();
        switch (op)
        {
            case AssertOperator.Exists or AssertOperator.NotExists:
                return null;
            case AssertOperator.IsType:
                return ParseTypeName(cursor);
            case AssertOperator.In:
                if (cursor.Peek() != '[')
                {
                    cursor.Error("expected a list after `in`, such as `[200, 201]`", cursor.Position, 1);
                    return null;
                }

                return ParseList(cursor, subject);
        }

        if (cursor.AtEnd)
        {
            cursor.Error($"expected a value after `{operatorText}`", cursor.Position, 1);
            return null;
        }

        var start = cursor.Position;
        var operand = ParseArithmetic(cursor, subject);
        if (operand is null)
        {
            return null;
        }

        if (op == AssertOperator.Matches)
        {
            return ValidatePattern(operand, cursor, start);
        }

        return operand;
    }

    private static TypeNameOperand? ParseTypeName(LineCursor cursor)
    {
        var start = cursor.Position;
        var word = cursor.ReadWord();
        if (AssertionOperators.TypeNames.Contains(word))
        {
            return new TypeNameOperand(word, cursor.SpanAt(start, word.Length));
        }

        var written = word.Length > 0 ? word : cursor.Text[start..];
        cursor.Error(
            $"`{written}` is not a type: use string, number, boolean, array, object or null",
            start,
            written.Length,
            suggestion: Suggestions.Closest(written, AssertionOperators.TypeNames));
        return null;
    }

    private static Operand? ValidatePattern(Operand operand, LineCursor cursor, int start)
    {
        if (operand is TemplateOperand)
        {
            return operand;
        }

        if (operand is not LiteralOperand { Value: JsonValue value } || !value.TryGetValue<string>(out var pattern))
        {
            cursor.Error("`matches` needs a quoted regular expression, such as `\"^[0-9]+$\"`", start, cursor.Position - start);
            return null;
        }

        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            return operand;
        }
        catch (ArgumentException exception)
        {
            cursor.Error($"invalid regular expression: {exception.Message}", start, cursor.Position - start, DiagnosticCodes.InvalidRegex);
            return null;
        }
    }

    private static ListOperand? ParseList(LineCursor cursor, ValuePath subject)
    {
        var start = cursor.Position;
        cursor.Advance();
        var items = new List<Operand>();
        cursor.SkipSpaces();
        if (cursor.Peek() == ']')
        {
            cursor.Advance();
            return new ListOperand(items, cursor.SpanAt(start, cursor.Position - start));
        }

        while (true)
        {
            cursor.SkipSpaces();
            var item = ParseArithmetic(cursor, subject);
            if (item is null)
            {
                return null;
            }

            items.Add(item);
            cursor.SkipSpaces();
            if (cursor.Peek() == ',')
            {
                cursor.Advance();
                continue;
            }

            if (cursor.Peek() == ']')
            {
                cursor.Advance();
                return new ListOperand(items, cursor.SpanAt(start, cursor.Position - start));
            }

            cursor.Error("expected `,` or `]` in the list", cursor.Position, 1);
            return null;
        }
    }

    /// <summary>Left-associative, with * and / binding tighter than + and -.</summary>
    private static Operand? ParseArithmetic(LineCursor cursor, ValuePath subject)
    {
        var start = cursor.Position;
        var left = ParseTerm(cursor, subject);
        while (left is not null)
        {
            var save = cursor.Position;
            cursor.SkipSpaces();
            var op = cursor.Peek();
            if (op is not ('+' or '-'))
            {
                cursor.Position = save;
                return left;
            }

            cursor.Advance();
            cursor.SkipSpaces();
            var right = ParseTerm(cursor, subject);
            left = right is null ? null : new ArithmeticOperand(left, op, right, cursor.SpanAt(start, cursor.Position - start));
        }

        return left;
    }

    private static Operand? ParseTerm(LineCursor cursor, ValuePath subject)
    {
        var start = cursor.Position;
        var left = ParsePrimary(cursor, subject);
        while (left is not null)
        {
            var save = cursor.Position;
            cursor.SkipSpaces();
            var op = cursor.Peek();
            if (op is not ('*' or '/'))
            {
                cursor.Position = save;
                return left;
            }

            cursor.Advance();
            cursor.SkipSpaces();
            var right = ParsePrimary(cursor, subject);
            left = right is null ? null : new ArithmeticOperand(left, op, right, cursor.SpanAt(start, cursor.Position - start));
        }

        return left;
    }

    private static Operand? ParsePrimary(LineCursor cursor, ValuePath subject)
    {
        var start = cursor.Position;
        var c = cursor.Peek();
        if (c is '"' or '\'')
        {
            return LiteralParser.ParseQuoted(cursor);
        }

        if (c == '{' && cursor.Peek(1) == '{')
        {
            var close = cursor.Text.IndexOf("}}", start + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                cursor.Error("`{{` is not closed by `}}`", start, 2, DiagnosticCodes.UnclosedPlaceholder);
                return null;
            }

            cursor.Position = close + 2;
            var template = TemplateParser.Parse(cursor.Text[start..cursor.Position], cursor.SpanAt(start, 0), cursor.Context);
            return new TemplateOperand(template, false, cursor.SpanAt(start, cursor.Position - start));
        }

        var number = LiteralParser.NumberPattern().Match(cursor.Text, start);
        if (number.Success && number.Index == start)
        {
            return LiteralParser.ParseNumber(cursor, subject, number);
        }

        var word = cursor.ReadWord();
        switch (word)
        {
            case "true":
                return new LiteralOperand(JsonValue.Create(true), cursor.SpanAt(start, 4));
            case "false":
                return new LiteralOperand(JsonValue.Create(false), cursor.SpanAt(start, 5));
            case "null":
                return new LiteralOperand(null, cursor.SpanAt(start, 4));
        }

        cursor.Position = start;
        var bare = BareTokenPattern().Match(cursor.Text, start).Value;
        if (bare.Length == 0)
        {
            cursor.Error($"expected a value, found `{c}`", start, 1);
            return null;
        }

        cursor.Error($"`{bare}` is not a value: quote text, e.g. \"{bare}\"", start, bare.Length, suggestion: $"\"{bare}\"");
        return null;
    }

    [GeneratedRegex(@"\G[^\s,\]]+")]
    private static partial Regex BareTokenPattern();
}
