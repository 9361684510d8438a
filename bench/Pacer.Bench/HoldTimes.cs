using System.Globalization;

namespace Pacer.Bench;

/// <summary>
/// Every hold time the target server measured, kept exactly (a fixed-rate run of 20 s at 20k/s is
/// 400,000 longs, 3.2 MB) so the percentiles it reports carry no histogram error of their own.
/// </summary>
internal sealed class HoldTimes
{
    private long[] _ticks = new long[1 << 20];
    private int _count;

    public void Add(TimeSpan held)
    {
        var slot = Interlocked.Increment(ref _count) - 1;
        var ticks = Volatile.Read(ref _ticks);
        if (slot < ticks.Length)
        {
            ticks[slot] = held.Ticks;
        }
    }

    public string Reset()
    {
        Volatile.Write(ref _ticks, new long[1 << 20]);
        Volatile.Write(ref _count, 0);
        return "reset\n";
    }

    /// <summary>"count=N p50_ms=X p99_ms=Y p999_ms=Z max_ms=M" over the holds since the last reset (nearest-rank percentiles).</summary>
    public string Summary()
    {
        var count = Math.Min(Volatile.Read(ref _count), _ticks.Length);
        var sorted = _ticks.AsSpan(0, count).ToArray();
        Array.Sort(sorted);
        string At(double percentile) => count == 0
            ? "0"
            : (sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * count) - 1, 0, count - 1)] / 10_000.0).ToString("F3", CultureInfo.InvariantCulture);
        return $"count={count} p50_ms={At(50)} p99_ms={At(99)} p999_ms={At(99.9)} max_ms={At(100)}\n";
    }
}
