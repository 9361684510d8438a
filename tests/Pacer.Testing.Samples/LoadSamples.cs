using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Pacer.Testing.Load;
using Xunit;

namespace Pacer.Testing.Samples;

/// <summary>Issue 8: a load test written as code — a scenario, an executor, thresholds — giving the same result as <c>pacer load --out</c>.</summary>
public sealed class LoadSamples
{
    [Fact]
    public async Task A_code_scenario_runs_under_an_arrival_rate_and_is_judged_by_thresholds()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();
        var counter = 0;
        app.MapGet("/api/items", () => Interlocked.Increment(ref counter) % 5 == 0
            ? Results.Json(new { items = Array.Empty<int>() })
            : Results.Json(new { items = new[] { 1, 2 } }));
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var browse = Scenario.Create("browse", async ctx =>
        {
            var body = await ctx.Http.GetStringAsync("api/items");
            ctx.Assert(body.Contains("1,2", StringComparison.Ordinal), "the list is empty");
        }).WithBaseAddress(address);

        var result = await LoadTest.Run(browse, Executor.ConstantArrivalRate(50, TimeSpan.FromSeconds(1), maxVus: 50), ["p95<5s", "errors<1%"], TestContext.Current.CancellationToken);

        Assert.Equal("constant-arrival-rate", result.Executor.Type);
        // 50 iterations were due in the second; each was started or, with no VU free, dropped and counted.
        Assert.InRange(result.Summary.Iterations.Started + result.Summary.Iterations.Dropped, 45, 51);
        Assert.True(result.Summary.Requests >= 5, $"{result.Summary.Requests} requests");
        // Every fifth response is empty: the assertion counts it, the load goes on, errors<1% fails.
        Assert.True(result.Summary.FailuresByKind["assertion-failed"] > 0);
        Assert.True(result.Thresholds.Single(t => t.Text == "p95<5s").Passed);
        Assert.False(result.Thresholds.Single(t => t.Text == "errors<1%").Passed);
        Assert.False(result.Passed);
        Assert.Equal("the list is empty", result.Steps.Single().Samples.Single().Message);
        await app.StopAsync(TestContext.Current.CancellationToken);
    }
}
