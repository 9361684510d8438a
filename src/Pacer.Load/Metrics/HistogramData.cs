namespace Pacer.Load.Metrics;

/// <summary>
/// The serialisable form of a <see cref="LatencyHistogram"/>: the bucket scheme plus only the
/// non-zero buckets (parallel arrays of bucket index and count), so a result file stays small
/// and two files merge into exactly the histogram one run over both would have produced.
/// </summary>
public sealed record HistogramData
{
    public string Unit { get; init; } = "ns";

    public int SubBucketBits { get; init; }

    public long HighestTrackable { get; init; }

    public long Count { get; init; }

    public long Min { get; init; }

    public long Max { get; init; }

    public long Sum { get; init; }

    /// <summary>Recordings above the highest trackable value, which were counted at that value.</summary>
    public long Clamped { get; init; }

    public int[] BucketIndexes { get; init; } = [];

    public long[] BucketCounts { get; init; } = [];
}
