using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Pacer.Distributed.Tests;

/// <summary>
/// The target of the distributed runs (real Kestrel on 127.0.0.1, random port): a login that hands out
/// a token (counted: setup must run once), an endpoint that needs it and records which data user
/// asked, and a slow one. It notes when the last request arrived, to see when the load stopped.
/// </summary>
internal sealed class DistributedTarget : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _lastRequestTicks;
    private int _logins;
    private long _requests;

    private DistributedTarget(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public int Logins => Volatile.Read(ref _logins);

    public long Requests => Interlocked.Read(ref _requests);

    public ConcurrentDictionary<string, int> Users { get; } = new();

    /// <summary>When the last request arrived, on <see cref="Now"/>'s clock.</summary>
    public TimeSpan LastRequest => TimeSpan.FromTicks(Interlocked.Read(ref _lastRequestTicks));

    public TimeSpan Now => _clock.Elapsed;

    public static async Task<DistributedTarget> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var target = new DistributedTarget(app);
        app.Use(async (context, next) =>
        {
            Interlocked.Increment(ref target._requests);
            Interlocked.Exchange(ref target._lastRequestTicks, target._clock.Elapsed.Ticks);
            await next(context);
        });
        app.MapPost("/login", () =>
        {
            Interlocked.Increment(ref target._logins);
            return Results.Json(new { token = "tok-" + Guid.NewGuid().ToString("N") });
        });
        app.MapGet("/me", (HttpRequest request, string? user) =>
        {
            if (!request.Headers.Authorization.ToString().StartsWith("Bearer tok-", StringComparison.Ordinal))
            {
                return Results.Json(new { error = "no token" }, statusCode: 401);
            }

            target.Users.AddOrUpdate(user ?? "", 1, (_, n) => n + 1);
            return Results.Json(new { user });
        });
        app.MapGet("/slow", async (int ms) =>
        {
            await Task.Delay(ms);
            return Results.Text("slow");
        });
        await app.StartAsync();
        target.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return target;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
