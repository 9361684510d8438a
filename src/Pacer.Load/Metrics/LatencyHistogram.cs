namespace Pacer.Load.Metrics;

/// <summary>
/// A fixed-size log-linear latency histogram (see <see cref="HistogramScheme"/>). Recording is
/// one bucket increment plus a sum, all with Interlocked, so many virtual users record into one
/// instance without locks or allocations; reads copy the counts first so they see a consistent
/// picture even while recording continues.
/// </summary>
public sealed class LatencyHistogram
{
    private readonly long[] _counts;

    // The scheme's numbers, copied into fields so the hot path does no property calls.
    private readonly long _highest;
    private readonly int _subBucketBits;
    private long _sum;
    private long _min = long.MaxValue;
    private long _max;
    private long _clamped;

    public LatencyHistogram()
        : this(HistogramScheme.Default)
    {
    }

    public LatencyHistogram(HistogramScheme scheme)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        scheme.Validate();
        Scheme = scheme;
        _counts = new long[scheme.BucketCount];
        _highest = scheme.HighestTrackableNanoseconds;
        _subBucketBits = scheme.SubBucketBits;
    }

    public HistogramScheme Scheme { get; }

    public long Count
    {
        get
        {
            long total = 0;
            for (var i = 0; i < _counts.Length; i++)
            {
                total += Volatile.Read(ref _counts[i]);
            }

            return total;
        }
    }

    public long Min => Count == 0 ? 0 : Volatile.Read(ref _min);

    public long Max => Volatile.Read(ref _max);

    public long Sum => Volatile.Read(ref _sum);

    /// <summary>Recordings above the highest trackable value (counted at that value).</summary>
    public long Clamped => Volatile.Read(ref _clamped);

    public double Mean
    {
        get
        {
            var count = Count;
            return count == 0 ? 0 : (double)Sum / count;
        }
    }

    public void Record(TimeSpan elapsed) => RecordNanoseconds(elapsed.Ticks * 100);

    /// <summary>Records one value; negative values count as 0, values past the range as the highest trackable value.</summary>
    public void RecordNanoseconds(long nanoseconds)
    {
        if (nanoseconds < 0)
        {
            nanoseconds = 0;
        }
        else if (nanoseconds > _highest)
        {
            nanoseconds = _highest;
            Interlocked.Increment(ref _clamped);
        }

        Interlocked.Increment(ref _counts[IndexOf(nanoseconds)]);
        Interlocked.Add(ref _sum, nanoseconds);
        UpdateMin(nanoseconds);
        UpdateMax(nanoseconds);
    }

    /// <summary>The value at percentile <paramref name="percentile"/> (0–100) by nearest rank, within the scheme's error bound.</summary>
    public long ValueAtPercentile(double percentile)
    {
        var counts = CopyCounts();
        return ValueAtPercentile(counts, Total(counts), percentile);
    }

    public LatencySummary Summarize()
    {
        var counts = CopyCounts();
        var count = Total(counts);
        return new LatencySummary(
            count,
            Min,
            Max,
            count == 0 ? 0 : (double)Sum / count,
            ValueAtPercentile(counts, count, 50),
            ValueAtPercentile(counts, count, 90),
            ValueAtPercentile(counts, count, 95),
            ValueAtPercentile(counts, count, 99),
            ValueAtPercentile(counts, count, 99.9));
    }

    /// <summary>Adds every recording of <paramref name="other"/> to this one; exact because the buckets line up.</summary>
    public void Add(LatencyHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        RequireSameScheme(other.Scheme);
        for (var i = 0; i < _counts.Length; i++)
        {
            var count = Volatile.Read(ref other._counts[i]);
            if (count != 0)
            {
                Interlocked.Add(ref _counts[i], count);
            }
        }

        Interlocked.Add(ref _sum, other.Sum);
        Interlocked.Add(ref _clamped, other.Clamped);
        if (other.Count > 0)
        {
            UpdateMin(Volatile.Read(ref other._min));
            UpdateMax(other.Max);
        }
    }

    /// <summary>An independent copy, for reading or merging without disturbing recorders.</summary>
    public LatencyHistogram Snapshot()
    {
        var copy = new LatencyHistogram(Scheme);
        copy.Add(this);
        return copy;
    }

    /// <summary>Empties the histogram for reuse; callers make sure no one records meanwhile.</summary>
    public void Reset()
    {
        Array.Clear(_counts);
        _sum = 0;
        _min = long.MaxValue;
        _max = 0;
        _clamped = 0;
    }

    public HistogramData ToData()
    {
        var counts = CopyCounts();
        var indexes = new List<int>();
        var values = new List<long>();
        for (var i = 0; i < counts.Length; i++)
        {
            if (counts[i] != 0)
            {
                indexes.Add(i);
                values.Add(counts[i]);
            }
        }

        return new HistogramData
        {
            SubBucketBits = Scheme.SubBucketBits,
            HighestTrackable = Scheme.HighestTrackableNanoseconds,
            Count = Total(counts),
            Min = Min,
            Max = Max,
            Sum = Sum,
            Clamped = Clamped,
            BucketIndexes = [.. indexes],
            BucketCounts = [.. values],
        };
    }

    public static LatencyHistogram FromData(HistogramData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Unit != "ns")
        {
            throw new FormatException($"Histogram unit '{data.Unit}' is not supported; expected 'ns'.");
        }

        if (data.BucketIndexes.Length != data.BucketCounts.Length)
        {
            throw new FormatException("Histogram bucket indexes and counts differ in length.");
        }

        var histogram = new LatencyHistogram(new HistogramScheme(data.SubBucketBits, data.HighestTrackable));
        for (var i = 0; i < data.BucketIndexes.Length; i++)
        {
            var index = data.BucketIndexes[i];
            if (index < 0 || index >= histogram._counts.Length || data.BucketCounts[i] < 0)
            {
                throw new FormatException($"Histogram bucket {index} with count {data.BucketCounts[i]} is out of range.");
            }

            histogram._counts[index] += data.BucketCounts[i];
        }

        histogram._sum = data.Sum;
        histogram._clamped = data.Clamped;
        histogram._max = data.Max;
        histogram._min = histogram.Count == 0 ? long.MaxValue : data.Min;
        return histogram;
    }

    /// <summary>The 1-based nearest rank of a percentile among <paramref name="count"/> values.</summary>
    internal static long RankOf(double percentile, long count)
    {
        // The small epsilon keeps 99.9 % of 1000 at rank 999 despite floating-point noise.
        var rank = (long)Math.Ceiling((percentile / 100.0 * count) - 1e-9);
        return Math.Clamp(rank, 1, count);
    }

    private long ValueAtPercentile(long[] counts, long count, double percentile)
    {
        if (percentile is < 0 or > 100 || double.IsNaN(percentile))
        {
            throw new ArgumentOutOfRangeException(nameof(percentile), percentile, "A percentile is between 0 and 100.");
        }

        if (count == 0)
        {
            return 0;
        }

        var rank = RankOf(percentile, count);
        if (rank == count)
        {
            return Max;
        }

        long seen = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            seen += counts[i];
            if (seen >= rank)
            {
                // The exact min and max are known, so never report past them.
                return Math.Clamp(Scheme.Representative(i), Min, Max);
            }
        }

        return Max;
    }

    // The same mapping as HistogramScheme.IndexOf, inlined for the hot path (a test checks they agree).
    internal int IndexOf(long nanoseconds)
    {
        var full = 1 << _subBucketBits;
        if (nanoseconds < full)
        {
            return (int)nanoseconds;
        }

        var shift = 63 - (int)long.LeadingZeroCount(nanoseconds) - (_subBucketBits - 1);
        var half = full >> 1;
        return full + ((shift - 1) * half) + (int)(nanoseconds >> shift) - half;
    }

    private long[] CopyCounts()
    {
        var copy = new long[_counts.Length];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = Volatile.Read(ref _counts[i]);
        }

        return copy;
    }

    private static long Total(long[] counts)
    {
        long total = 0;
        foreach (var count in counts)
        {
            total += count;
        }

        return total;
    }

    private void RequireSameScheme(HistogramScheme other)
    {
        if (other != Scheme)
        {
            throw new InvalidOperationException($"Cannot merge histograms with different schemes ({Scheme} and {other}).");
        }
    }

    private void UpdateMin(long value)
    {
        var current = Volatile.Read(ref _min);
        while (value < current)
        {
            var seen = Interlocked.CompareExchange(ref _min, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    private void UpdateMax(long value)
    {
        var current = Volatile.Read(ref _max);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref _max, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
