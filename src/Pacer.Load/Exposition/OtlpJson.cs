using Pacer.Core.Plan;
using System.Text;
using System.Text.Json;

namespace Pacer.Load.Exposition;

/// <summary>
/// Renders a <see cref="MetricsSnapshot"/> as an OTLP/HTTP JSON <c>ExportMetricsServiceRequest</c>
/// (the body of <c>POST /v1/metrics</c>): the same numbers as the Prometheus text, as cumulative
/// sums, explicit-bucket histograms (per-bucket counts, bounds as in <see cref="LatencyBuckets"/>)
/// and gauges. Written by hand because the OpenTelemetry SDK only exports what was recorded
/// through its own instruments, and our histograms are already aggregated.
/// </summary>
public static class OtlpJson
{
    /// <summary>OTLP's AGGREGATION_TEMPORALITY_CUMULATIVE: every push carries totals since the start.</summary>
    public const int Cumulative = 2;

    public static string Write(MetricsSnapshot snapshot, DateTimeOffset startedAt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            var start = UnixNanos(startedAt);
            var time = UnixNanos(now);
            json.WriteStartObject();
            json.WriteStartArray("resourceMetrics");
            json.WriteStartObject();
            json.WriteStartObject("resource");
            json.WriteStartArray("attributes");
            Attribute(json, "service.name", "pacer");
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteStartArray("scopeMetrics");
            json.WriteStartObject();
            json.WriteStartObject("scope");
            json.WriteString("name", "pacer");
            json.WriteEndObject();
            json.WriteStartArray("metrics");
            WriteRequests(json, snapshot, start, time);
            WriteDurations(json, snapshot, start, time);
            WriteGauge(json, "pacer.vus", "Virtual users active right now.", "{vu}", [([], snapshot.ActiveVus)], time);
            WriteGauge(
                json,
                "pacer.threshold.ok",
                "1 while the threshold (or alert rule) holds, 0 while it is breached.",
                "1",
                [.. snapshot.Thresholds.Select(t => (Attributes(t), t.Ok ? 1L : 0L))],
                time);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static (string, string)[] Attributes(ThresholdState state) =>
        state.Flow is null ? [("threshold", state.Threshold)] : [("flow", state.Flow), ("threshold", state.Threshold)];

    private static void WriteRequests(Utf8JsonWriter json, MetricsSnapshot snapshot, string start, string time)
    {
        json.WriteStartObject();
        json.WriteString("name", "pacer.requests");
        json.WriteString("description", "Requests sent, by step and result (ok, or the failure kind).");
        json.WriteString("unit", "{request}");
        json.WriteStartObject("sum");
        json.WriteNumber("aggregationTemporality", Cumulative);
        json.WriteBoolean("isMonotonic", true);
        json.WriteStartArray("dataPoints");
        foreach (var (step, metrics) in snapshot.Summary.Steps.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            IntPoint(json, [("step", step), ("result", "ok")], metrics.Requests - metrics.FailureCount, start, time);
            foreach (var (kind, count) in metrics.Failures.OrderBy(f => f.Key))
            {
                IntPoint(json, [("step", step), ("result", PrometheusText.KindName(kind))], count, start, time);
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteDurations(Utf8JsonWriter json, MetricsSnapshot snapshot, string start, string time)
    {
        json.WriteStartObject();
        json.WriteString("name", "pacer.request.duration");
        json.WriteString("description", "Request latency by step.");
        json.WriteString("unit", "s");
        json.WriteStartObject("histogram");
        json.WriteNumber("aggregationTemporality", Cumulative);
        json.WriteStartArray("dataPoints");
        foreach (var (step, metrics) in snapshot.Summary.Steps.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var (cumulative, total, sum) = LatencyBuckets.Read(metrics.Latency);
            json.WriteStartObject();
            AttributesArray(json, [("step", step)]);
            json.WriteString("startTimeUnixNano", start);
            json.WriteString("timeUnixNano", time);
            json.WriteString("count", total.ToString(System.Globalization.CultureInfo.InvariantCulture));
            json.WriteNumber("sum", sum);

            // OTLP wants each bucket's own count (bounds.Length + 1 of them), not running totals.
            json.WriteStartArray("bucketCounts");
            long previous = 0;
            foreach (var running in cumulative.Append(total))
            {
                json.WriteStringValue((running - previous).ToString(System.Globalization.CultureInfo.InvariantCulture));
                previous = running;
            }

            json.WriteEndArray();
            json.WriteStartArray("explicitBounds");
            foreach (var bound in LatencyBuckets.BoundsSeconds)
            {
                json.WriteNumberValue(bound);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteGauge(Utf8JsonWriter json, string name, string description, string unit, IReadOnlyList<((string, string)[] Attributes, long Value)> points, string time)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("description", description);
        json.WriteString("unit", unit);
        json.WriteStartObject("gauge");
        json.WriteStartArray("dataPoints");
        foreach (var (attributes, value) in points)
        {
            json.WriteStartObject();
            AttributesArray(json, attributes);
            json.WriteString("timeUnixNano", time);
            json.WriteString("asInt", value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void IntPoint(Utf8JsonWriter json, (string, string)[] attributes, long value, string start, string time)
    {
        json.WriteStartObject();
        AttributesArray(json, attributes);
        json.WriteString("startTimeUnixNano", start);
        json.WriteString("timeUnixNano", time);
        json.WriteString("asInt", value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        json.WriteEndObject();
    }

    private static void AttributesArray(Utf8JsonWriter json, (string Key, string Value)[] attributes)
    {
        json.WriteStartArray("attributes");
        foreach (var (key, value) in attributes)
        {
            Attribute(json, key, value);
        }

        json.WriteEndArray();
    }

    private static void Attribute(Utf8JsonWriter json, string key, string value)
    {
        json.WriteStartObject();
        json.WriteString("key", key);
        json.WriteStartObject("value");
        json.WriteString("stringValue", value);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    // OTLP JSON carries 64-bit integers as strings.
    private static string UnixNanos(DateTimeOffset time) =>
        ((time.ToUnixTimeMilliseconds() * 1_000_000L) + (time.Ticks % TimeSpan.TicksPerMillisecond * 100)).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
