using System.Collections.Concurrent;

namespace Storefront.Api.Infrastructure.Metrics;

/// <summary>
/// Request counts and latency histograms keyed by method, route template and status, plus in-flight
/// requests. Written by <see cref="HttpMetricsMiddleware"/>, rendered by <see cref="PrometheusTextWriter"/>.
/// </summary>
public sealed class HttpMetrics
{
    /// <summary>Upper bounds in seconds; Prometheus' default buckets, which suit an API.</summary>
    public static readonly double[] BucketBounds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly ConcurrentDictionary<RouteKey, LatencyHistogram> _series = new();
    private long _inFlight;

    public long InFlight => Interlocked.Read(ref _inFlight);

    public void RequestStarted() => Interlocked.Increment(ref _inFlight);

    public void RequestFinished(string method, string route, int status, double seconds)
    {
        Interlocked.Decrement(ref _inFlight);
        _series.GetOrAdd(new RouteKey(method, route, status), static _ => new LatencyHistogram(BucketBounds.Length)).Record(seconds);
    }

    public IEnumerable<KeyValuePair<RouteKey, LatencyHistogram>> Snapshot() =>
        _series.ToArray().OrderBy(s => s.Key.Route, StringComparer.Ordinal).ThenBy(s => s.Key.Method, StringComparer.Ordinal)
            .ThenBy(s => s.Key.Status);

    public readonly record struct RouteKey(string Method, string Route, int Status);

    /// <summary>Non-cumulative bucket counts; the writer accumulates them when rendering.</summary>
    public sealed class LatencyHistogram(int bucketCount)
    {
        private readonly long[] _buckets = new long[bucketCount + 1];
        private long _count;
        private long _sumMicroseconds;

        public long Count => Interlocked.Read(ref _count);

        public double SumSeconds => Interlocked.Read(ref _sumMicroseconds) / 1_000_000d;

        public long BucketCount(int index) => Interlocked.Read(ref _buckets[index]);

        public void Record(double seconds)
        {
            var index = Array.BinarySearch(BucketBounds, seconds);
            index = index >= 0 ? index : ~index;
            Interlocked.Increment(ref _buckets[index]);
            Interlocked.Increment(ref _count);
            Interlocked.Add(ref _sumMicroseconds, (long)(seconds * 1_000_000));
        }
    }
}
