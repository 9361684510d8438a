namespace Pacer.Contracts.Import;

/// <summary>One flow file an importer wrote: a file name (no folder) and its Markdown text.</summary>
public sealed record ImportedFlow(string FileName, string Text);
