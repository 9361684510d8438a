using Pacer.Load.Metrics;

namespace Pacer.Reports.Html.Charts;

/// <summary>One bar of the latency distribution: requests that took from <see cref="FromMs"/> up to <see cref="ToMs"/>.</summary>
public sealed record DistributionBin(double FromMs, double ToMs, long Count);

/// <summary>A percentile drawn as a marker over the distribution.</summary>
public sealed record PercentileMarker(string Name, double Ms);

/// <summary>
/// The latency distribution rebuilt from a result file's exact histogram: its thousands of
/// fine buckets regrouped into a few dozen bars, log-spaced when latencies span more than a
/// few times (a long tail stays visible), linear otherwise. Every recorded request lands in
/// exactly one bar, so the bars add up to the histogram's count.
/// </summary>
public sealed record LatencyDistribution(IReadOnlyList<DistributionBin> Bins, long Total, bool Logarithmic, IReadOnlyList<PercentileMarker> Markers)
{
    public const int TargetBins = 36;

    public static LatencyDistribution From(HistogramData? data)
    {
        if (data is null || data.Count == 0 || data.BucketIndexes.Length == 0)
        {
            return new LatencyDistribution([], 0, false, []);
        }

        var histogram = LatencyHistogram.FromData(data);
        var scheme = histogram.Scheme;
        var minMs = Math.Max(histogram.Min, 1) / 1e6;
        var maxMs = Math.Max(histogram.Max, histogram.Min + 1) / 1e6;
        var logarithmic = maxMs / minMs >= 4;
        var edges = Edges(minMs, maxMs, logarithmic);
        var counts = new long[edges.Length - 1];
        for (var i = 0; i < data.BucketIndexes.Length; i++)
        {
            var valueMs = Math.Clamp(scheme.Representative(data.BucketIndexes[i]), histogram.Min, histogram.Max) / 1e6;
            counts[BinOf(valueMs, edges)] += data.BucketCounts[i];
        }

        var bins = counts.Select((count, i) => new DistributionBin(edges[i], edges[i + 1], count)).ToList();
        PercentileMarker[] markers =
        [
            new("p50", histogram.ValueAtPercentile(50) / 1e6),
            new("p95", histogram.ValueAtPercentile(95) / 1e6),
            new("p99", histogram.ValueAtPercentile(99) / 1e6),
        ];
        return new LatencyDistribution(bins, counts.Sum(), logarithmic, markers);
    }

    /// <summary>Where <paramref name="ms"/> falls along the x axis, 0–1.</summary>
    public double Fraction(double ms)
    {
        if (Bins.Count == 0)
        {
            return 0;
        }

        double from = Bins[0].FromMs, to = Bins[^1].ToMs;
        var clamped = Math.Clamp(ms, from, to);
        return Logarithmic
            ? Math.Log(clamped / from) / Math.Log(to / from)
            : (clamped - from) / (to - from);
    }

    private static double[] Edges(double minMs, double maxMs, bool logarithmic)
    {
        var edges = new double[TargetBins + 1];
        for (var i = 0; i <= TargetBins; i++)
        {
            var t = i / (double)TargetBins;
            edges[i] = logarithmic ? minMs * Math.Pow(maxMs / minMs, t) : minMs + ((maxMs - minMs) * t);
        }

        return edges;
    }

    private static int BinOf(double valueMs, double[] edges)
    {
        for (var i = 1; i < edges.Length - 1; i++)
        {
            if (valueMs < edges[i])
            {
                return i - 1;
            }
        }

        return edges.Length - 2;
    }
}
