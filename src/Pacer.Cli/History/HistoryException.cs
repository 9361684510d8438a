namespace Pacer.Cli.History;

/// <summary>The history database cannot be used (corrupt, locked, unwritable); the message is for the user as is.</summary>
public sealed class HistoryException : Exception
{
    public HistoryException()
    {
    }

    public HistoryException(string message)
        : base(message)
    {
    }

    public HistoryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
