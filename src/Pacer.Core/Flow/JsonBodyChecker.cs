using System.Text;
using System.Text.Json;
using Pacer.Core.Flow.Syntax;

namespace Pacer.Core.Flow;

/// <summary>
/// Warns when a body sent as JSON is not JSON. Placeholders are replaced by a value of the same
/// length first (a number outside strings, letters inside them), so <c>{"id": {{id}}}</c> is fine
/// and positions in the error still match the file.
/// </summary>
internal static class JsonBodyChecker
{
    public static void Check(Template body, IReadOnlyList<HeaderNode> headers, ParseContext context)
    {
        var contentType = headers.LastOrDefault(h => h.Name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase));
        if (contentType is null || !contentType.Value.Raw.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var probe = WithPlaceholdersFilled(body);
        try
        {
            using var document = JsonDocument.Parse(probe, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException exception)
        {
            var offset = OffsetOf(probe, (int)(exception.LineNumber ?? 0), (int)(exception.BytePositionInLine ?? 0));
            var reason = JsonSyntaxAdvice.Describe(exception.Message.Split(" LineNumber:", 2)[0]);
            context.Warning(
                DiagnosticCodes.InvalidJsonBody,
                $"the body is sent as JSON (Content-Type: {contentType.Value.Raw}) but is not valid JSON: {reason} "
                    + "(or change the Content-Type if the body is not meant as JSON)",
                body.PositionOf(offset, offset < body.Raw.Length ? 1 : 0));
        }
        catch (ArgumentException)
        {
            // Only a lone UTF-16 surrogate gets here: it cannot be sent as UTF-8 at all.
            var offset = FirstLoneSurrogate(body.Raw);
            context.Warning(
                DiagnosticCodes.InvalidJsonBody,
                "the body is sent as JSON but contains a character that is not valid Unicode",
                body.PositionOf(offset, offset < body.Raw.Length ? 1 : 0));
        }
    }

    private static int FirstLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return i;
            }
        }

        return 0;
    }

    private static string WithPlaceholdersFilled(Template body)
    {
        var text = new StringBuilder(body.Raw);
        var inString = false;
        var partIndex = 0;
        var parts = body.Parts.Where(p => p is not LiteralPart).ToList();
        for (var i = 0; i < body.Raw.Length; i++)
        {
            while (partIndex < parts.Count && parts[partIndex].Offset < i)
            {
                partIndex++;
            }

            if (partIndex < parts.Count && parts[partIndex].Offset == i)
            {
                var part = parts[partIndex++];
                for (var j = 0; j < part.Length; j++)
                {
                    text[i + j] = inString ? 'x' : j == 0 ? '0' : ' ';
                }

                i += part.Length - 1;
                continue;
            }

            var c = body.Raw[i];
            if (inString && c == '\\')
            {
                i++;
            }
            else if (c == '"')
            {
                inString = !inString;
            }
        }

        return text.ToString();
    }

    /// <summary>Converts the parser's line and UTF-8 byte position into an offset in the text.</summary>
    private static int OffsetOf(string text, int line, int bytePosition)
    {
        var offset = 0;
        for (var l = 0; l < line && offset < text.Length; l++)
        {
            var next = text.IndexOf('\n', offset);
            offset = next < 0 ? text.Length : next + 1;
        }

        var bytes = 0;
        while (offset < text.Length && text[offset] != '\n' && bytes < bytePosition)
        {
            bytes += Encoding.UTF8.GetByteCount(text.AsSpan(offset, char.IsHighSurrogate(text[offset]) && offset + 1 < text.Length ? 2 : 1));
            offset += char.IsHighSurrogate(text[offset]) && offset + 1 < text.Length ? 2 : 1;
        }

        return Math.Min(offset, text.Length);
    }
}
