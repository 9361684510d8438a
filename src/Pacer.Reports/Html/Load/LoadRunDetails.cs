using System.Text;
using Pacer.Load.Results;

namespace Pacer.Reports.Html.Load;

/// <summary>How the run was carried out: flows, executor and its settings, transport, times, volumes.</summary>
internal static class LoadRunDetails
{
    public static void Write(StringBuilder html, LoadResult result)
    {
        var s = result.Summary;
        html.Append("<h2>Run</h2>\n<dl class=\"meta\">");
        Row(html, "Flows", result.Flows.Count == 0 ? "—" : string.Join(", ", result.Flows));
        if (result.Environment is { } environment)
        {
            Row(html, "Environment", environment);
        }

        Row(html, "Executor", result.Executor.Type + (result.Executor.Settings.Count == 0 ? "" : "  (" + string.Join(", ", result.Executor.Settings.Select(kv => $"{kv.Key}={kv.Value}")) + ")"));
        Row(html, "Transport", result.Transport.Kind + (result.Transport.Reason is { } reason ? $" — {reason}" : ""));
        if (result.Client.Readied is { } readied)
        {
            Row(html, "Before time zero", $"{PageNumbers.Milliseconds(readied.Ms)} readying, nothing sent to the target: the request path run in-process"
                + (readied.RehearsedRequests > 0 ? $" ({PageNumbers.Count(readied.RehearsedRequests)} requests to 127.0.0.1)" : " (already, earlier in the process)")
                + $", {PageNumbers.Count(readied.Connections)} of {PageNumbers.Count(readied.ConnectionsTried)} starting connections opened");
        }

        if (result.Executor.Settings.TryGetValue("warmup", out var warmup))
        {
            Row(html, "Warm-up", $"{warmup} at the starting load before time zero, not measured");
        }

        if (result.Client.GcCollections > 0)
        {
            Row(html, "Client pauses", $"{PageNumbers.Count(result.Client.GcCollections)} garbage collections in pacer, {PageNumbers.Milliseconds(result.Client.GcPauseMs)} in all");
        }
        Row(html, "Started", PageNumbers.Timestamp(result.StartedAt));
        Row(html, "Ended", PageNumbers.Timestamp(result.EndedAt));
        Row(html, "Duration", PageNumbers.Duration(TimeSpan.FromSeconds(result.DurationSeconds)));
        Row(html, "Iterations", $"{PageNumbers.Count(s.Iterations.Started)} started, {PageNumbers.Count(s.Iterations.Completed)} completed, {PageNumbers.Count(s.Iterations.Failed)} failed, {PageNumbers.Count(s.Iterations.Dropped)} dropped");
        Row(html, "Iteration time", $"p50 {PageNumbers.Milliseconds(s.IterationDurationMs.P50)} · p95 {PageNumbers.Milliseconds(s.IterationDurationMs.P95)} · max {PageNumbers.Milliseconds(s.IterationDurationMs.Max)}");
        Row(html, "Latency", $"min {PageNumbers.Milliseconds(s.LatencyMs.Min)} · mean {PageNumbers.Milliseconds(s.LatencyMs.Mean)} · p90 {PageNumbers.Milliseconds(s.LatencyMs.P90)} · p99.9 {PageNumbers.Milliseconds(s.LatencyMs.P999)} · max {PageNumbers.Milliseconds(s.LatencyMs.Max)}");
        Row(html, "Data", $"{PageNumbers.Bytes(s.BytesIn)} received, {PageNumbers.Bytes(s.BytesOut)} sent");
        if (s.SlaViolations > 0)
        {
            Row(html, "SLA violations", PageNumbers.Count(s.SlaViolations));
        }

        html.Append("</dl>\n");
    }

    private static void Row(StringBuilder html, string name, string value) =>
        html.Append("<dt>").Append(HtmlText.Escape(name)).Append("</dt><dd>").Append(HtmlText.Escape(value)).Append("</dd>");
}
