using System.Net;
using System.Net.Sockets;
using Xunit;

namespace Pacer.Cli.Tests.EndToEnd;

/// <summary>
/// <c>pacer demo --serve</c> on a port something else holds says so and what to do, instead of a stack
/// trace. (Serving, the printed users and Ctrl-C: Readme/ReadmeCommandsTests.)
/// </summary>
public sealed class DemoServeTests
{
    [Fact]
    public async Task A_taken_port_is_said_plainly_with_what_to_do()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;
        using var temp = new Pacer.TestSupport.TempDirectory();

        var outcome = await PacerCli.RunAsync(temp.Path, "demo", "--serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(outcome.ExitCode == ExitCodes.InternalError, outcome.ToString());
        Assert.Contains($"error: port {port} on 127.0.0.1 is taken (is Storefront already running there?)", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("--port 0 for any free port", outcome.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", outcome.Error, StringComparison.Ordinal);
    }
}
