namespace Pacer.Core.Flow;

/// <summary>
/// Says what is wrong with a JSON body in the words of the file, not of .NET's reader: its messages
/// speak of reader options a flow cannot set (<c>Change the reader options.</c> after a trailing
/// comma) and of tokens rather than of what to type.
/// </summary>
internal static class JsonSyntaxAdvice
{
    /// <param name="readerMessage">The reader's message without its <c>LineNumber: …</c> tail.</param>
    public static string Describe(string readerMessage)
    {
        ArgumentNullException.ThrowIfNull(readerMessage);
        var message = readerMessage.Trim();
        if (message.Contains("trailing comma", StringComparison.Ordinal))
        {
            var closing = message.Contains("JSON array", StringComparison.Ordinal) ? "]" : "}";
            return $"a comma before the closing `{closing}`, which JSON does not allow: remove it";
        }

        // A slash outside a string can only be the start of a comment.
        if (message.StartsWith("'/'", StringComparison.Ordinal) || message.Contains("beginning of the comment", StringComparison.Ordinal))
        {
            return "a comment, which JSON does not allow: remove it";
        }

        if (message.StartsWith("''' is an invalid start", StringComparison.Ordinal))
        {
            return "a string in single quotes: JSON strings take double quotes (\"text\")";
        }

        if (message.Length > 3 && message[0] == '\'' && char.IsLetter(message[1]) && message[2] == '\''
            && message.Contains("invalid start of a value", StringComparison.Ordinal))
        {
            return "a bare word where a value belongs: write text in double quotes (\"text\")";
        }

        if (message.Contains("invalid start of a property name", StringComparison.Ordinal))
        {
            return "a property name without double quotes: write it as \"name\"";
        }

        if (message.Contains("is invalid after a property name", StringComparison.Ordinal))
        {
            return "a property name without `:` after it: add the colon";
        }

        if ((message.StartsWith("'}'", StringComparison.Ordinal) || message.StartsWith("']'", StringComparison.Ordinal))
            && !message.Contains("trailing comma", StringComparison.Ordinal))
        {
            return $"a `{message[1]}` that closes nothing open here: match every `{{` with `}}` and every `[` with `]`";
        }

        if (message.Contains("is invalid after a value", StringComparison.Ordinal))
        {
            return "two values without a comma between them: add the comma, or remove the stray character";
        }

        if (message.Contains("after a single JSON value", StringComparison.Ordinal))
        {
            return "more text after the JSON value ended: send one object or array";
        }

        // A digit named as "an invalid end of a number" is the last character of the body: the data ran out.
        var cutNumber = message.Length > 3 && message[0] == '\'' && char.IsDigit(message[1]) && message.Contains("invalid end of a number", StringComparison.Ordinal);
        if (cutNumber || message.Contains("reached end of data", StringComparison.Ordinal) || message.Contains("depth to be zero", StringComparison.Ordinal))
        {
            return "the body ends before every `{`, `[` and `\"` is closed: close them";
        }

        // Anything else: the reader's own sentence, without advice that does not apply to a flow file.
        return message.Replace("Change the reader options.", "", StringComparison.Ordinal).Trim().TrimEnd('.') + ": fix it";
    }
}
