using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Pacer.TestSupport;

/// <summary>
/// A small Kestrel server on 127.0.0.1 and a random port whose answers a test sets as it goes
/// (<see cref="Status"/>), and which records every request it receives (method, path, body): a target
/// that fails and recovers for monitor tests, a webhook receiver for alert tests.
/// </summary>
public sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private LoopbackHttpServer(WebApplication app) => _app = app;

    /// <summary>The status every request is answered with; change it at any time.</summary>
    public int Status { get; set; } = StatusCodes.Status200OK;

    public string BaseUrl { get; private set; } = "";

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public static async Task<LoopbackHttpServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new LoopbackHttpServer(app);
        app.Run(async http =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync(http.RequestAborted);
            server._requests.Enqueue(new RecordedRequest(http.Request.Method, http.Request.Path + http.Request.QueryString, body, DateTimeOffset.UtcNow));
            http.Response.StatusCode = server.Status;
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync($"{{\"status\": {server.Status}}}", http.RequestAborted);
        });
        await app.StartAsync();
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return server;
    }

    /// <summary>Waits until <paramref name="condition"/> holds for the recorded requests, or fails after <paramref name="limit"/>.</summary>
    public async Task WaitForAsync(Func<IReadOnlyList<RecordedRequest>, bool> condition, TimeSpan limit, string what)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTimeOffset.UtcNow + limit;
        while (!condition(Requests))
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"waited {limit.TotalSeconds:0} s for {what}; received {Requests.Count} request(s): {string.Join(" | ", Requests.Select(r => r.Body))}");
            }

            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed record RecordedRequest(string Method, string Path, string Body, DateTimeOffset At);
