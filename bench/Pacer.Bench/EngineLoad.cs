using System.Diagnostics;
using Pacer.Core.Http.Engine;
using Pacer.Core.Http.Engine.Tls;

namespace Pacer.Bench;

/// <summary>Closed-model load with the fast engine: one keep-alive connection per worker, a GET asserting 200.</summary>
internal static class EngineLoad
{
    public static async Task<LoadResult> RunAsync(BenchOptions options)
    {
        var request = PreparedRequest.Create("GET", options.Url.Authority, options.Url.PathAndQuery);
        var stopAt = Stopwatch.GetTimestamp() + (long)(options.Duration.TotalSeconds * Stopwatch.Frequency);
        var cpuBefore = LoadResult.ProcessCpu();
        var started = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, options.Connections)
            .Select(_ => Task.Run(() => WorkerAsync(options, request, stopAt)))
            .ToArray();
        var counts = await Task.WhenAll(workers);
        var elapsed = Stopwatch.GetElapsedTime(started);
        return new LoadResult("engine", counts.Sum(c => c.Ok), counts.Sum(c => c.Failed), elapsed, LoadResult.ProcessCpu() - cpuBefore);
    }

    private static async Task<(long Ok, long Failed)> WorkerAsync(BenchOptions options, PreparedRequest request, long stopAt)
    {
        using var connection = new Http11Connection(new ConnectionOptions
        {
            Host = options.Url.Host,
            Port = options.Url.Port,
            RequestTimeout = Environment.GetEnvironmentVariable("PACER_BENCH_NO_TIMEOUT") == "1" ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(30),
            UseEventLoop = Environment.GetEnvironmentVariable("PACER_BENCH_TRANSPORT") != "socket",
            Tls = Tls(options),
        });
        long ok = 0, failed = 0;
        while (Stopwatch.GetTimestamp() < stopAt)
        {
            var result = await connection.SendAsync(request).ConfigureAwait(false);
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

    /// <summary>
    /// https targets are the bench's self-signed nginx: no certificate check. PACER_BENCH_TLS=sslstream
    /// measures .NET's SslStream instead of OpenSSL on the event loop.
    /// </summary>
    internal static TlsOptions? Tls(BenchOptions options) => options.Url.Scheme != "https" ? null : new TlsOptions
    {
        Insecure = true,
        Backend = Environment.GetEnvironmentVariable("PACER_BENCH_TLS") == "sslstream" ? TlsBackend.SslStream : TlsBackend.Auto,
    };

    /// <summary>Process-wide bytes allocated per request on one connection, after a warm-up.</summary>
    public static async Task<LoadResult> MeasureAllocationsAsync(BenchOptions options)
    {
        var request = PreparedRequest.Create("GET", options.Url.Authority, options.Url.PathAndQuery);
        using var connection = new Http11Connection(new ConnectionOptions { Host = options.Url.Host, Port = options.Url.Port, Tls = Tls(options) });
        for (var i = 0; i < 2_000; i++)
        {
            await connection.SendAsync(request).ConfigureAwait(false);
        }
        const int measured = 20_000;
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var cpuBefore = LoadResult.ProcessCpu();
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < measured; i++)
        {
            await connection.SendAsync(request).ConfigureAwait(false);
        }
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        return new LoadResult("alloc", measured, 0, Stopwatch.GetElapsedTime(started), LoadResult.ProcessCpu() - cpuBefore, $"bytes_per_request={(double)allocated / measured:F1}");
    }
}
