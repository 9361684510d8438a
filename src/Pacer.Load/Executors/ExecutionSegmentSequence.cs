using System.Numerics;

namespace Pacer.Load.Executors;

/// <summary>
/// How a test is cut into segments: boundaries from 0 to 1 (k6's execution segment sequence). Every
/// participant of a distributed run must use the same sequence, because the sequence decides which
/// segment owns which item (<see cref="SegmentStripes"/>): <c>I/N</c> segments share the sequence of
/// N equal parts by construction.
/// </summary>
public sealed class ExecutionSegmentSequence : IEquatable<ExecutionSegmentSequence>
{
    /// <summary>The longest stripe pattern (the boundaries' common denominator) kept in memory.</summary>
    public const int MaxPeriod = 1_000_000;

    private readonly Lazy<SegmentStripes> _stripes;

    private ExecutionSegmentSequence(IReadOnlyList<Fraction> boundaries, bool equalParts)
    {
        Boundaries = boundaries;
        IsEqualParts = equalParts;
        _stripes = new Lazy<SegmentStripes>(() => new SegmentStripes(boundaries));
    }

    /// <summary>0, then each segment's end, up to 1.</summary>
    public IReadOnlyList<Fraction> Boundaries { get; }

    /// <summary>How many segments the sequence has.</summary>
    public int Count => Boundaries.Count - 1;

    /// <summary>True for N equal parts, whose segments read as <c>I/N</c>.</summary>
    public bool IsEqualParts { get; }

    internal SegmentStripes Stripes => _stripes.Value;

    public static ExecutionSegmentSequence Equal(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxPeriod);
        return new([.. Enumerable.Range(0, count + 1).Select(i => new Fraction(i, count))], equalParts: true);
    }

    /// <summary>The sequence k6 assumes for a lone <c>a:b</c>: 0, a, b, 1 (without repeats).</summary>
    public static ExecutionSegmentSequence Around(Fraction start, Fraction end) =>
        Of([.. new[] { Fraction.Zero, start, end, Fraction.One }.Distinct()]);

    /// <summary>Reads <c>0,1/4,1/2,1</c> (fractions, decimals or percentages). Throws <see cref="FormatException"/>.</summary>
    public static ExecutionSegmentSequence Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Of([.. text.Split(',').Select(Fraction.Parse)]);
    }

    public static ExecutionSegmentSequence Of(IReadOnlyList<Fraction> boundaries)
    {
        ArgumentNullException.ThrowIfNull(boundaries);
        if (boundaries.Count < 2 || boundaries[0] != Fraction.Zero || boundaries[^1] != Fraction.One)
        {
            throw new FormatException($"a segment sequence runs from 0 to 1, got {string.Join(",", boundaries)}");
        }

        for (var i = 1; i < boundaries.Count; i++)
        {
            if (boundaries[i] <= boundaries[i - 1])
            {
                throw new FormatException($"a segment sequence only goes up: {boundaries[i]} follows {boundaries[i - 1]}");
            }
        }

        BigInteger period = 1;
        foreach (var boundary in boundaries)
        {
            period = period / BigInteger.GreatestCommonDivisor(period, boundary.Denominator) * boundary.Denominator;
        }

        if (period > MaxPeriod)
        {
            throw new FormatException($"the segment boundaries' common denominator is {period}; at most {MaxPeriod:N0} is supported (use simpler fractions)");
        }

        var count = boundaries.Count - 1;
        var equal = Enumerable.Range(0, count + 1).All(i => boundaries[i] == new Fraction(i, count));
        return new ExecutionSegmentSequence(boundaries, equal);
    }

    public ExecutionSegment Segment(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return new ExecutionSegment(this, index);
    }

    /// <summary>Every segment of the sequence, in order.</summary>
    public IReadOnlyList<ExecutionSegment> Segments() => [.. Enumerable.Range(0, Count).Select(Segment)];

    /// <summary>The index of the segment [<paramref name="start"/>, <paramref name="end"/>), or null when it is not one.</summary>
    public int? IndexOf(Fraction start, Fraction end)
    {
        for (var i = 0; i < Count; i++)
        {
            if (Boundaries[i] == start && Boundaries[i + 1] == end)
            {
                return i;
            }
        }

        return null;
    }

    public bool Equals(ExecutionSegmentSequence? other) => other is not null && Boundaries.SequenceEqual(other.Boundaries);

    public override bool Equals(object? obj) => Equals(obj as ExecutionSegmentSequence);

    public override int GetHashCode() => Boundaries.Aggregate(0, HashCode.Combine);

    public override string ToString() => string.Join(",", Boundaries);
}
