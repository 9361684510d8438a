namespace Pacer.Core.Flow.Syntax;

/// <summary>Where a piece of syntax stands in its file: 1-based line and column, length in characters.</summary>
public sealed record SourceSpan(string File, int Line, int Column, int Length)
{
    public static SourceSpan None { get; } = new("", 0, 0, 0);

    public override string ToString() => $"{File}:{Line}:{Column}";
}
