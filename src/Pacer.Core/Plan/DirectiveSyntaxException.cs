namespace Pacer.Core.Plan;

/// <summary>
/// A directive or option written as text (a threshold, a stage list, a load setting) that does not
/// parse, wherever it was written: a flow line or a command-line option.
/// <see cref="Column"/> is 1-based into <see cref="Text"/>.
/// </summary>
public sealed class DirectiveSyntaxException : FormatException
{
    /// <param name="kind">What was being parsed, as the message names it: "threshold", "stages".</param>
    public DirectiveSyntaxException(string kind, string text, int column, string reason)
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
