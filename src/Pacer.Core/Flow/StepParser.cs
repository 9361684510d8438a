using Pacer.Core.Flow.Syntax;

namespace Pacer.Core.Flow;

/// <summary>
/// Turns one executable block into a <see cref="StepNode"/>. The block reads top to bottom:
/// directives and comments, the request line, header lines, a blank line, the body up to the
/// first <c>[Section]</c>, then sections in any order.
/// </summary>
internal sealed class StepParser
{
    private enum Phase
    {
        Preamble,
        Headers,
        Body,
        Section,
    }

    private readonly FencedBlock block;
    private readonly ParseContext context;
    private readonly StepDirectives directives = new();
    private readonly List<HeaderNode> headers = [];
    private readonly List<QueryNode> queries = [];
    private readonly List<CaptureNode> captures = [];
    private readonly List<AssertionNode> assertions = [];
    private readonly List<SourceLine> bodyLines = [];
    private SectionKind? section;
    private bool sectionKnown;
    private string? method;
    private Template? url;
    private SourceLine? requestLine;

    private StepParser(FencedBlock block, ParseContext context)
    {
        this.block = block;
        this.context = context;
    }

    public static StepNode? Parse(FencedBlock block, ParseContext context) => new StepParser(block, context).Parse();

    private StepNode? Parse()
    {
        var phase = Phase.Preamble;
        foreach (var line in block.Content)
        {
            phase = Accept(line, phase);
            if (directives.UnsupportedType)
            {
                // Already reported; a command block would only produce confusing follow-up errors.
                return null;
            }
        }

        if (requestLine is null)
        {
            context.Error(
                DiagnosticCodes.MissingRequestLine,
                $"this ```{block.Tag} block has no request line `METHOD URL`",
                BlockScanner.FenceSpan(block, context.File));
            return null;
        }

        if (method is null || url is null)
        {
            return null;
        }

        var body = BodyTemplate();
        if (body is not null)
        {
            JsonBodyChecker.Check(body, headers, context);
        }

        if (directives.MaxDurationMs is { } maxMs)
        {
            var span = directives.MaxDurationSpan!;
            assertions.Add(new AssertionNode(
                new ValuePath(PathRoot.Duration, null, [], "duration"),
                AssertOperator.Less,
                new DurationOperand(maxMs, span),
                false,
                $"duration < {maxMs}ms",
                span));
        }

        var name = directives.Name ?? block.Heading ?? $"{method} {url.Raw}";
        var stepSpan = context.Span(block.Opening.Number, block.FenceColumn, block.FenceLength);
        return new StepNode(name, directives.Id, stepSpan, method, url, headers, queries, body, captures, assertions, directives.ToOptions());
    }

    private Phase Accept(SourceLine line, Phase phase)
    {
        var (trimmed, column) = LineText.Trim(line.Text);
        if (phase != Phase.Body && SectionNames.IsSectionLine(trimmed))
        {
            StartSection(trimmed, line.Number, column);
            return Phase.Section;
        }

        switch (phase)
        {
            case Phase.Preamble:
                if (trimmed.Length == 0 || trimmed[0] == '#')
                {
                    return phase;
                }

                if (trimmed[0] == '@')
                {
                    directives.Apply(trimmed, line.Number, column, context);
                    return phase;
                }

                requestLine = line;
                (method, url) = RequestLineParser.Parse(line, context);
                return Phase.Headers;
            case Phase.Headers:
                if (trimmed.Length == 0)
                {
                    return Phase.Body;
                }

                if (trimmed[0] == '#')
                {
                    return phase;
                }

                if (trimmed[0] == '@' && trimmed.Length > 1 && char.IsLetter(trimmed[1]))
                {
                    directives.Apply(trimmed, line.Number, column, context);
                    return phase;
                }

                if (trimmed[0] is '{' or '[' or '<' or '"')
                {
                    // A body written straight under the request line; kest accepts it.
                    bodyLines.Add(line);
                    return Phase.Body;
                }

                AddIfParsed(headers, SectionLineParser.ParseHeader(line, context));
                return phase;
            case Phase.Body:
                if (SectionNames.IsSectionLine(trimmed))
                {
                    StartSection(trimmed, line.Number, column);
                    return Phase.Section;
                }

                bodyLines.Add(line);
                return phase;
            default:
                AcceptSectionLine(line, trimmed);
                return phase;
        }
    }

    private void StartSection(string trimmed, int line, int column)
    {
        var name = trimmed[1..^1];
        section = SectionNames.Find(name);
        sectionKnown = section is not null;
        if (section is null)
        {
            var suggestion = Suggestions.Closest(name, SectionNames.All);
            context.Error(
                DiagnosticCodes.UnknownSection,
                $"unknown section `{trimmed}` (known: [Queries], [Headers], [Body], [Data], [Captures], [Asserts], [Soft Asserts])",
                context.Span(line, column, trimmed.Length),
                suggestion is null ? null : $"[{suggestion}]");
        }
        else if (section == SectionKind.Body)
        {
            // A [Body] section replaces any body written after the headers.
            bodyLines.Clear();
        }
    }

    private void AcceptSectionLine(SourceLine line, string trimmed)
    {
        if (!sectionKnown)
        {
            return;
        }

        if (section == SectionKind.Body)
        {
            bodyLines.Add(line);
            return;
        }

        if (trimmed.Length == 0 || trimmed[0] == '#' || trimmed.StartsWith("//", StringComparison.Ordinal))
        {
            return;
        }

        switch (section)
        {
            case SectionKind.Queries:
                AddIfParsed(queries, SectionLineParser.ParseQuery(line, context));
                break;
            case SectionKind.Headers:
                AddIfParsed(headers, SectionLineParser.ParseHeader(line, context));
                break;
            case SectionKind.Captures:
                AddIfParsed(captures, SectionLineParser.ParseCapture(line, context));
                break;
            case SectionKind.Asserts or SectionKind.SoftAsserts:
                AddIfParsed(assertions, SectionLineParser.ParseAssertion(line, section == SectionKind.SoftAsserts, context));
                break;
        }
    }

    private static void AddIfParsed<T>(List<T> list, T? item)
        where T : class
    {
        if (item is not null)
        {
            list.Add(item);
        }
    }

    /// <summary>The body's lines joined with '\n', without blank lines around it; null when there is none.</summary>
    private Template? BodyTemplate()
    {
        var first = bodyLines.FindIndex(l => l.Text.Trim().Length > 0);
        var last = bodyLines.FindLastIndex(l => l.Text.Trim().Length > 0);
        if (first < 0)
        {
            return null;
        }

        var lines = bodyLines.GetRange(first, last - first + 1);
        var raw = string.Join('\n', lines.Select(l => l.Text)).TrimEnd();
        return TemplateParser.Parse(raw, context.Span(lines[0].Number, 1, raw.Length), context);
    }
}
