using Pacer.Testing;
using Storefront.Api.Tests.Infrastructure;
using Xunit;

namespace Storefront.Api.Tests.PerformanceSuite;

/// <summary>
/// overload.flow.md needs a Storefront past capacity. Here that is a tiny global bound (one request at a
/// time, no queue), a login limit of three, and background clients that keep the slot busy most of the
/// time, with pauses, while the flow runs: its retried steps then meet both a 503 (the slot taken) and,
/// between the background requests, enough logins to reach the 429.
/// </summary>
public sealed class OverloadFlowTests
{
    public const string FileName = "overload.flow.md";
    private const int BackgroundClients = 2;
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(20);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Overload_flow_meets_503_and_429_with_their_shapes_when_storefront_is_past_capacity()
    {
        await using var app = StorefrontFactory.With(new Dictionary<string, string?>
        {
            ["Storefront:Overload:MaxConcurrentRequests"] = "1",
            ["Storefront:Overload:QueueLimit"] = "0",
            ["Storefront:RateLimiting:LoginPermitLimit"] = "3",
        });
        await app.InitializeAsync();
        var flow = Flow.Load(Path.Combine(AppContext.BaseDirectory, PerformanceSuiteHost.FlowFolder, FileName));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var statuses = new System.Collections.Concurrent.ConcurrentBag<int>();
        var pressure = Enumerable.Range(0, BackgroundClients).Select(_ => Task.Run(async () =>
        {
            var client = app.CreateClient();
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    statuses.Add((int)(await client.GetAsync("/api/v1/products?pageSize=100&sort=-price", stop.Token)).StatusCode);
                    await Task.Delay(Pause, stop.Token);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }
            }
        })).ToList();

        FlowResult result;
        try
        {
            result = await flow.RunAsync(app.AsFlowTarget("/api/v1"), new FlowRunSettings { SoftBudgets = true }, Ct);
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(pressure);
        }

        result.ShouldPass();
        Assert.All(statuses, s => Assert.True(s is 200 or 503, $"background traffic got {s}"));
    }
}
