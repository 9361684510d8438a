using System.Diagnostics;
using Pacer.Core.Http.Engine;
using Pacer.Core.Http.Engine.Http2;

namespace Pacer.Bench;

/// <summary>Closed-model load over HTTP/2: -c workers (VUs) multiplexed over -n connections, a GET asserting 200.</summary>
internal static class Http2Load
{
    private static Http2ConnectionPool Pool(BenchOptions options) => new(
        new ConnectionOptions { Host = options.Url.Host, Port = options.Url.Port, Tls = EngineLoad.Tls(options) },
        options.Http2Connections);

    public static async Task<LoadResult> RunAsync(BenchOptions options)
    {
        var request = PreparedRequest.Create("GET", options.Url.Authority, options.Url.PathAndQuery);
        using var pool = Pool(options);
        var stopAt = Stopwatch.GetTimestamp() + (long)(options.Duration.TotalSeconds * Stopwatch.Frequency);
        var cpuBefore = LoadResult.ProcessCpu();
        var started = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, options.Connections)
            .Select(_ => Task.Run(() => WorkerAsync(pool.CreateChannel(), request, stopAt)))
            .ToArray();
        var counts = await Task.WhenAll(workers);
        var elapsed = Stopwatch.GetElapsedTime(started);
        return new LoadResult("h2", counts.Sum(c => c.Ok), counts.Sum(c => c.Failed), elapsed, LoadResult.ProcessCpu() - cpuBefore);
    }

    private static async Task<(long Ok, long Failed)> WorkerAsync(Http2Channel channel, PreparedRequest request, long stopAt)
    {
        using var _ = channel;
        long ok = 0, failed = 0;
        while (Stopwatch.GetTimestamp() < stopAt)
        {
            var result = await channel.SendAsync(request).ConfigureAwait(false);
            if (result.Succeeded && result.StatusCode == 200)
            {
                ok++;
            }
            else
            {
                failed++;
            }
        }

        return (ok, failed);
    }

    /// <summary>Process-wide bytes allocated per request with -c VUs over -n connections, after a warm-up.</summary>
    public static async Task<LoadResult> MeasureAllocationsAsync(BenchOptions options)
    {
        var request = PreparedRequest.Create("GET", options.Url.Authority, options.Url.PathAndQuery);
        using var pool = Pool(options);
        var channels = Enumerable.Range(0, options.Connections).Select(_ => pool.CreateChannel()).ToArray();
        await RunAllAsync(channels, request, 500);
        const int perChannel = 2_000;
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var cpuBefore = LoadResult.ProcessCpu();
        var started = Stopwatch.GetTimestamp();
        await RunAllAsync(channels, request, perChannel);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        var measured = perChannel * channels.Length;
        return new LoadResult("alloc-h2", measured, 0, Stopwatch.GetElapsedTime(started), LoadResult.ProcessCpu() - cpuBefore, $"bytes_per_request={(double)allocated / measured:F1}");
    }

    // One Task per channel for the whole loop (allocated once, outside the per-request count).
    private static Task RunAllAsync(Http2Channel[] channels, PreparedRequest request, int count) =>
        Task.WhenAll(channels.Select(async channel =>
        {
            for (var i = 0; i < count; i++)
            {
                await channel.SendAsync(request).ConfigureAwait(false);
            }
        }));
}
