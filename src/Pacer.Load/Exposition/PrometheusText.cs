using Pacer.Core.Judge;
using Pacer.Core.Plan;
using System.Globalization;
using System.Text;
using Pacer.Load.Metrics;

namespace Pacer.Load.Exposition;

/// <summary>
/// Renders a <see cref="MetricsSnapshot"/> in the Prometheus text exposition format 0.0.4
/// (prometheus-net is not available here). Every request is counted once in
/// <c>pacer_requests_total</c> under its <c>result</c>: <c>ok</c> or the failure kind, whose
/// <c>4xx</c>/<c>5xx</c> values are the status classes. See docs/monitoring.md for every metric.
/// </summary>
public static class PrometheusText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Write(MetricsSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var text = new StringBuilder();
        var steps = snapshot.Summary.Steps.OrderBy(s => s.Key, StringComparer.Ordinal).ToList();

        Header(text, "pacer_requests_total", "counter", "Requests sent, by step and result (ok, or the failure kind: 4xx, 5xx, timeout, connection-refused, ...).");
        foreach (var (name, metrics) in steps)
        {
            var step = Label("step", name);
            Sample(text, "pacer_requests_total", step + "," + Label("result", "ok"), metrics.Requests - metrics.FailureCount);
            foreach (var (kind, count) in metrics.Failures.OrderBy(f => f.Key))
            {
                Sample(text, "pacer_requests_total", step + "," + Label("result", KindName(kind)), count);
            }
        }

        Header(text, "pacer_checks_total", "counter", "Runs of each step in iterations, judged once after their last attempt: passed, or not (failed or skipped).");
        foreach (var (name, metrics) in steps)
        {
            var step = Label("step", name);
            Sample(text, "pacer_checks_total", step + "," + Label("result", "passed"), metrics.ChecksPassed);
            Sample(text, "pacer_checks_total", step + "," + Label("result", "failed"), metrics.Checks - metrics.ChecksPassed);
        }

        Header(text, "pacer_request_duration_seconds", "histogram", "Request latency by step, in seconds.");
        foreach (var (name, metrics) in steps)
        {
            var step = Label("step", name);
            var (cumulative, total, sum) = LatencyBuckets.Read(metrics.Latency);
            for (var i = 0; i < cumulative.Length; i++)
            {
                Sample(text, "pacer_request_duration_seconds_bucket", step + "," + Label("le", Number(LatencyBuckets.BoundsSeconds[i])), cumulative[i]);
            }

            Sample(text, "pacer_request_duration_seconds_bucket", step + "," + Label("le", "+Inf"), total);
            Sample(text, "pacer_request_duration_seconds_sum", step, sum);
            Sample(text, "pacer_request_duration_seconds_count", step, total);
        }

        Header(text, "pacer_vus", "gauge", "Virtual users active right now.");
        Sample(text, "pacer_vus", null, snapshot.ActiveVus);

        Header(text, "pacer_dropped_iterations_total", "counter", "Iterations that were due but found no free virtual user (open model).");
        Sample(text, "pacer_dropped_iterations_total", null, snapshot.Summary.DroppedIterations);

        Header(text, "pacer_elapsed_seconds", "gauge", "Seconds since the run started.");
        Sample(text, "pacer_elapsed_seconds", null, snapshot.Summary.Elapsed.TotalSeconds);

        Header(text, "pacer_threshold_ok", "gauge", "1 while the threshold (or alert rule) holds, 0 while it is breached.");
        foreach (var threshold in snapshot.Thresholds)
        {
            var labels = Label("threshold", threshold.Threshold);
            if (threshold.Flow is not null)
            {
                labels = Label("flow", threshold.Flow) + "," + labels;
            }

            Sample(text, "pacer_threshold_ok", labels, threshold.Ok ? 1 : 0);
        }

        return text.ToString();
    }

    /// <summary>Label values escape backslash, double quote and line feed, as the exposition format requires.</summary>
    public static string EscapeLabelValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal);
    }

    /// <summary>The kebab name of a failure kind, as in result files: <c>connection-refused</c>.</summary>
    public static string KindName(FailureKind kind) => kind switch
    {
        FailureKind.ClientError4xx => "4xx",
        FailureKind.ServerError5xx => "5xx",
        _ => Kebab(kind.ToString()),
    };

    private static string Kebab(string pascal)
    {
        var text = new StringBuilder();
        foreach (var c in pascal)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append('-');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }

    private static string Label(string name, string value) => name + "=\"" + EscapeLabelValue(value) + "\"";

    private static void Header(StringBuilder text, string name, string type, string help) =>
        text.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n')
            .Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');

    private static void Sample(StringBuilder text, string name, string? labels, double value)
    {
        text.Append(name);
        if (labels is not null)
        {
            text.Append('{').Append(labels).Append('}');
        }

        text.Append(' ').Append(Number(value)).Append('\n');
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
