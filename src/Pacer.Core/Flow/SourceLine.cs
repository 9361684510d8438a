namespace Pacer.Core.Flow;

/// <summary>One line of a flow file without its line ending; <see cref="Number"/> is 1-based.</summary>
internal sealed record SourceLine(int Number, string Text);
