using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Pacer.Cli.Tests.Monitor;

/// <summary>
/// A real Kestrel server on 127.0.0.1 and a random port whose every answer is decided by a script
/// given the 1-based number of the request: the monitored API that breaks and recovers, or the
/// webhook receiver that fails a few times. Request bodies are kept in order.
/// </summary>
internal sealed class ScriptedServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private int requests;

    private ScriptedServer(WebApplication app) => this.app = app;

    public string BaseUrl { get; private set; } = "";

    public int Requests => Volatile.Read(ref requests);

    /// <summary>Every request body, with the status it was answered with, in arrival order.</summary>
    public ConcurrentQueue<(string Body, int Status)> Received { get; } = new();

    /// <param name="script">Given the request number, returns the status to answer with and how long to wait first.</param>
    public static async Task<ScriptedServer> StartAsync(Func<int, (int Status, TimeSpan Delay)> script)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new ScriptedServer(app);
        app.Run(async context =>
        {
            var number = Interlocked.Increment(ref server.requests);
            var (status, delay) = script(number);
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            server.Received.Enqueue((body, status));
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, context.RequestAborted);
            }

            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync($$"""{"code": 0, "request": {{number}}}""", context.RequestAborted);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = address.TrimEnd('/');
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
