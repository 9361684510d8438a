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

    /// <summary>
    /// Where a request's time went, as k6 names the phases (<c>connecting 0.31ms, tls 2.4ms, waiting
    /// 1.2ms, receiving 0.05ms</c>); null when nothing was measured (HttpClient, or no request).
    /// </summary>
    public static string? Phases(Pacer.Core.Http.Engine.HttpPhaseTimings timings)
    {
        if (timings == default)
        {
            return null;
        }

        var parts = new List<string>();
        void Add(string name, long nanoseconds, bool always)
        {
            if (always || nanoseconds > 0)
            {
                parts.Add($"{name} {Pacer.Core.Flow.DurationSyntax.Format(nanoseconds)}");
            }
        }

        Add("blocked", timings.BlockedNanoseconds, always: false);
        Add("connecting", timings.ConnectingNanoseconds, always: false);
        Add("tls", timings.TlsHandshakingNanoseconds, always: false);
        Add("sending", timings.SendingNanoseconds, always: true);
        Add("waiting", timings.WaitingNanoseconds, always: true);
        Add("receiving", timings.ReceivingNanoseconds, always: true);
        return string.Join(", ", parts);
    }
}
