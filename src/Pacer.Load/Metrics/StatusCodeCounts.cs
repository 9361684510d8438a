namespace Pacer.Load.Metrics;

/// <summary>
/// Responses by HTTP status code. Recorders keep a fixed array indexed by status (see
/// <see cref="StepRecorder.RecordStatus"/>); snapshots and the result file keep only the codes
/// that occurred. Requests that got no response (refused, reset, timed out) have no status and
/// are not counted here: their failure kind says what happened.
/// </summary>
public static class StatusCodeCounts
{
    /// <summary>The lowest status counted (1xx).</summary>
    public const int Lowest = 100;

    /// <summary>One past the highest status counted: HTTP status codes have three digits.</summary>
    public const int Limit = 1000;

    public static readonly IReadOnlyDictionary<int, long> None = new Dictionary<int, long>();

    /// <summary>The non-zero counters of <paramref name="counters"/> (indexed by status), in status order.</summary>
    public static IReadOnlyDictionary<int, long> Read(long[] counters)
    {
        ArgumentNullException.ThrowIfNull(counters);
        SortedDictionary<int, long>? counts = null;
        for (var status = Lowest; status < Math.Min(Limit, counters.Length); status++)
        {
            var count = Volatile.Read(ref counters[status]);
            if (count != 0)
            {
                (counts ??= [])[status] = count;
            }
        }

        return counts ?? None;
    }

    /// <summary>The sum of several breakdowns, code by code (exact, as <c>pacer merge</c> needs).</summary>
    public static IReadOnlyDictionary<int, long> Sum(IEnumerable<IReadOnlyDictionary<int, long>> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var sum = new SortedDictionary<int, long>();
        foreach (var (status, count) in parts.SelectMany(p => p))
        {
            sum[status] = sum.GetValueOrDefault(status) + count;
        }

        return sum;
    }
}
