using Pacer.Core.Flow.Syntax;

namespace Pacer.Core.Flow;

/// <summary>The outcome of parsing one file: a document when there were no errors, and every diagnostic found.</summary>
public sealed record ParseResult(FlowDocument? Document, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}

/// <summary>Parses <c>.flow.md</c> text into a <see cref="FlowDocument"/>. Never throws on bad input.</summary>
public static class FlowParser
{
    private static readonly HashSet<string> StepTags = new(StringComparer.Ordinal) { "kest", "http", "step" };

    public static ParseResult Parse(string path, string text)
    {
        var (document, diagnostics) = ParseAll(path, text);
        return new ParseResult(diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error) ? null : document, diagnostics);
    }

    /// <summary>
    /// Like <see cref="Parse"/> but always returns the document built so far, for tools that want
    /// to show a partial flow (an editor, <c>pacer check</c>) next to its errors.
    /// </summary>
    public static (FlowDocument Document, IReadOnlyList<Diagnostic> Diagnostics) ParseAll(string path, string? text)
    {
        var context = new ParseContext(path);
        try
        {
            var lines = SourceLines.Split(text ?? "");
            var blocks = BlockScanner.Scan(lines, context);
            var metadata = MetadataParser.Parse(blocks.Where(b => b.Closed && b.Tag == "flow"), context);
            var steps = new List<StepNode>();
            foreach (var block in blocks.Where(b => b.Closed && IsExecutable(b)))
            {
                if (StepParser.Parse(block, context) is { } step)
                {
                    steps.Add(step);
                }
            }

            return (new FlowDocument(path, metadata, steps), SortedDiagnostics(context));
        }
#pragma warning disable CA1031 // The contract is "never throws": a parser bug becomes a diagnostic, not a crash.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            context.Error(
                DiagnosticCodes.InternalError,
                $"internal parser error ({exception.GetType().Name}: {exception.Message}); please report this file",
                new SourceSpan(path, 1, 1, 0));
            return (new FlowDocument(path, FlowMetadata.Empty, []), SortedDiagnostics(context));
        }
    }

    /// <summary>```kest, ```http, ```step; and ```json when its first non-blank line is <c>METHOD URL</c> (older kest files).</summary>
    private static bool IsExecutable(FencedBlock block)
    {
        if (StepTags.Contains(block.Tag))
        {
            return true;
        }

        if (block.Tag != "json")
        {
            return false;
        }

        var first = block.Content.FirstOrDefault(l => l.Text.Trim().Length > 0);
        return first is not null && RequestLineParser.LooksLikeRequestLine(first.Text);
    }

    private static List<Diagnostic> SortedDiagnostics(ParseContext context) =>
        [.. context.Diagnostics.OrderBy(d => d.Span.Line).ThenBy(d => d.Span.Column)];
}
