using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pacer.Core.Flow.Syntax;

namespace Pacer.Cli.Tests.Execution;

/// <summary>
/// Builds syntax trees by hand, so the runner is tested on its own, independent of the parser.
/// Templates understand <c>{{name}}</c>, <c>{{name | default: "x"}}</c> and <c>{{$builtin}}</c>.
/// </summary>
internal static partial class Steps
{
    private static readonly SourceSpan Here = new("test.flow.md", 1, 1, 1);

    public static Template Template(string raw)
    {
        var parts = new List<TemplatePart>();
        var at = 0;
        foreach (Match match in Placeholder().Matches(raw))
        {
            if (match.Index > at)
            {
                parts.Add(new LiteralPart(raw[at..match.Index], at, match.Index - at));
            }

            var inner = match.Groups[1].Value.Trim();
            if (inner.StartsWith('$'))
            {
                parts.Add(new BuiltInPart(inner[1..], [], match.Index, match.Length));
            }
            else
            {
                var pipe = inner.Split('|', 2);
                var fallback = pipe.Length == 2 ? pipe[1].Trim()["default:".Length..].Trim().Trim('"') : null;
                parts.Add(new VariablePart(pipe[0].Trim(), fallback, match.Index, match.Length));
            }

            at = match.Index + match.Length;
        }

        if (at < raw.Length)
        {
            parts.Add(new LiteralPart(raw[at..], at, raw.Length - at));
        }

        return new Template(raw, parts, Here);
    }

    public static StepNode Step(
        string method,
        string url,
        string? body = null,
        (string Name, string Value)[]? headers = null,
        (string Name, string Path)[]? captures = null,
        AssertionNode[]? asserts = null,
        StepOptions? options = null,
        string? name = null) =>
        new(
            name ?? $"{method} {url}",
            null,
            Here,
            method,
            Template(url),
            (headers ?? []).Select(h => new HeaderNode(h.Name, Template(h.Value), Here)).ToList(),
            [],
            body is null ? null : Template(body),
            (captures ?? []).Select(c => new CaptureNode(c.Name, Path(c.Path), Here)).ToList(),
            asserts ?? [],
            options ?? StepOptions.Default);

    public static ValuePath Path(string text)
    {
        if (text == "status")
        {
            return new ValuePath(PathRoot.Status, null, [], text);
        }

        if (text == "duration")
        {
            return new ValuePath(PathRoot.Duration, null, [], text);
        }

        if (text.StartsWith("header.", StringComparison.Ordinal))
        {
            return new ValuePath(PathRoot.Header, text["header.".Length..], [], text);
        }

        var segments = text.Split('.').Skip(text.StartsWith("body", StringComparison.Ordinal) ? 1 : 0)
            .Select(s => int.TryParse(s, out var index) ? (PathSegment)new IndexSegment(index) : new PropertySegment(s))
            .ToList();
        return new ValuePath(PathRoot.Body, null, segments, text);
    }

    public static AssertionNode Check(string path, AssertOperator op, JsonNode? expected, bool soft = false) =>
        new(Path(path), op, new LiteralOperand(expected, Here), soft, $"{path} {op} {expected?.ToJsonString()}", Here);

    public static AssertionNode AssertTemplate(string path, AssertOperator op, string template) =>
        new(Path(path), op, new TemplateOperand(Template(template), false, Here), false, $"{path} {op} {template}", Here);

    public static AssertionNode Status(int expected) => Check("status", AssertOperator.Equal, expected);

    public static FlowDocument Flow(string path, params StepNode[] steps) => new(path, FlowMetadata.Empty, steps);

    [GeneratedRegex(@"\{\{(.+?)\}\}")]
    private static partial Regex Placeholder();
}
