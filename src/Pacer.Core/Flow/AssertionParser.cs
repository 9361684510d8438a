using System.Text.RegularExpressions;
using Pacer.Core.Flow.Syntax;

namespace Pacer.Core.Flow;

/// <summary>
/// Parses one assertion line: <c>subject [length] operator [operand]</c>. Anything it cannot read
/// is reported at the exact column, because kest silently failed such lines at run time.
/// </summary>
internal static class AssertionParser
{
    /// <param name="text">The assertion without its <c>- </c> prefix and trailing comment.</param>
    /// <param name="line">The line number.</param>
    /// <param name="column">The column of <paramref name="text"/>'s first character.</param>
    public static AssertionNode? Parse(string text, int line, int column, bool isSoft, ParseContext context)
    {
        var cursor = new LineCursor(text, line, column, context);
        var subject = ReadSubject(cursor);
        if (subject is null)
        {
            return null;
        }

        cursor.SkipSpaces();
        var operatorStart = cursor.Position;
        var op = ReadOperator(cursor, subject);
        if (op is null)
        {
            return null;
        }

        var operatorText = text[operatorStart..cursor.Position];
        var expected = OperandParser.ParseFor(op.Value, operatorText, subject, cursor);
        if (expected is null && op is not (AssertOperator.Exists or AssertOperator.NotExists))
        {
            return null;
        }

        cursor.SkipSpaces();
        if (!cursor.AtEnd)
        {
            var rest = text[cursor.Position..];
            cursor.Error($"unexpected `{rest}` after the assertion", cursor.Position, rest.Length);
            return null;
        }

        return new AssertionNode(subject, op.Value, expected, isSoft, text, context.Span(line, column, text.Length));
    }

    private static ValuePath? ReadSubject(LineCursor cursor)
    {
        var start = cursor.Position;
        var depth = 0;
        while (!cursor.AtEnd)
        {
            var c = cursor.Peek();
            if (c == '[')
            {
                depth++;
            }
            else if (c == ']')
            {
                depth--;
            }
            else if (depth <= 0 && (char.IsWhiteSpace(c) || c is '=' or '!' or '<' or '>'))
            {
                break;
            }

            cursor.Advance();
        }

        var text = cursor.Text[start..cursor.Position];
        if (text.Length == 0)
        {
            cursor.Error("expected a subject such as `status` or `body.id` before the operator", start, 1);
            return null;
        }

        var (path, error) = PathParser.Parse(text);
        if (error is not null)
        {
            cursor.Error(error.Message, start + error.Offset, Math.Max(1, error.Length), DiagnosticCodes.InvalidPath);
            return null;
        }

        KeywordLookalikes.Check(path!, start, cursor);

        // `body.items length == 3`: the infix word always counts.
        var afterSubject = cursor.Position;
        cursor.SkipSpaces();
        if (cursor.TryWord("length"))
        {
            return path! with
            {
                Segments = [.. path!.Segments, new LengthSegment()],
                Text = cursor.Text[start..cursor.Position],
            };
        }

        cursor.Position = afterSubject;
        return path;
    }

    private static AssertOperator? ReadOperator(LineCursor cursor, ValuePath subject)
    {
        if (cursor.AtEnd)
        {
            cursor.Error($"expected an operator after `{subject.Text}` (`==`, `exists`, `contains`, ...)", cursor.Position, 1);
            return null;
        }

        var start = cursor.Position;
        if (cursor.Peek() is '=' or '!' or '<' or '>')
        {
            while (!cursor.AtEnd && cursor.Peek() is '=' or '!' or '<' or '>')
            {
                cursor.Advance();
            }

            var symbol = cursor.Text[start..cursor.Position];
            if (symbol == "!" && ReadBangWord(cursor, start) is { } negated)
            {
                return negated;
            }

            var op = AssertionOperators.FromSymbol(symbol);
            if (op is null)
            {
                cursor.Error($"unknown operator `{symbol}`", start, symbol.Length, suggestion: AssertionOperators.SuggestSymbol(symbol));
            }

            return op;
        }

        var word = cursor.ReadWord();
        if (word.Equals("not", StringComparison.OrdinalIgnoreCase))
        {
            cursor.SkipSpaces();
            var negated = cursor.ReadWord();
            if (negated.Equals("exists", StringComparison.OrdinalIgnoreCase))
            {
                return AssertOperator.NotExists;
            }

            if (negated.Equals("contains", StringComparison.OrdinalIgnoreCase))
            {
                return AssertOperator.NotContains;
            }

            cursor.Error("`not` must be followed by `exists` or `contains`", start, cursor.Position - start);
            return null;
        }

        var wordOperator = word.Length > 0 ? AssertionOperators.FromWord(word) : null;
        if (wordOperator is null)
        {
            var written = word.Length > 0 ? word : cursor.Text[start..].Split(' ')[0];
            cursor.Error(
                $"unknown operator `{written}`",
                start,
                Math.Max(1, written.Length),
                suggestion: Suggestions.Closest(written, AssertionOperators.Words));
        }

        return wordOperator;
    }

    /// <summary>
    /// <c>body.x !exists</c> appears in published kest files although kest has no such operator (it
    /// failed at run time). What it means is plain, so it is read as <c>not exists</c> (and
    /// <c>!contains</c> as <c>not contains</c>) with a warning naming the standard form.
    /// </summary>
    private static AssertOperator? ReadBangWord(LineCursor cursor, int start)
    {
        var wordStart = cursor.Position;
        var word = cursor.ReadWord();
        AssertOperator? negated = word.ToLowerInvariant() switch
        {
            "exists" => AssertOperator.NotExists,
            "contains" => AssertOperator.NotContains,
            _ => null,
        };
        if (negated is null)
        {
            cursor.Position = wordStart;
            return null;
        }

        var standard = "not " + word.ToLowerInvariant();
        cursor.Context.Warning(
            DiagnosticCodes.NonStandardSpelling,
            $"`!{word}` is not an operator (kest failed such lines at run time); it is read as `{standard}`, the standard form",
            cursor.SpanAt(start, cursor.Position - start),
            standard);
        return negated;
    }
}
