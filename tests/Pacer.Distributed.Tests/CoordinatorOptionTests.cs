using Pacer.TestSupport;
using Xunit;

namespace Pacer.Distributed.Tests;

/// <summary>Options a coordinator cannot honour are refused before anything listens (exit 2), each named.</summary>
public sealed class CoordinatorOptionTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Theory]
    [InlineData("--metrics-port", "18499", "--metrics-port is not served by a coordinator")]
    [InlineData("--segment", "1/2", "--segment and --agents do not go together")]
    [InlineData("--listen", "127.0.0.1:nope", "--listen")]
    public async Task A_coordinator_refuses_what_it_cannot_do(string option, string value, string message)
    {
        _temp.Write("me.flow.md", "```kest\nGET http://127.0.0.1:9/\n```\n");
        using var output = new StringWriter();

        var exit = await Cli.PacerApp.RunAsync(["load", "me.flow.md", "--vus", "1", "--duration", "1s", "--agents", "2", option, value, "--no-history"],
            new Cli.PacerContext(output, output, _temp.Path, System.Environment.GetEnvironmentVariable, false), TestContext.Current.CancellationToken);

        Assert.Equal(2, exit);
        Assert.Contains(message, output.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();
}
