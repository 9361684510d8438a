using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pacer.Core.Flow.Syntax;

namespace Pacer.Core.Flow;

/// <summary>
/// Literal operands: numbers (whole numbers stay integers so <c>0</c> compares as <c>0</c>), durations
/// when the subject is <c>duration</c>, and strings in double or single quotes (a quoted string
/// holding <c>{{...}}</c> becomes a quoted template).
/// </summary>
internal static partial class LiteralParser
{
    public static Operand? ParseNumber(LineCursor cursor, ValuePath subject, Match number)
    {
        var start = cursor.Position;
        cursor.Position = start + number.Length;
        var value = double.Parse(number.Groups["number"].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
        var unit = number.Groups["unit"].Value;
        var span = cursor.SpanAt(start, number.Length);
        if (!double.IsFinite(value))
        {
            cursor.Error("number is too large", start, number.Length);
            return null;
        }

        if (unit.Length > 0 || subject.Root == PathRoot.Duration)
        {
            if (subject.Root != PathRoot.Duration)
            {
                cursor.Error($"`{number.Value}` is a duration; only `duration` compares with durations", start, number.Length);
                return null;
            }

            // A word after a duration number is a unit this grammar does not know (`5 parsecs`): say so there.
            if (unit.Length == 0 && UnknownUnit().Match(cursor.Text, cursor.Position) is { Success: true } word)
            {
                var at = cursor.Position + word.Value.Length - word.Groups["unit"].Length;
                cursor.Error($"unknown duration unit '{word.Groups["unit"].Value}' (use us, ms, s, m or h)", at, word.Groups["unit"].Length);
                return null;
            }

            // One duration grammar for flows and options (DurationSyntax): a bare number is milliseconds.
            if (!DurationSyntax.TryParse(number.Groups["number"].Value + unit, out var duration, out var error))
            {
                cursor.Error(error!, start, number.Length);
                return null;
            }

            return new DurationOperand(duration.TotalMilliseconds, span);
        }

        var text = number.Groups["number"].Value;
        JsonNode node = long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole)
            ? JsonValue.Create(whole)
            : JsonValue.Create(value);
        return new LiteralOperand(node, span);
    }

    public static Operand? ParseQuoted(LineCursor cursor)
    {
        var start = cursor.Position;
        var quote = cursor.Peek();
        var builder = new StringBuilder();
        cursor.Advance();
        while (!cursor.AtEnd && cursor.Peek() != quote)
        {
            var c = cursor.Peek();
            if (c == '\\' && cursor.Position + 1 < cursor.Text.Length)
            {
                cursor.Advance();
                c = cursor.Peek() switch
                {
                    'n' => '\n',
                    't' => '\t',
                    'r' => '\r',
                    var other => other,
                };
            }

            builder.Append(c);
            cursor.Advance();
        }

        if (cursor.AtEnd)
        {
            cursor.Error($"string is not closed by {quote}", start, cursor.Position - start);
            return null;
        }

        cursor.Advance();
        var span = cursor.SpanAt(start, cursor.Position - start);
        var content = cursor.Text[(start + 1)..(cursor.Position - 1)];
        if (content.Contains("{{", StringComparison.Ordinal))
        {
            // The template keeps the text as written between the quotes, so offsets stay exact.
            var template = TemplateParser.Parse(content, cursor.SpanAt(start + 1, 0), cursor.Context);
            return new TemplateOperand(template, true, span);
        }

        return new LiteralOperand(JsonValue.Create(builder.ToString()), span);
    }

    [GeneratedRegex(@"\G\s*(?<unit>[A-Za-zµ]+)")]
    private static partial Regex UnknownUnit();

    // A unit may follow after a space (`duration < 200 ms`), as DurationSyntax allows.
    [GeneratedRegex(@"\G(?<number>-?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?)(?:\s*(?<unit>us|µs|ms|s|m|h))?(?![A-Za-z0-9_.])")]
    public static partial Regex NumberPattern();
}
