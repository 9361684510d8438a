using System.Text;
using System.Text.RegularExpressions;
using Pacer.Core.Flow.Syntax;

namespace Pacer.Core.Flow;

/// <summary>
/// Splits text into literal parts and <c>{{...}}</c> placeholders. A placeholder never spans
/// lines, so an unclosed <c>{{</c> is reported on its own line instead of swallowing the body.
/// </summary>
internal static partial class TemplateParser
{
    public static Template Parse(string raw, SourceSpan start, ParseContext context)
    {
        var template = new Template(raw, [], start with { Length = raw.Length });
        var parts = new List<TemplatePart>();
        var literalStart = 0;
        var i = 0;
        while (i < raw.Length)
        {
            var open = raw.IndexOf("{{", i, StringComparison.Ordinal);
            if (open < 0)
            {
                break;
            }

            var lineEnd = raw.IndexOf('\n', open);
            var close = raw.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (close < 0 || (lineEnd >= 0 && close > lineEnd))
            {
                var end = lineEnd < 0 ? raw.Length : lineEnd;
                context.Error(
                    DiagnosticCodes.UnclosedPlaceholder,
                    "`{{` is not closed by `}}` on the same line",
                    template.PositionOf(open, Math.Min(2, end - open)));
                i = end;
                continue;
            }

            // `{{{id}}}` style text: the placeholder is the innermost `{{`.
            while (open + 2 < close && raw[open + 2] == '{')
            {
                open++;
            }

            AddLiteral(parts, raw, literalStart, open);
            var length = close + 2 - open;
            var inner = raw.Substring(open + 2, close - open - 2);
            var part = ParsePlaceholder(inner, open, length, template, context);
            if (part is not null)
            {
                parts.Add(part);
            }
            else
            {
                // Keep the text so the template still renders something recognisable.
                parts.Add(new LiteralPart(raw.Substring(open, length), open, length));
            }

            i = close + 2;
            literalStart = i;
        }

        AddLiteral(parts, raw, literalStart, raw.Length);
        return template with { Parts = MergeLiterals(parts) };
    }

    private static void AddLiteral(List<TemplatePart> parts, string raw, int from, int to)
    {
        if (to > from)
        {
            parts.Add(new LiteralPart(raw[from..to], from, to - from));
        }
    }

    private static List<TemplatePart> MergeLiterals(List<TemplatePart> parts)
    {
        var merged = new List<TemplatePart>(parts.Count);
        foreach (var part in parts)
        {
            if (part is LiteralPart next && merged.Count > 0 && merged[^1] is LiteralPart previous)
            {
                merged[^1] = new LiteralPart(previous.Text + next.Text, previous.Offset, previous.Length + next.Length);
            }
            else
            {
                merged.Add(part);
            }
        }

        return merged;
    }

    private static TemplatePart? ParsePlaceholder(string inner, int offset, int length, Template template, ParseContext context)
    {
        var span = template.PositionOf(offset, length);
        var expression = inner.Trim();
        if (expression.Length == 0)
        {
            context.Error(DiagnosticCodes.InvalidPlaceholder, "empty placeholder `{{}}`: write a variable name inside", span);
            return null;
        }

        return expression[0] == '$'
            ? ParseBuiltIn(expression, offset, length, span, context)
            : (TemplatePart?)ParseVariable(expression, offset, length, span, context);
    }

    private static BuiltInPart? ParseBuiltIn(string expression, int offset, int length, SourceSpan span, ParseContext context)
    {
        var match = BuiltInPattern().Match(expression);
        if (!match.Success)
        {
            context.Error(DiagnosticCodes.InvalidPlaceholder, $"cannot read built-in `{{{{{expression}}}}}`", span);
            return null;
        }

        var name = match.Groups["name"].Value;
        var known = BuiltInNames.All.FirstOrDefault(n => n == name);
        if (known is null)
        {
            var suggestion = Suggestions.Closest(name, BuiltInNames.All);
            context.Error(
                DiagnosticCodes.UnknownBuiltIn,
                $"unknown built-in variable `${name}`",
                span,
                suggestion is null ? null : "{{$" + suggestion + "}}");
            return null;
        }

        if (known == "env")
        {
            var variable = match.Groups["env"].Value;
            if (variable.Length == 0 || match.Groups["args"].Success)
            {
                context.Error(DiagnosticCodes.InvalidPlaceholder, "`$env` needs a variable name: `{{$env.NAME}}`", span);
                return null;
            }

            return new BuiltInPart("env", [variable], offset, length);
        }

        if (match.Groups["env"].Success)
        {
            context.Error(DiagnosticCodes.InvalidPlaceholder, $"`${name}` has no `.` member; only `$env.NAME` does", span);
            return null;
        }

        var arguments = match.Groups["args"].Success
            ? match.Groups["args"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : [];
        if (arguments.Length > 0 && !BuiltInNames.WithArguments.Contains(known))
        {
            context.Error(DiagnosticCodes.InvalidPlaceholder, $"`${name}` takes no arguments", span);
            return null;
        }

        return new BuiltInPart(known, arguments, offset, length);
    }

    private static VariablePart? ParseVariable(string expression, int offset, int length, SourceSpan span, ParseContext context)
    {
        var pipe = expression.IndexOf('|', StringComparison.Ordinal);
        var name = (pipe < 0 ? expression : expression[..pipe]).Trim();
        if (!VariableNamePattern().IsMatch(name))
        {
            context.Error(
                DiagnosticCodes.InvalidPlaceholder,
                $"`{name}` is not a variable name (letters, digits, `_`, `-`, `.`; built-ins start with `$`)",
                span);
            return null;
        }

        if (pipe < 0)
        {
            return new VariablePart(name, null, offset, length);
        }

        var filter = expression[(pipe + 1)..].Trim();
        var match = DefaultFilterPattern().Match(filter);
        if (!match.Success)
        {
            context.Error(
                DiagnosticCodes.InvalidPlaceholder,
                $"unknown filter `{filter}`: only `default: value` is supported",
                span,
                $"{{{{{name} | default: \"value\"}}}}");
            return null;
        }

        return new VariablePart(name, Unquote(match.Groups["value"].Value.Trim()), offset, length);
    }

    /// <summary>
    /// Default values may be written bare, in "quotes", in 'quotes', or with JSON-escaped quotes
    /// (<c>\"Test@123\"</c>) because they sit inside a JSON string in a body.
    /// </summary>
    internal static string Unquote(string value)
    {
        if (value.Length >= 4 && value.StartsWith("\\\"", StringComparison.Ordinal) && value.EndsWith("\\\"", StringComparison.Ordinal))
        {
            return value[2..^2];
        }

        if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0])
        {
            var quote = value[0];
            var builder = new StringBuilder();
            for (var i = 1; i < value.Length - 1; i++)
            {
                if (value[i] == '\\' && i + 1 < value.Length - 1 && (value[i + 1] == quote || value[i + 1] == '\\'))
                {
                    i++;
                }

                builder.Append(value[i]);
            }

            return builder.ToString();
        }

        return value;
    }

    [GeneratedRegex(@"^\$(?<name>[A-Za-z_][A-Za-z0-9_]*)(?:\.(?<env>[A-Za-z_][A-Za-z0-9_.\-]*))?(?:\s*\((?<args>[^()]*)\))?$")]
    private static partial Regex BuiltInPattern();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_.\-]*$")]
    private static partial Regex VariableNamePattern();

    [GeneratedRegex(@"^default\s*:\s*(?<value>.*)$", RegexOptions.Singleline)]
    private static partial Regex DefaultFilterPattern();
}
