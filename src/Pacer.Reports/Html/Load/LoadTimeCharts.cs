using System.Globalization;
using System.Text;
using Pacer.Load.Results;
using Pacer.Reports.Html.Charts;

namespace Pacer.Reports.Html.Load;

/// <summary>
/// The "Over time" charts of a load report, one point per second: throughput (requests/s,
/// iterations/s and, for the open model, the target rate), latency on a logarithmic axis, errors/s,
/// VUs, dropped iterations (open model) and p95 per step. The run's last second is usually partial:
/// its counts are scaled by its real length, and the point is marked, so a 0.3 s tail does not drag
/// requests/s towards zero.
/// </summary>
internal static class LoadTimeCharts
{
    private const int StepTones = 8;

    public static void Write(StringBuilder html, LoadResult result)
    {
        var points = result.TimeSeries;
        var seconds = points.Select(p => p.Second).ToList();
        var openModel = points.Any(p => p.TargetRate is not null);
        var partial = points.Count > 0 && points[^1].LengthSeconds < 1 ? points[^1].LengthSeconds : (double?)null;
        var rates = new LineChartOptions
        {
            FillFirst = true,
            PartialLastSeconds = partial,
            Note = partial is { } length ? string.Create(CultureInfo.InvariantCulture, $"The last point covers the run's final {length:0.##} s and is scaled to a per-second rate.") : null,
        };

        var throughput = new List<ChartSeries> { new("rps", "requests/s", [.. points.Select(p => p.RequestsPerSecond)], "tone-1") };
        if (openModel || result.Steps.Count > 1)
        {
            throughput.Add(new ChartSeries("iterations", "iterations/s", [.. points.Select(p => p.PerSecond(p.Iterations))], "tone-4"));
        }

        if (openModel)
        {
            throughput.Add(new ChartSeries("target", "target rate", [.. points.Select(p => p.TargetRate ?? double.NaN)], "tone-2") { Dashed = true });
        }

        LineChart.Write(html, "throughput", "Throughput", "/s", seconds, throughput, rates);
        LineChart.Write(html, "latency", "Latency", "ms", seconds,
        [
            new ChartSeries("p50", "p50", [.. points.Select(p => Latency(p, p.P50Ms))], "tone-4"),
            new ChartSeries("p95", "p95", [.. points.Select(p => Latency(p, p.P95Ms))], "tone-2"),
            new ChartSeries("p99", "p99", [.. points.Select(p => Latency(p, p.P99Ms))], "tone-3"),
        ], new LineChartOptions { Logarithmic = true, Note = "Logarithmic scale: a slow second and a fast steady state both stay readable. Seconds without a request are gaps." });
        LineChart.Write(html, "errors", "Errors per second", "/s", seconds,
            [new ChartSeries("errors", "errors/s", [.. points.Select(p => p.PerSecond(p.Errors))], "tone-bad")], rates with { Note = null });
        LineChart.Write(html, "vus", openModel ? "Busy virtual users" : "Virtual users", "", seconds,
            [new ChartSeries("vus", openModel ? "busy VUs" : "VUs", [.. points.Select(p => (double)p.Vus)], "tone-4")],
            new LineChartOptions
            {
                FillFirst = true,
                Note = openModel ? "The most VUs running an iteration at once in each second: the open model starts iterations on schedule and uses as many VUs as that takes." : null,
            });
        if (openModel || points.Any(p => p.Dropped > 0))
        {
            var dropped = points.Sum(p => p.Dropped);
            LineChart.Write(html, "dropped", "Dropped iterations per second", "/s", seconds,
                [new ChartSeries("dropped", "dropped/s", [.. points.Select(p => p.PerSecond(p.Dropped))], "tone-bad")],
                rates with
                {
                    Note = dropped == 0
                        ? "No iteration was dropped: a VU was free for every one the schedule started."
                        : $"{PageNumbers.Count(dropped)} iterations were due with no free VU (max-vus reached) and did not run: the server saw less load than the target.",
                });
        }

        WriteStepLatency(html, result, seconds);
    }

    /// <summary>p95 of each step over time, on the run's seconds (a step's quiet seconds are gaps).</summary>
    private static void WriteStepLatency(StringBuilder html, LoadResult result, List<long> seconds)
    {
        var series = result.Steps.Select((step, i) =>
        {
            var bySecond = step.TimeSeries.ToDictionary(p => p.Second, p => p.P95Ms);
            return new ChartSeries("p95:" + step.Name, step.Name, [.. seconds.Select(s => bySecond.TryGetValue(s, out var ms) && ms > 0 ? ms : double.NaN)], $"tone-{(i % StepTones) + 1}");
        }).ToList();
        LineChart.Write(html, "step-latency", "p95 latency by step", "ms", seconds, series, new LineChartOptions
        {
            Logarithmic = true,
            Note = result.Steps.All(s => s.TimeSeries.Count == 0) && result.Steps.Any(s => s.Requests > 0)
                ? "This result file has no per-step seconds (written before they were recorded)."
                : "Each step's p95 in each second, logarithmic scale.",
        });
    }

    // A second without requests has no latency: a gap, not a zero.
    private static double Latency(LoadTimePoint point, double ms) => point.Requests == 0 ? double.NaN : ms;
}
