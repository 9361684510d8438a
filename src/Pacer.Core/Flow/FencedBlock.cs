namespace Pacer.Core.Flow;

/// <summary>
/// A fenced code block found in the Markdown: its tag (the first word of the info string,
/// lower-cased), its lines between the fences, and the nearest heading above it.
/// </summary>
internal sealed record FencedBlock(
    string Tag,
    SourceLine Opening,
    int FenceColumn,
    int FenceLength,
    IReadOnlyList<SourceLine> Content,
    bool Closed,
    string? Heading);
