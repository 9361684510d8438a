using Pacer.Load.Metrics;

namespace Pacer.Load.Exposition;

/// <summary>
/// The fixed Prometheus bucket bounds for request durations (seconds), and their cumulative
/// counts read from one of our fine-grained histograms. A source bucket counts towards a bound
/// when its reported value (the bucket's midpoint, the same value percentiles report) is at or
/// below it, so a bound is off by at most the histogram's 0.39 % resolution.
/// </summary>
public static class LatencyBuckets
{
    /// <summary>1 ms to 60 s in a 1–2.5–5 progression: fine where APIs live, coarse where timeouts do.</summary>
    public static IReadOnlyList<double> BoundsSeconds { get; } =
        [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    /// <summary>Cumulative counts per bound (same order as <see cref="BoundsSeconds"/>), plus the total for <c>+Inf</c>, from one consistent copy of the histogram.</summary>
    public static (long[] Cumulative, long Total, double SumSeconds) Read(LatencyHistogram histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        var data = histogram.ToData();
        var scheme = new HistogramScheme(data.SubBucketBits, data.HighestTrackable);
        var perBound = new long[BoundsSeconds.Count];
        for (var i = 0; i < data.BucketIndexes.Length; i++)
        {
            var seconds = scheme.Representative(data.BucketIndexes[i]) / 1e9;
            var bound = FirstBoundAtOrAbove(seconds);
            if (bound < perBound.Length)
            {
                perBound[bound] += data.BucketCounts[i];
            }
        }

        long running = 0;
        for (var i = 0; i < perBound.Length; i++)
        {
            running += perBound[i];
            perBound[i] = running;
        }

        return (perBound, data.Count, data.Sum / 1e9);
    }

    private static int FirstBoundAtOrAbove(double seconds)
    {
        for (var i = 0; i < BoundsSeconds.Count; i++)
        {
            if (seconds <= BoundsSeconds[i])
            {
                return i;
            }
        }

        return BoundsSeconds.Count;
    }
}
