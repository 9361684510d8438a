using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Xunit;

namespace Pacer.Core.Tests.HttpEngine;

/// <summary>
/// nginx with TLS (HTTP/1.1 and h2 by ALPN, a self-signed certificate) on a free loopback port,
/// started and stopped with the team's ../shared/tools/peers.sh.
/// </summary>
internal sealed class NginxTls : IAsyncDisposable
{
    private static readonly string Peers = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../../shared/tools/peers.sh"));

    private NginxTls(int port) => Port = port;

    public int Port { get; }

    public static Task<NginxTls> StartAsync()
    {
        Assert.True(File.Exists(Peers), $"peers.sh not found at {Peers}");
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        Run("start-tls", port.ToString(CultureInfo.InvariantCulture), "1");
        return Task.FromResult(new NginxTls(port));
    }

    public ValueTask DisposeAsync()
    {
        Run("stop", Port.ToString(CultureInfo.InvariantCulture));
        return ValueTask.CompletedTask;
    }

    private static void Run(params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", [Peers, "nginx", .. arguments]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        process.WaitForExit(30_000);
        Assert.True(process.ExitCode == 0, $"peers.sh nginx {string.Join(' ', arguments)}: {process.StandardError.ReadToEnd()}");
    }
}
