using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Pacer.Hub.Infrastructure;

/// <summary>
/// A fresh .NET process compiles its request path on first use: the first request to a new Hub took
/// ~200 ms where the next took 2 ms. Once Kestrel listens, and before start-up is reported done, the
/// Hub sends itself a few requests over loopback (health, an unauthenticated API call, a page) so
/// the first real client (a CI job's health check with a 100 ms budget) meets a warm server.
/// Failures are ignored: warming up is never a reason not to start.
/// </summary>
public sealed partial class StartupWarmUp(IServer server, ILogger<StartupWarmUp> logger) : IHostedLifecycleService
{
    private static readonly string[] Paths = ["/api/v1/health", "/api/v1/health", "/api/v1/projects", "/api/v1/users/profile", "/login"];

    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null || !Uri.TryCreate(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal), UriKind.Absolute, out var uri))
        {
            return;
        }

        var host = uri.Host is "0.0.0.0" or "[::]" ? "127.0.0.1" : uri.Host;
        using var client = new HttpClient { BaseAddress = new UriBuilder(uri) { Host = host }.Uri, Timeout = TimeSpan.FromSeconds(5) };
        foreach (var path in Paths)
        {
            try
            {
                using var response = await client.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                LogSkipped(logger, path, exception.Message);
                return;
            }
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Debug, Message = "Warm-up request to {Path} failed: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string path, string reason);
}
