using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Pacer.Cli.Tests.TestApi;

/// <summary>
/// A small kest-style API on real Kestrel, 127.0.0.1 and a random port: login, an authenticated
/// profile, projects, echo, cookies, redirects, a slow endpoint, a flaky one, and a mode switch
/// that makes it answer wrongly. Endpoints are mapped in <see cref="TestApiEndpoints"/>.
/// </summary>
public sealed class TestApiServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private TestApiServer(WebApplication app, TestApiState state)
    {
        this.app = app;
        State = state;
    }

    public TestApiState State { get; }

    public ServerMode Mode
    {
        get => State.Mode;
        set => State.Mode = value;
    }

    public static TimeSpan SlowDelay => TimeSpan.FromMilliseconds(700);

    public string BaseUrl { get; private set; } = "";

    /// <param name="https">Serve HTTPS with a fresh self-signed certificate (for --insecure).</param>
    public static async Task<TestApiServer> StartAsync(bool https = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.UseKestrel(options =>
        {
            options.AddServerHeader = false;
            options.Listen(IPAddress.Loopback, 0, listen =>
            {
                if (https)
                {
                    listen.UseHttps(SelfSignedCertificate.Create());
                }
            });
        });
        var state = new TestApiState();
        builder.Services.AddSingleton(state);
        var app = builder.Build();
        TestApiEndpoints.Map(app, state);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TestApiServer(app, state) { BaseUrl = address.TrimEnd('/') };
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }
}
