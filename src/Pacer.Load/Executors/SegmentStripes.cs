namespace Pacer.Load.Executors;

/// <summary>
/// Which segment of a sequence owns item n (a VU, an iteration of a schedule). Over one period of D
/// items (D the boundaries' common denominator) segment j owns exactly D·(its length) of them, so
/// shares add up exactly; inside the period the items are dealt out by largest deficit (each item goes
/// to the segment furthest behind its fair share so far, ties to the lower one), as k6 stripes its
/// segments, so a segment's items are spread through the schedule rather than bunched: for N equal
/// parts item n simply goes to part n mod N. Counts, membership and the n-th item of a segment are
/// O(1) lookups into arrays of D entries.
/// </summary>
internal sealed class SegmentStripes
{
    private readonly int _period;
    private readonly int[] _owner;
    private readonly int[] _perPeriod;

    // For each segment: how many of the first r positions of a period it owns (r = 0..D), and which positions it owns.
    private readonly int[][] _prefix;
    private readonly int[][] _positions;

    public SegmentStripes(IReadOnlyList<Fraction> boundaries)
    {
        var period = boundaries.Aggregate(1L, (lcm, b) => lcm / Gcd(lcm, b.Denominator) * b.Denominator);
        _period = (int)period;
        var segments = boundaries.Count - 1;
        _perPeriod = [.. Enumerable.Range(0, segments).Select(j => (int)(Scaled(boundaries[j + 1]) - Scaled(boundaries[j])))];
        _owner = new int[_period];
        var given = new long[segments];
        for (var t = 0; t < _period; t++)
        {
            // Deficit of j after t+1 items, times D: (t+1)·share_j − D·given_j; the largest gets the item.
            var best = 0;
            var bestDeficit = long.MinValue;
            for (var j = 0; j < segments; j++)
            {
                var deficit = ((t + 1L) * _perPeriod[j]) - (_period * given[j]);
                if (deficit > bestDeficit)
                {
                    best = j;
                    bestDeficit = deficit;
                }
            }

            _owner[t] = best;
            given[best]++;
        }

        _prefix = new int[segments][];
        _positions = new int[segments][];
        for (var j = 0; j < segments; j++)
        {
            var prefix = new int[_period + 1];
            var positions = new int[_perPeriod[j]];
            var count = 0;
            for (var t = 0; t < _period; t++)
            {
                prefix[t] = count;
                if (_owner[t] == j)
                {
                    positions[count++] = t;
                }
            }

            prefix[_period] = count;
            _prefix[j] = prefix;
            _positions[j] = positions;
        }

        long Scaled(Fraction f) => f.Numerator * (period / f.Denominator);
    }

    public int Owner(long item) => _owner[item % _period];

    public long Share(int segment, long whole)
    {
        if (whole <= 0)
        {
            return 0;
        }

        return (whole / _period * _perPeriod[segment]) + _prefix[segment][whole % _period];
    }

    public long NthOwned(int segment, long n)
    {
        var perPeriod = _perPeriod[segment];
        return (n / perPeriod * _period) + _positions[segment][n % perPeriod];
    }

    private static long Gcd(long a, long b) => b == 0 ? a : Gcd(b, a % b);
}
