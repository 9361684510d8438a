using System.Text.Json;

namespace Pacer.Hub.Features.Runs;

/// <summary>
/// Reads the headline numbers out of <c>pacer run</c>'s JSON report (docs/report-json.md): one sample
/// per executed step, its duration, and whether it passed. Skipped steps sent nothing and count for nothing.
/// </summary>
public static class RunReportFile
{
    public sealed record ReportStep(string Flow, string Name, string Method, string Url, double DurationMs, bool Failed);

    public sealed record Report(DateTime StartedAt, double DurationMs, bool Passed, IReadOnlyList<ReportStep> Steps, IReadOnlyList<string> Flows);

    public static bool LooksLikeRunReport(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("files", out var files) && files.ValueKind == JsonValueKind.Array
        && root.TryGetProperty("summary", out _);

    public static Report Read(JsonElement root)
    {
        var steps = new List<ReportStep>();
        var flows = new List<string>();
        foreach (var file in root.GetProperty("files").EnumerateArray())
        {
            var flow = Text(file, "path") ?? Text(file, "name") ?? "";
            flows.Add(flow);
            if (!file.TryGetProperty("steps", out var fileSteps) || fileSteps.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var step in fileSteps.EnumerateArray())
            {
                var status = Text(step, "status");
                if (status == "skipped")
                {
                    continue;
                }

                steps.Add(new ReportStep(flow, Text(step, "name") ?? "step", Text(step, "method") ?? "", Text(step, "url") ?? "",
                    Number(step, "durationMs"), status == "failed"));
            }
        }

        var startedAt = root.TryGetProperty("startedAt", out var started) && started.TryGetDateTimeOffset(out var at) ? at.UtcDateTime : DateTime.UtcNow;
        var passed = root.TryGetProperty("passed", out var p) && p.ValueKind == JsonValueKind.True;
        return new Report(startedAt, Number(root, "durationMs"), passed, steps, flows);
    }

    /// <summary>The nearest-rank percentile of <paramref name="values"/> (0-100), null when there are none.</summary>
    public static double? Percentile(IReadOnlyList<double> values, double percentile)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static double Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : 0;
}
