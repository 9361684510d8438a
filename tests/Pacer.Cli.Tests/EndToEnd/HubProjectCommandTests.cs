using Pacer.TestSupport;
using Xunit;

namespace Pacer.Cli.Tests.EndToEnd;

/// <summary>
/// <c>pacer hub project create</c> without a session says which command gives one, before any request.
/// (Creating, and running it again: Readme/ReadmeCommandsTests against a real Hub.)
/// </summary>
public sealed class HubProjectCommandTests
{
    [Fact]
    public async Task Without_a_login_it_names_the_login_command()
    {
        using var temp = new TempDirectory();
        var environment = new Dictionary<string, string?> { ["XDG_CONFIG_HOME"] = temp.Combine("config") };

        var outcome = await PacerCli.RunAsync(temp.Path, environment, "hub", "project", "create", "http://127.0.0.1:9", "Shop", "--slug", "shop");

        Assert.True(outcome.ExitCode == ExitCodes.TestFailed, outcome.ToString());
        Assert.Contains("error: not logged in to http://127.0.0.1:9/: run `pacer hub login http://127.0.0.1:9 -u NAME` first (or set PACER_HUB_TOKEN)", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hub_address_that_is_not_http_is_bad_input()
    {
        using var temp = new TempDirectory();

        var outcome = await PacerCli.RunAsync(temp.Path, "hub", "project", "create", "127.0.0.1:5090", "Shop");

        Assert.True(outcome.ExitCode == ExitCodes.BadInput, outcome.ToString());
        Assert.Contains("'127.0.0.1:5090' is not a Hub URL; expected http(s)://host[:port]", outcome.Error, StringComparison.Ordinal);
    }
}
