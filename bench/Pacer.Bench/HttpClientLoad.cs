using System.Diagnostics;
using System.Net;

namespace Pacer.Bench;

/// <summary>The same closed-model load through .NET's HttpClient, the baseline the engine replaces.</summary>
internal static class HttpClientLoad
{
    public static async Task<LoadResult> RunAsync(BenchOptions options)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Connections, UseProxy = false, AutomaticDecompression = DecompressionMethods.None };
        using var client = new HttpClient(handler);
        var stopAt = Stopwatch.GetTimestamp() + (long)(options.Duration.TotalSeconds * Stopwatch.Frequency);
        var cpuBefore = LoadResult.ProcessCpu();
        var started = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, options.Connections)
            .Select(_ => Task.Run(() => WorkerAsync(client, options.Url, stopAt)))
            .ToArray();
        var counts = await Task.WhenAll(workers);
        return new LoadResult("httpclient", counts.Sum(c => c.Ok), counts.Sum(c => c.Failed), Stopwatch.GetElapsedTime(started), LoadResult.ProcessCpu() - cpuBefore);
    }

    private static async Task<(long Ok, long Failed)> WorkerAsync(HttpClient client, Uri url, long stopAt)
    {
        long ok = 0, failed = 0;
        while (Stopwatch.GetTimestamp() < stopAt)
        {
            try
            {
                using var response = await client.GetAsync(url).ConfigureAwait(false);
                await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    ok++;
                }
                else
                {
                    failed++;
                }
            }
            catch (HttpRequestException)
            {
                failed++;
            }
        }
        return (ok, failed);
    }
}
