using Pacer.Core.Flow.Syntax;

namespace Pacer.Core.Tests.Templating.Support;

/// <summary>
/// Builds <see cref="Template"/> trees from text for tests, since the real parser is written elsewhere.
/// Understands <c>{{name}}</c>, <c>{{name | default: "x"}}</c>, <c>{{$name}}</c>, <c>{{$name(a, b)}}</c>, <c>{{$env.NAME}}</c>.
/// </summary>
public static class Templates
{
    public static readonly SourceSpan DefaultStart = new("flow.md", 10, 5, 0);

    public static Template Parse(string raw, SourceSpan? start = null)
    {
        var parts = new List<TemplatePart>();
        var position = 0;
        while (position < raw.Length)
        {
            var open = raw.IndexOf("{{", position, StringComparison.Ordinal);
            var close = open < 0 ? -1 : raw.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (open < 0 || close < 0)
            {
                parts.Add(new LiteralPart(raw[position..], position, raw.Length - position));
                break;
            }

            if (open > position)
            {
                parts.Add(new LiteralPart(raw[position..open], position, open - position));
            }

            parts.Add(Placeholder(raw[(open + 2)..close].Trim(), open, close + 2 - open));
            position = close + 2;
        }

        return new Template(raw, parts, (start ?? DefaultStart) with { Length = raw.Length });
    }

    private static TemplatePart Placeholder(string inner, int offset, int length)
    {
        if (inner.StartsWith("$env.", StringComparison.Ordinal))
        {
            return new BuiltInPart("env", [inner["$env.".Length..]], offset, length);
        }

        if (inner.StartsWith('$'))
        {
            var paren = inner.IndexOf('(', StringComparison.Ordinal);
            if (paren < 0)
            {
                return new BuiltInPart(inner[1..], [], offset, length);
            }

            var args = inner[(paren + 1)..inner.LastIndexOf(')')].Split(',').Select(a => a.Trim()).ToList();
            return new BuiltInPart(inner[1..paren], args, offset, length);
        }

        var pipe = inner.IndexOf('|', StringComparison.Ordinal);
        if (pipe < 0)
        {
            return new VariablePart(inner, null, offset, length);
        }

        var name = inner[..pipe].Trim();
        var defaultText = inner[(pipe + 1)..].Trim();
        defaultText = defaultText["default:".Length..].Trim();
        if (defaultText.StartsWith("\\\"", StringComparison.Ordinal) && defaultText.EndsWith("\\\"", StringComparison.Ordinal))
        {
            defaultText = defaultText[2..^2];
        }
        else if (defaultText.Length >= 2 && defaultText[0] == '"' && defaultText[^1] == '"')
        {
            defaultText = defaultText[1..^1];
        }

        return new VariablePart(name, defaultText, offset, length);
    }
}
