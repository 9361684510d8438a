using Pacer.Cli.Tests.TestApi;
using Pacer.TestSupport;
using Xunit;

namespace Pacer.Cli.Tests.EndToEnd;

/// <summary>
/// The messages a newcomer meets in the first hour, each one saying what to do (issue #14): one test
/// per message, through the command line as people see it.
/// </summary>
public sealed class NewcomerMessagesTests : IDisposable
{
    private readonly TempDirectory temp = new();

    [Theory]
    [InlineData("check")]
    [InlineData("run")]
    [InlineData("load")]
    public async Task A_relative_url_without_a_base_url_is_bad_input_before_anything_runs(string command)
    {
        temp.Write("flows/users.flow.md", "# Users\n\n```kest\nGET https://127.0.0.1:9/health\n```\n\n```kest\nGET /users\n```\n");

        var outcome = await PacerCli.RunAsync(temp.Path, command, "flows");

        Assert.True(outcome.ExitCode == ExitCodes.BadInput, outcome.ToString());
        Assert.Contains(Path.Combine("flows", "users.flow.md") + ":8:5: error PACER028:", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("pass --base-url", outcome.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("✗", outcome.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_takes_the_base_url_the_run_will_be_given()
    {
        temp.Write("flows/users.flow.md", "```kest\nGET /users\n```\n");

        var outcome = await PacerCli.RunAsync(temp.Path, "check", "flows", "--base-url", "http://127.0.0.1:5080");

        Assert.True(outcome.ExitCode == ExitCodes.Passed, outcome.ToString());
    }

    [Fact]
    public async Task Https_against_a_plain_http_port_says_to_use_http()
    {
        await using var server = await TestApiServer.StartAsync();
        var flow = temp.Write("tls.flow.md", "```kest\nGET /echo\n```\n");
        var https = server.BaseUrl.Replace("http://", "https://", StringComparison.Ordinal);

        var outcome = await PacerCli.RunAsync(temp.Path, "run", flow, "--base-url", https);

        Assert.True(outcome.ExitCode == ExitCodes.TestFailed, outcome.ToString());
        Assert.Contains($"{new Uri(server.BaseUrl).Authority} answered without TLS (a plain HTTP server on this port?): use http:// for it", outcome.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("--insecure accepts", outcome.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_capture_prints_its_reason_on_the_console()
    {
        await using var server = await TestApiServer.StartAsync();
        var flow = temp.Write("capture.flow.md", "```kest\nGET /api/projects\n\n[Captures]\nitem_id: data.items[5].id\n```\n");

        var outcome = await PacerCli.RunAsync(temp.Path, "run", flow, "--base-url", server.BaseUrl);

        Assert.True(outcome.ExitCode == ExitCodes.TestFailed, outcome.ToString());
        var line = Assert.Single(outcome.Out.Split('\n'), l => l.Contains("could not capture", StringComparison.Ordinal));
        Assert.Matches(@"could not capture item_id \(data\.items\[5\]\.id\): \S.*index \[5\]", line);
    }

    [Fact]
    public async Task A_misspelt_status_gets_a_hint_towards_status()
    {
        temp.Write("s.flow.md", "```kest\nGET http://127.0.0.1:9/\n\n[Asserts]\nstauts == 200\n```\n");

        var outcome = await PacerCli.RunAsync(temp.Path, "check", "s.flow.md");

        Assert.True(outcome.ExitCode == ExitCodes.Passed, outcome.ToString());
        Assert.Contains("s.flow.md:5:1: warning PACER025:", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("= help: did you mean `status`?", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_json_body_warning_says_what_to_do_without_dotnet_advice()
    {
        temp.Write("j.flow.md", "```kest\nPOST http://127.0.0.1:9/\nContent-Type: application/json\n\n{\"a\": 1,}\n```\n");

        var outcome = await PacerCli.RunAsync(temp.Path, "check", "j.flow.md");

        Assert.True(outcome.ExitCode == ExitCodes.Passed, outcome.ToString());
        Assert.Contains("j.flow.md:5:9: warning PACER017:", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("remove it", outcome.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("reader options", outcome.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_duration_with_a_space_before_its_unit_reads()
    {
        temp.Write("d.flow.md", "```kest\nGET http://127.0.0.1:9/\n\n[Asserts]\nduration < 200 ms\n```\n");

        var outcome = await PacerCli.RunAsync(temp.Path, "check", "d.flow.md");

        Assert.True(outcome.ExitCode == ExitCodes.Passed, outcome.ToString());
        Assert.Contains("no errors, 0 warning(s)", outcome.Out, StringComparison.Ordinal);
    }

    public void Dispose() => temp.Dispose();
}
