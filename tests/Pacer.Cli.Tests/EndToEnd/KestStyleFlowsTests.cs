using Pacer.Cli.Tests.TestApi;
using Pacer.TestSupport;
using Xunit;

namespace Pacer.Cli.Tests.EndToEnd;

/// <summary>
/// Flows written for kest run unchanged: a set of kest-style files with the two constructs of kest's
/// published flows that are outside the grammar (../shared/kest-compat.md) — <c>!exists</c>, and a
/// placeholder meant to stay literal inside a JSON string holding escaped JSON — passes
/// <c>pacer check</c> with a warning for each, and <c>pacer run</c> against a live server.
/// </summary>
public sealed class KestStyleFlowsTests : IDisposable
{
    private const string StoredRequest = """
        # Store a request template

        ```kest
        POST /echo/requests
        Content-Type: application/json

        {"name": "Login", "body": "{\"username\":\"{{username}}\",\"password\":\"{{password}}\"}"}

        [Asserts]
        status == 200
        body.data.body.name == "Login"
        body.data.body.body contains "username"
        body.data.body.password !exists
        ```
        """;

    private const string Profile = """
        # Read a profile

        ```kest
        GET /echo/profile

        [Asserts]
        status == 200
        body.data.path == "/echo/profile"
        body.data.password !exists
        ```
        """;

    private readonly TempDirectory temp = new();

    public KestStyleFlowsTests()
    {
        Directory.CreateDirectory(temp.Combine("kest"));
        File.WriteAllText(temp.Combine("kest/stored-request.flow.md"), StoredRequest);
        File.WriteAllText(temp.Combine("kest/profile.flow.md"), Profile);
    }

    [Fact]
    public async Task Check_passes_them_with_a_warning_naming_each_construct()
    {
        var outcome = await PacerCli.RunAsync(temp.Path, "check", "kest", "--base-url", "http://127.0.0.1:9");

        Assert.True(outcome.ExitCode == ExitCodes.Passed, outcome.ToString());
        var all = outcome.Out + outcome.Error;
        Assert.Contains("kest/profile.flow.md:9:20: warning PACER026: `!exists` is not an operator", all, StringComparison.Ordinal);
        Assert.Contains("kest/stored-request.flow.md:13:25: warning PACER026", all, StringComparison.Ordinal);
        Assert.Contains("kest/stored-request.flow.md:7:44: warning PACER027: variable `username` is not defined", all, StringComparison.Ordinal);
        Assert.Contains("kest/stored-request.flow.md:7:74: warning PACER027: variable `password` is not defined", all, StringComparison.Ordinal);
        Assert.Contains("so it is sent as written (`{{username}}`)", all, StringComparison.Ordinal);
        Assert.Contains("2 file(s), 2 step(s) checked: no errors, 4 warning(s).", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_passes_them_and_sends_the_stored_placeholder_as_written()
    {
        await using var server = await TestApiServer.StartAsync();

        var outcome = await PacerCli.RunAsync(temp.Path, "run", "kest", "--base-url", server.BaseUrl, "--verbose", "--no-history");

        Assert.True(outcome.ExitCode == ExitCodes.Passed, outcome.ToString());
        Assert.Contains("PASSED  2 file(s), 2 step(s): 2 passed", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("\\\"username\\\":\\\"{{username}}\\\"", outcome.Out, StringComparison.Ordinal);
    }

    public void Dispose() => temp.Dispose();
}
