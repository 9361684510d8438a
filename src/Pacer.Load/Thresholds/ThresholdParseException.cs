namespace Pacer.Load.Thresholds;

/// <summary>A threshold that does not parse; <see cref="Column"/> is 1-based into <see cref="Text"/>.</summary>
public sealed class ThresholdParseException : FormatException
{
    public ThresholdParseException(string text, int column, string reason)
        : base($"Invalid threshold '{text}' at column {column}: {reason}")
    {
        Text = text;
        Column = column;
        Reason = reason;
    }

    public string Text { get; }

    public int Column { get; }

    public string Reason { get; }

    /// <summary>The threshold with a caret under the offending column, for the console.</summary>
    public string Render() => $"{Text}\n{new string(' ', Column - 1)}^ {Reason}";
}
