using Pacer.Core.Flow.Syntax;
using Pacer.Core.Http;

namespace Pacer.Core.Templating;

/// <summary>
/// Placeholders of a JSON body that stand inside a JSON string value holding escaped JSON
/// (<c>"template": "{\"username\":\"{{username}}\"}"</c>): a template the request stores for later. Some
/// published kest flows rely on kest leaving such a placeholder as written when the variable is undefined,
/// so Pacer does the same there (with a warning before the run, PACER027), and only there: an undefined
/// <c>"{{user}}"</c> anywhere else is still an error. A body is JSON exactly as <see cref="RequestBuilder"/>
/// decides it: a Content-Type mentioning json, or none and a body starting with <c>{</c> or <c>[</c>.
/// </summary>
internal static class JsonStringPlaceholders
{
    /// <summary>For the check before the run: the step's body placeholders kept as written when undefined.</summary>
    public static IReadOnlySet<VariablePart> Of(StepNode step)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (step.Body is not { } body)
        {
            return new HashSet<VariablePart>();
        }

        var contentType = step.Headers.LastOrDefault(h => RequestBuilder.IsContentType(h.Name));
        var isJson = contentType is not null ? RequestBuilder.IsJsonMediaType(contentType.Value.Raw) : RequestBuilder.LooksLikeJson(body.Raw);
        return isJson ? InEscapedJson(body) : new HashSet<VariablePart>();
    }

    /// <summary>The placeholders of a JSON body template that sit in a string value containing <c>\"</c>.</summary>
    public static IReadOnlySet<VariablePart> InEscapedJson(Template body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var stringOf = new Dictionary<VariablePart, int>();
        var holdsEscapedQuote = new List<bool>();
        var inString = false;
        var escape = false;
        foreach (var part in body.Parts)
        {
            if (part is not LiteralPart literal)
            {
                if (inString && part is VariablePart variable)
                {
                    stringOf[variable] = holdsEscapedQuote.Count - 1;
                }

                escape = false;
                continue;
            }

            foreach (var c in literal.Text)
            {
                if (!inString)
                {
                    if (c == '"')
                    {
                        inString = true;
                        holdsEscapedQuote.Add(false);
                    }
                }
                else if (escape)
                {
                    escape = false;
                    holdsEscapedQuote[^1] |= c == '"';
                }
                else if (c == '\\')
                {
                    escape = true;
                }
                else if (c == '"')
                {
                    inString = false;
                }
            }
        }

        return stringOf.Where(p => holdsEscapedQuote[p.Value]).Select(p => p.Key).ToHashSet();
    }
}
