using System.Globalization;

namespace Pacer.Load.Executors;

/// <summary>
/// A share of a load test (k6's execution segment): <c>2/4</c> is the second of four equal parts,
/// <c>1/4:1/2</c> the part between those fractions of a <see cref="ExecutionSegmentSequence"/> every
/// participant agrees on. Whatever an executor splits (VUs, iterations of an arrival schedule, shared
/// iterations) is numbered 0, 1, 2, …; item n belongs to exactly one segment of the sequence, given by
/// the sequence's stripes, so the segments together are the whole test: nothing counted twice, nothing
/// left out, the same items (and so the same start times) as the test run on one machine.
/// </summary>
public sealed class ExecutionSegment : IEquatable<ExecutionSegment>
{
    private readonly SegmentStripes _stripes;

    internal ExecutionSegment(ExecutionSegmentSequence sequence, int index)
    {
        Sequence = sequence;
        Index = index;
        _stripes = sequence.Stripes;
    }

    /// <summary>The whole test: every item.</summary>
    public static ExecutionSegment Whole { get; } = new(ExecutionSegmentSequence.Equal(1), 0);

    public ExecutionSegmentSequence Sequence { get; }

    /// <summary>Which part of <see cref="Sequence"/> this is, from 0.</summary>
    public int Index { get; }

    public Fraction Start => Sequence.Boundaries[Index];

    public Fraction End => Sequence.Boundaries[Index + 1];

    public bool IsWhole => Sequence.Count == 1;

    /// <summary>Part <paramref name="index"/> (from 0) of <paramref name="count"/> equal parts.</summary>
    public static ExecutionSegment Of(int index, int count) => ExecutionSegmentSequence.Equal(count).Segment(index);

    /// <summary>
    /// Reads <c>I/N</c> (part I of N equal parts, from 1) or <c>a:b</c> (fractions, decimals or
    /// percentages: <c>0:1/3</c>, <c>0.25:0.5</c>, <c>50%:100%</c>). An <c>a:b</c> segment belongs to
    /// <paramref name="sequence"/> (<c>0,1/4,1/2,1</c>); without one, to <c>0,a,b,1</c> as in k6.
    /// Throws <see cref="FormatException"/> with the reason.
    /// </summary>
    public static ExecutionSegment Parse(string text, string? sequence = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            if (sequence is not null)
            {
                throw new FormatException($"'{trimmed}' is part I of N equal parts; a segment sequence goes with a:b segments only");
            }

            return ParseIndexOfCount(trimmed);
        }

        var start = Fraction.Parse(trimmed[..colon]);
        var end = Fraction.Parse(trimmed[(colon + 1)..]);
        if (start >= end)
        {
            throw new FormatException($"'{trimmed}': the segment must end after it starts");
        }

        if (end > Fraction.One)
        {
            throw new FormatException($"'{trimmed}': a segment lies between 0 and 1");
        }

        var parts = sequence is null
            ? ExecutionSegmentSequence.Around(start, end)
            : ExecutionSegmentSequence.Parse(sequence);
        var index = parts.IndexOf(start, end)
            ?? throw new FormatException($"'{trimmed}' is not one part of the sequence {parts}: its ends must be neighbouring boundaries");
        return parts.Segment(index);
    }

    /// <summary>How many of the first <paramref name="whole"/> items are this segment's.</summary>
    public long Share(long whole) => IsWhole ? whole : _stripes.Share(Index, whole);

    /// <summary>The same for counts that fit an int (VUs).</summary>
    public int Share(int whole) => (int)Share((long)whole);

    /// <summary>True when item <paramref name="item"/> (from 0) is this segment's.</summary>
    public bool Owns(long item) => IsWhole || _stripes.Owner(item) == Index;

    /// <summary>The number (in the whole test) of this segment's <paramref name="n"/>-th item, from 0.</summary>
    public long NthOwned(long n) => IsWhole ? n : _stripes.NthOwned(Index, n);

    public bool Equals(ExecutionSegment? other) => other is not null && Index == other.Index && Sequence.Equals(other.Sequence);

    public override bool Equals(object? obj) => Equals(obj as ExecutionSegment);

    public override int GetHashCode() => HashCode.Combine(Sequence, Index);

    /// <summary><c>2/4</c> for an equal part, <c>1/4:1/2</c> otherwise; <see cref="Parse"/> reads it back (with the sequence for the latter).</summary>
    public override string ToString() =>
        Sequence.IsEqualParts ? $"{(Index + 1).ToString(CultureInfo.InvariantCulture)}/{Sequence.Count.ToString(CultureInfo.InvariantCulture)}" : $"{Start}:{End}";

    private static ExecutionSegment ParseIndexOfCount(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 ||
            !int.TryParse(text[..slash], NumberStyles.None, CultureInfo.InvariantCulture, out var index) ||
            !int.TryParse(text[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            throw new FormatException($"'{text}' is not a segment: write I/N (part I of N, from 1/N to N/N) or a:b fractions (0:1/4, 0.25:0.5)");
        }

        if (count < 1 || count > ExecutionSegmentSequence.MaxPeriod)
        {
            throw new FormatException($"'{text}': N must be between 1 and {ExecutionSegmentSequence.MaxPeriod:N0}");
        }

        if (index < 1 || index > count)
        {
            throw new FormatException($"'{text}': I counts from 1 to N ({count}), got {index}");
        }

        return Of(index - 1, count);
    }
}
