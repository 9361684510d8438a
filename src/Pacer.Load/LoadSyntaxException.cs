namespace Pacer.Load;

/// <summary>
/// A load option written as text — a threshold, a stage list — that does not parse.
/// <see cref="Column"/> is 1-based into <see cref="Text"/>.
/// </summary>
public sealed class LoadSyntaxException : FormatException
{
    /// <param name="kind">What was being parsed, as the message names it: "threshold", "stages".</param>
    public LoadSyntaxException(string kind, string text, int column, string reason)
        : base($"Invalid {kind} '{text}' at column {column}: {reason}")
    {
        Text = text;
        Column = column;
        Reason = reason;
    }

    public string Text { get; }

    public int Column { get; }

    public string Reason { get; }

    /// <summary>The text with a caret under the offending column, for the console.</summary>
    public string Render() => $"{Text}\n{new string(' ', Column - 1)}^ {Reason}";
}
