namespace Pacer.Load.Metrics;

/// <summary>
/// The log-linear bucket layout shared by every <see cref="LatencyHistogram"/>: values are
/// nanoseconds; below 2^SubBucketBits each nanosecond has its own bucket, and every power of two
/// above is split into 2^(SubBucketBits-1) equal buckets. A bucket's width is at most
/// 1/2^(SubBucketBits-1) of its lower bound, so reporting its midpoint is off by at most
/// 1/2^SubBucketBits (0.39 % for the default 8 bits).
/// </summary>
public sealed record HistogramScheme(int SubBucketBits, long HighestTrackableNanoseconds)
{
    /// <summary>8 sub-bucket bits (≤ 0.39 % error), values up to one hour: about 4,600 buckets, 36 KB.</summary>
    public static HistogramScheme Default { get; } = new(8, TimeSpan.FromHours(1).Ticks * 100);

    private int HalfCount => 1 << (SubBucketBits - 1);

    private int FullCount => 1 << SubBucketBits;

    /// <summary>How many buckets cover 0 through <see cref="HighestTrackableNanoseconds"/>.</summary>
    public int BucketCount => IndexOf(HighestTrackableNanoseconds) + 1;

    /// <summary>The largest relative error of a reported value (the half-width of a bucket over its lower bound).</summary>
    public double MaxRelativeError => 1.0 / FullCount;

    public void Validate()
    {
        if (SubBucketBits is < 2 or > 16)
        {
            throw new ArgumentOutOfRangeException(nameof(SubBucketBits), SubBucketBits, "Sub-bucket bits must be between 2 and 16.");
        }

        if (HighestTrackableNanoseconds < FullCount)
        {
            throw new ArgumentOutOfRangeException(nameof(HighestTrackableNanoseconds), HighestTrackableNanoseconds, "The highest trackable value must cover at least the linear range.");
        }
    }

    /// <summary>The bucket holding <paramref name="nanoseconds"/> (which must be within range).</summary>
    public int IndexOf(long nanoseconds)
    {
        if (nanoseconds < FullCount)
        {
            return (int)nanoseconds;
        }

        // Shift so the value lands in [Half, Full): the shift is the octave, the remainder the sub-bucket.
        var shift = 63 - long.LeadingZeroCount(nanoseconds) - (SubBucketBits - 1);
        var sub = (int)(nanoseconds >> (int)shift) - HalfCount;
        return FullCount + ((int)(shift - 1) * HalfCount) + sub;
    }

    /// <summary>The smallest value that falls into bucket <paramref name="index"/>.</summary>
    public long LowerBound(int index)
    {
        if (index < FullCount)
        {
            return index;
        }

        var offset = index - FullCount;
        var shift = (offset / HalfCount) + 1;
        var sub = (long)((offset % HalfCount) + HalfCount);
        return sub << shift;
    }

    /// <summary>How many distinct nanosecond values bucket <paramref name="index"/> covers.</summary>
    public long Width(int index) =>
        index < FullCount ? 1 : 1L << (((index - FullCount) / HalfCount) + 1);

    /// <summary>The value reported for bucket <paramref name="index"/>: the middle of its range.</summary>
    public long Representative(int index) => LowerBound(index) + ((Width(index) - 1) / 2);
}
