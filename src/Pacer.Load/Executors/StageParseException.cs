namespace Pacer.Load.Executors;

/// <summary>A stage list that does not parse; <see cref="Column"/> is 1-based into <see cref="Text"/>.</summary>
public sealed class StageParseException : FormatException
{
    public StageParseException(string text, int column, string reason)
        : base($"Invalid stages '{text}' at column {column}: {reason}")
    {
        Text = text;
        Column = column;
        Reason = reason;
    }

    public string Text { get; }

    public int Column { get; }

    public string Reason { get; }
}
