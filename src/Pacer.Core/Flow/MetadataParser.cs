using System.Text.RegularExpressions;
using Pacer.Core.Flow.Syntax;
using Pacer.Core.Plan;

namespace Pacer.Core.Flow;

/// <summary>
/// Reads ```flow blocks: <c>@flow id=… [name=… version=… env=… tags=…]</c> (or <c>@id</c>),
/// <c>@name</c>, <c>@version</c>, <c>@tags a, b</c>, <c>@env</c>, <c>@threshold …</c> and <c>@load …</c>
/// (parsed here, each problem at its own column), and <c>@var name=value</c> / <c>@default name=value</c> for
/// the flow's defaults. Unknown directives are warnings: metadata never changes what a step sends.
/// <c>@description</c> and <c>@author</c> are accepted and ignored (kest files carry them).
/// </summary>
internal static partial class MetadataParser
{
    private static readonly string[] Known =
        ["flow", "id", "name", "version", "tags", "env", "threshold", "load", "var", "default", "description", "author"];

    public static FlowMetadata Parse(IEnumerable<FencedBlock> blocks, ParseContext context)
    {
        var metadata = new Builder();
        foreach (var line in blocks.SelectMany(b => b.Content))
        {
            var (trimmed, column) = LineText.Trim(line.Text);
            if (trimmed.Length == 0 || trimmed[0] == '#' || trimmed.StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }

            if (trimmed[0] != '@')
            {
                context.Warning(
                    DiagnosticCodes.MalformedMetadata,
                    "a ```flow block holds `@directive value` lines",
                    context.Span(line.Number, column, trimmed.Length));
                continue;
            }

            Apply(metadata, trimmed, line.Number, column, context);
        }

        return metadata.Build();
    }

    private static void Apply(Builder metadata, string trimmed, int line, int column, ParseContext context)
    {
        var space = trimmed.IndexOfAny([' ', '\t']);
        var keyword = space < 0 ? trimmed[1..] : trimmed[1..space];
        var value = space < 0 ? "" : trimmed[space..].Trim();
        var valueColumn = space < 0 ? column + trimmed.Length : column + trimmed.Length - trimmed[space..].TrimStart().Length;
        var valueSpan = context.Span(line, valueColumn, value.Length);
        switch (keyword.ToLowerInvariant())
        {
            case "flow":
                ApplyFlowPairs(metadata, value);
                break;
            case "id":
                metadata.Id = value;
                break;
            case "name":
                metadata.Name = value;
                break;
            case "version":
                metadata.Version = value;
                break;
            case "env":
                metadata.Env = value;
                break;
            case "tags":
                metadata.Tags.AddRange(SplitTags(value));
                break;
            case "threshold":
                AddThreshold(metadata, value, valueSpan, context);
                break;
            case "load":
                metadata.Load.AddDirective(value, valueSpan, (span, message) => context.Error(DiagnosticCodes.InvalidLoadSetting, message, span));
                break;
            case "var" or "default":
                AddDefault(metadata, keyword, value, valueSpan, context);
                break;
            case "description" or "author":
                break;
            default:
                context.Warning(
                    DiagnosticCodes.UnknownDirective,
                    $"unknown flow directive `@{keyword}`",
                    context.Span(line, column, keyword.Length + 1),
                    Suggestions.Closest(keyword, Known) is { } near ? "@" + near : null);
                break;
        }
    }

    private static void AddThreshold(Builder metadata, string value, SourceSpan span, ParseContext context)
    {
        try
        {
            metadata.Thresholds.Add(new ThresholdDirective(ThresholdParser.Parse(value), span));
        }
        catch (DirectiveSyntaxException exception)
        {
            context.Error(DiagnosticCodes.InvalidThreshold, $"@threshold: {exception.Reason}", span with { Column = span.Column + exception.Column - 1, Length = 1 });
        }
    }

    /// <summary><c>@flow id=checkout name="Checkout flow"</c>; a bare first word is the id.</summary>
    private static void ApplyFlowPairs(Builder metadata, string value)
    {
        var matches = FlowPairPattern().Matches(value);
        if (matches.Count == 0 && value.Length > 0)
        {
            metadata.Id = value.Split(' ')[0];
            return;
        }

        foreach (Match match in matches)
        {
            var pairValue = TemplateParser.Unquote(match.Groups["value"].Value);
            switch (match.Groups["key"].Value.ToLowerInvariant())
            {
                case "id":
                    metadata.Id = pairValue;
                    break;
                case "name":
                    metadata.Name = pairValue;
                    break;
                case "version":
                    metadata.Version = pairValue;
                    break;
                case "env":
                    metadata.Env = pairValue;
                    break;
                case "tags":
                    metadata.Tags.AddRange(SplitTags(pairValue));
                    break;
            }
        }
    }

    private static void AddDefault(Builder metadata, string keyword, string value, SourceSpan span, ParseContext context)
    {
        var equals = value.IndexOf('=', StringComparison.Ordinal);
        var name = equals < 0 ? "" : value[..equals].Trim();
        if (equals <= 0 || !VariableName().IsMatch(name))
        {
            context.Error(
                DiagnosticCodes.MalformedMetadata,
                $"`@{keyword}` is `@{keyword} name=value`",
                span with { Length = Math.Max(1, span.Length) });
            return;
        }

        metadata.Defaults[name] = TemplateParser.Unquote(value[(equals + 1)..].Trim());
    }

    private static string[] SplitTags(string value) =>
        value.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [GeneratedRegex("(?<key>[A-Za-z]+)=(?<value>\"[^\"]*\"|'[^']*'|\\S+)")]
    private static partial Regex FlowPairPattern();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_.\-]*$")]
    private static partial Regex VariableName();

    private sealed class Builder
    {
        public string? Id { get; set; }

        public string? Name { get; set; }

        public string? Version { get; set; }

        public string? Env { get; set; }

        public List<string> Tags { get; } = [];

        public List<ThresholdDirective> Thresholds { get; } = [];

        public LoadSettings Load { get; } = new();

        public Dictionary<string, string> Defaults { get; } = new(StringComparer.Ordinal);

        public FlowMetadata Build() => new(Id, Name, Version, Tags.Distinct().ToList(), Env, Thresholds, Load, Defaults);
    }
}
