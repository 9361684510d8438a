using System.Globalization;
using Pacer.Core.Flow.Syntax;
using Pacer.Core.Plan;

namespace Pacer.Core.Flow;

/// <summary>
/// The <c>@directive</c> lines of a step: <c>@id</c>, <c>@name</c>, <c>@retry</c>, <c>@retry-wait</c>,
/// <c>@max-duration</c>, <c>@timeout</c>, <c>@once</c>, <c>@think</c>, <c>@http2</c>, <c>@type</c>.
/// </summary>
internal sealed class StepDirectives
{
    private static readonly string[] Known = ["id", "name", "retry", "retry-wait", "max-duration", "timeout", "once", "think", "http2", "type"];

    public string? Id { get; private set; }

    public string? Name { get; private set; }

    public int Retry { get; private set; }

    public int RetryWaitMs { get; private set; } = StepOptions.DefaultRetryWaitMs;

    public double? MaxDurationMs { get; private set; }

    public SourceSpan? MaxDurationSpan { get; private set; }

    public double? TimeoutMs { get; private set; }

    public bool Once { get; private set; }

    public ThinkTime? Think { get; private set; }

    public bool Http2 { get; private set; }

    /// <summary>Set by <c>@type exec</c> and the like: the rest of the block is another language, so it is not read.</summary>
    public bool UnsupportedType { get; private set; }

    public StepOptions ToOptions() => new(Retry, RetryWaitMs, MaxDurationMs, TimeoutMs, Once, Think, Http2);

    /// <param name="trimmed">The line without surrounding spaces, starting with <c>@</c>.</param>
    /// <param name="column">The file column of the <c>@</c>.</param>
    public void Apply(string trimmed, int line, int column, ParseContext context)
    {
        var nameEnd = 1;
        while (nameEnd < trimmed.Length && !char.IsWhiteSpace(trimmed[nameEnd]))
        {
            nameEnd++;
        }

        var keyword = trimmed[1..nameEnd];
        var value = trimmed[nameEnd..].Trim();
        var valueColumn = column + trimmed.Length - trimmed[nameEnd..].TrimStart().Length;
        var keywordSpan = context.Span(line, column, nameEnd);
        var valueSpan = context.Span(line, valueColumn, Math.Max(1, value.Length));
        switch (keyword.ToLowerInvariant())
        {
            case "id":
                Id = RequireText(value, keyword, keywordSpan, context) ?? Id;
                break;
            case "name":
                Name = RequireText(value, keyword, keywordSpan, context) ?? Name;
                break;
            case "retry":
                Retry = ParseCount(value, keyword, valueSpan, context) ?? Retry;
                break;
            case "retry-wait":
                RetryWaitMs = (int?)Milliseconds(value, keyword, valueSpan, context) ?? RetryWaitMs;
                break;
            case "max-duration":
                MaxDurationMs = Milliseconds(value, keyword, valueSpan, context) ?? MaxDurationMs;
                MaxDurationSpan = context.Span(line, column, trimmed.Length);
                break;
            case "timeout":
                TimeoutMs = Milliseconds(value, keyword, valueSpan, context) ?? TimeoutMs;
                break;
            case "once":
                Once = true;
                break;
            case "http2":
                Http2 = true;
                break;
            case "think":
                if (ThinkTime.TryParse(value, out var think, out var thinkError))
                {
                    Think = think;
                }
                else
                {
                    context.Error(DiagnosticCodes.InvalidDirectiveValue, $"`@think` {thinkError}", valueSpan);
                }

                break;
            case "type":
                if (!value.Equals("http", StringComparison.OrdinalIgnoreCase))
                {
                    UnsupportedType = true;
                    context.Error(
                        DiagnosticCodes.UnsupportedStepType,
                        $"`@type {value}` steps are not supported yet; only HTTP requests run",
                        valueSpan);
                }

                break;
            default:
                context.Error(
                    DiagnosticCodes.UnknownDirective,
                    $"unknown step directive `@{keyword}`",
                    keywordSpan,
                    Suggestions.Closest(keyword, Known) is { } near ? "@" + near : null);
                break;
        }
    }

    /// <summary>A directive duration in the one grammar (<see cref="DurationSyntax"/>: a bare number is milliseconds).</summary>
    private static double? Milliseconds(string value, string keyword, SourceSpan span, ParseContext context)
    {
        if (DurationSyntax.TryParse(value, out var duration, out var error) && duration.TotalMilliseconds <= int.MaxValue)
        {
            return duration.TotalMilliseconds;
        }

        context.Error(DiagnosticCodes.InvalidDirectiveValue, $"`@{keyword}` {error ?? $"is too long: {value}"}", span);
        return null;
    }

    private static string? RequireText(string value, string keyword, SourceSpan span, ParseContext context)
    {
        if (value.Length > 0)
        {
            return value;
        }

        context.Error(DiagnosticCodes.InvalidDirectiveValue, $"`@{keyword}` needs a value", span);
        return null;
    }

    private static int? ParseCount(string value, string keyword, SourceSpan span, ParseContext context)
    {
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return count;
        }

        context.Error(DiagnosticCodes.InvalidDirectiveValue, $"`@{keyword}` needs a whole number, got `{value}`", span);
        return null;
    }
}
