using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Pacer.Cli.Tests.Load;

/// <summary>
/// A target for load tests on real Kestrel (127.0.0.1, random port): a fast 200, any status,
/// a stall, a huge body, a login that hands out a token and an endpoint that
/// needs it, and an echo of the user a data row names. It counts logins and users seen.
/// </summary>
public sealed class LoadTargetServer : IAsyncDisposable
{
    public const int HugeBodyBytes = 20 * 1024 * 1024;

    private static readonly byte[] Huge = new byte[HugeBodyBytes];

    private readonly WebApplication app;

    private LoadTargetServer(WebApplication app) => this.app = app;

    public string BaseUrl { get; private set; } = "";

    public int Logins => Volatile.Read(ref logins);

    public ConcurrentDictionary<string, int> UsersSeen { get; } = new();

    private int logins;

    /// <param name="listen">How the port listens (HTTP/2 only, TLS); plain HTTP/1.1 when null.</param>
    public static async Task<LoadTargetServer> StartAsync(Action<Microsoft.AspNetCore.Server.Kestrel.Core.ListenOptions>? listen = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0, port => listen?.Invoke(port)));
        var app = builder.Build();
        var server = new LoadTargetServer(app);
        server.Map();
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = address.TrimEnd('/');
        return server;
    }

    private void Map()
    {
        app.MapGet("/ok", () => Results.Text("ok"));
        app.MapGet("/status/{code:int}", (int code) => Results.Text($"status {code}", statusCode: code));
        app.MapGet("/stall", async (int ms, CancellationToken aborted) =>
        {
            await Task.Delay(ms, aborted);
            return Results.Text("late");
        });
        app.MapGet("/huge", async (HttpContext context) =>
        {
            context.Response.ContentLength = Huge.Length;
            await context.Response.Body.WriteAsync(Huge, context.RequestAborted);
        });
        app.MapPost("/login", () =>
        {
            Interlocked.Increment(ref logins);
            return Results.Json(new { token = "tok-" + Guid.NewGuid().ToString("N") });
        });
        app.MapGet("/me", (HttpRequest request) =>
            request.Headers.Authorization.ToString().StartsWith("Bearer tok-", StringComparison.Ordinal)
                ? Results.Json(new { user = "me" })
                : Results.Json(new { error = "no token" }, statusCode: 401));
        // Not ready twice per key, then ready: what a flow polls with @retry.
        app.MapGet("/ready/{key}", (string key) =>
            UsersSeen.AddOrUpdate("ready:" + key, 1, (_, n) => n + 1) <= 2
                ? Results.Json(new { ready = false }, statusCode: 503)
                : Results.Json(new { ready = true }));
        // A cookie session: /session/start sets one, /session/me answers 401 without it.
        app.MapPost("/session/start", (HttpResponse response) =>
        {
            response.Cookies.Append("sid", "s-" + Guid.NewGuid().ToString("N"), new CookieOptions { Path = "/" });
            return Results.Json(new { started = true });
        });
        app.MapGet("/session/me", (HttpRequest request) =>
            request.Cookies.TryGetValue("sid", out var sid) && sid.StartsWith("s-", StringComparison.Ordinal)
                ? Results.Json(new { user = "me" })
                : Results.Json(new { error = "no session" }, statusCode: 401));
        app.MapGet("/user/{name}", (string name) =>
        {
            UsersSeen.AddOrUpdate(name, 1, (_, n) => n + 1);
            return Results.Json(new { name });
        });
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }
}
