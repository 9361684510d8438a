using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Storefront.Api.Tests.Infrastructure;
using Xunit;

namespace Storefront.Api.Tests.Reliability;

/// <summary>
/// Storefront as a real process with its default overload settings, offered 3,000 uncached catalog searches a second
/// (well past one core's capacity) at a fixed rate: it sheds the excess with 503 + Retry-After at once instead of
/// queueing every client for seconds, nothing fails another way, and /health answers every probe. The 50 ms p99 the
/// issue asks of /health is a benchmark figure (overload.sh, server and client on their own cores): a timed assert
/// here would measure whatever else the shared test machine runs on that core, so the test prints it instead.
/// </summary>
public sealed class OverloadAtRateTests : IAsyncLifetime
{
    private const int Rate = 3_000;
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(4);
    private readonly PostgresTestDatabase? _postgres = PostgresTestDatabase.FromEnvironment();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task At_3000_requests_a_second_the_defaults_shed_with_503_and_health_answers()
    {
        var settings = new Dictionary<string, string>
        {
            ["Storefront__Jwt__SigningKey"] = StorefrontFactory.SigningKey,
            // Every request comes from one address: the per-client limits would answer 429 before overload is reached.
            ["Storefront__RateLimiting__Enabled"] = "false",
        };
        if (_postgres is not null)
        {
            settings["ConnectionStrings__Storefront"] = _postgres.ConnectionString;
        }

        await using var server = StorefrontProcess.Start(variables: settings);
        var address = await server.ListeningAsync(TimeSpan.FromSeconds(180));
        server.PinToLastCpu();
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 2_000 };
        using var client = new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
        using var prober = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
        for (var i = 0; i < 50; i++)
        {
            (await client.GetAsync($"/api/v1/products?q=w{i}", Ct)).EnsureSuccessStatusCode();
        }

        var statuses = new ConcurrentDictionary<int, int>();
        var failures = new ConcurrentQueue<string>();
        HttpResponseMessage? refusal = null;
        var requests = new List<Task>();
        var health = new List<double>();
        using var stop = new CancellationTokenSource();
        var probing = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                var response = await prober.GetAsync("/health", Ct);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                lock (health)
                {
                    health.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }

                await Task.Delay(20, Ct);
            }
        }, Ct);

        var clock = Stopwatch.StartNew();
        for (var sent = 0; sent < Rate * Duration.TotalSeconds;)
        {
            var due = (int)(clock.Elapsed.TotalSeconds * Rate);
            for (; sent < due && sent < Rate * Duration.TotalSeconds; sent++)
            {
                var n = sent;
                requests.Add(Task.Run(async () =>
                {
                    try
                    {
                        var response = await client.GetAsync($"/api/v1/products?q={Guid.NewGuid():N}"[..30] + $"&page={1 + (n % 3)}", Ct);
                        statuses.AddOrUpdate((int)response.StatusCode, 1, (_, c) => c + 1);
                        if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                        {
                            Interlocked.CompareExchange(ref refusal, response, null);
                        }
                    }
                    catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
                    {
                        failures.Enqueue(error.GetType().Name + ": " + error.Message);
                    }
                }, Ct));
            }

            await Task.Delay(1, Ct);
        }

        await Task.WhenAll(requests);
        await stop.CancelAsync();
        await probing;

        health.Sort();
        var p99 = health[(int)Math.Ceiling(health.Count * 0.99) - 1];
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"({(_postgres is null ? "sqlite" : "postgresql")}) {requests.Count} requests in {clock.Elapsed.TotalSeconds:F1} s: " +
            string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}")) +
            $"; /health p50 {health[health.Count / 2]:F1} ms, p99 {p99:F1} ms over {health.Count} probes");

        Assert.Empty(failures);
        Assert.All(statuses.Keys, status => Assert.True(status is 200 or 503, $"unexpected {status}"));
        Assert.True(statuses.GetValueOrDefault(503) > 0, "nothing was shed");
        Assert.True(statuses.GetValueOrDefault(200) > 0, "nothing was served");
        await ProblemAssert.IsProblemAsync(refusal!, 503, "overloaded");
        Assert.Equal("1", Assert.Single(refusal!.Headers.GetValues("Retry-After")));
        Assert.True(health.Count >= 5, $"only {health.Count} health probes answered");
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DropAsync();
        }
    }
}
