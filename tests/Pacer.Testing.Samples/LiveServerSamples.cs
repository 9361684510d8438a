using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Pacer.Testing.Samples;

/// <summary>Issue 8, bullet 1: the target may be a plain base URL — here a real server on 127.0.0.1, port 0.</summary>
public sealed class LiveServerSamples
{
    [Fact]
    public async Task A_flow_runs_against_a_base_url()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();
        app.MapGet("/api/greeting", () => Results.Json(new { text = "hello", count = 3 }));
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var result = await Flow.Parse("""
            ```step
            GET /greeting

            [Asserts]
            status == 200
            body.text == "hello"
            body.count == {{expected_count}}
            ```
            """).RunAsync(address + "/api", new Dictionary<string, object?> { ["expected_count"] = 3 }, TestContext.Current.CancellationToken);

        result.ShouldPass();
        Assert.Equal(3, result.Assertions.Count);
        Assert.StartsWith("http://127.0.0.1:", result.Steps[0].Request?.Url, StringComparison.Ordinal);
        await app.StopAsync(TestContext.Current.CancellationToken);
    }
}
