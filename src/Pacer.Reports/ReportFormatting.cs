using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pacer.Core.Execution;

namespace Pacer.Reports;

/// <summary>Small text conventions every report shares, so numbers and bodies look the same everywhere.</summary>
public static class ReportFormatting
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Milliseconds(TimeSpan duration) =>
        duration.TotalMilliseconds.ToString(duration.TotalMilliseconds < 10 ? "0.#" : "0", CultureInfo.InvariantCulture) + " ms";

    public static string Seconds(TimeSpan duration) =>
        duration.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);

    public static string StatusWord(StepStatus status) => status switch
    {
        StepStatus.Passed => "passed",
        StepStatus.Failed => "failed",
        _ => "skipped",
    };

    /// <summary>The URL as sent, or as written when the step never sent anything.</summary>
    public static string Url(StepResult step) => step.Request?.Url ?? step.Step.Url.Raw;

    public static string Method(StepResult step) => step.Request?.Method ?? step.Step.Method.ToUpperInvariant();

    /// <summary>Pretty-prints JSON bodies; other bodies are returned as they are. Cut at <paramref name="maxChars"/>.</summary>
    public static string Body(string body, int maxChars)
    {
        var text = body;
        try
        {
            var node = JsonNode.Parse(body);
            if (node is not null)
            {
                text = node.ToJsonString(Indented);
            }
        }
        catch (JsonException)
        {
            // Not JSON: shown as received.
        }

        return Truncate(text, maxChars);
    }

    public static string Truncate(string text, int maxChars) =>
        text.Length <= maxChars ? text : text[..maxChars] + $"\n… ({text.Length - maxChars} more characters)";

    /// <summary><c>file:line:column</c> of an assertion, for people to jump to.</summary>
    public static string Location(Pacer.Core.Flow.Syntax.SourceSpan span) =>
        span.Line > 0 ? $"{span.File}:{span.Line}:{span.Column}" : span.File;
}
