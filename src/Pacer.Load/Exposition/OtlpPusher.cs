using System.Text;

namespace Pacer.Load.Exposition;

/// <summary>
/// Pushes a <see cref="MetricsSnapshot"/> to an OTLP/HTTP collector (<c>--otlp URL</c>) every
/// <c>interval</c> and once more when disposed, so the last numbers of a run always arrive.
/// A failed push is one warning line and the next push carries the totals anyway (cumulative).
/// </summary>
public sealed class OtlpPusher : IAsyncDisposable
{
    private static readonly TimeSpan PushTimeout = TimeSpan.FromSeconds(10);

    private readonly HttpClient client = new() { Timeout = Timeout.InfiniteTimeSpan };
    private readonly Uri endpoint;
    private readonly Func<MetricsSnapshot> snapshot;
    private readonly TextWriter log;
    private readonly TimeProvider time;
    private readonly DateTimeOffset startedAt;
    private readonly CancellationTokenSource stopping = new();
    private readonly Task loop;

    private OtlpPusher(Uri endpoint, Func<MetricsSnapshot> snapshot, TimeSpan interval, TextWriter log, TimeProvider time)
    {
        this.endpoint = endpoint;
        this.snapshot = snapshot;
        this.log = log;
        this.time = time;
        startedAt = time.GetUtcNow();
        loop = RunAsync(interval);
    }

    /// <summary>Where the pushes go: the URL as given when it names <c>/v1/metrics</c>, else with that path added.</summary>
    public Uri Endpoint => endpoint;

    /// <summary>How many pushes the collector accepted.</summary>
    public int Accepted { get; private set; }

    public static OtlpPusher Start(Uri url, Func<MetricsSnapshot> snapshot, TimeSpan interval, TextWriter log, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(log);
        return new OtlpPusher(MetricsUrl(url), snapshot, interval, log, time ?? TimeProvider.System);
    }

    /// <summary><c>http://collector:4318</c> becomes <c>http://collector:4318/v1/metrics</c>; a URL ending in <c>/v1/metrics</c> is kept.</summary>
    public static Uri MetricsUrl(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.AbsolutePath.EndsWith("/v1/metrics", StringComparison.Ordinal)
            ? url
            : new Uri(url, url.AbsolutePath.TrimEnd('/') + "/v1/metrics");
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        await loop.ConfigureAwait(false);
        await PushAsync(CancellationToken.None).ConfigureAwait(false);
        stopping.Dispose();
        client.Dispose();
    }

    private async Task RunAsync(TimeSpan interval)
    {
        try
        {
            using var timer = new PeriodicTimer(interval, time);
            while (await timer.WaitForNextTickAsync(stopping.Token).ConfigureAwait(false))
            {
                await PushAsync(stopping.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed: the final push follows.
        }
    }

    private async Task PushAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(PushTimeout);
        try
        {
            var body = OtlpJson.Write(snapshot(), startedAt, time.GetUtcNow());
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await client.PostAsync(endpoint, content, timeout.Token).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                Accepted++;
            }
            else
            {
                await log.WriteLineAsync($"warning: OTLP push to {endpoint} answered {(int)response.StatusCode}").ConfigureAwait(false);
            }
        }
        catch (HttpRequestException exception)
        {
            await log.WriteLineAsync($"warning: OTLP push to {endpoint} failed: {exception.Message}").ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await log.WriteLineAsync($"warning: OTLP push to {endpoint} got no answer within {PushTimeout.TotalSeconds:0}s").ConfigureAwait(false);
        }
    }
}
