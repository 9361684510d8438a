using System.Text.Json.Nodes;
using System.Xml.Linq;
using Pacer.Cli.Tests.EndToEnd;
using Pacer.Cli.Tests.Probe.Vulnerable;
using Pacer.Core.Flow;
using Xunit;

namespace Pacer.Cli.Tests.Probe;

/// <summary><c>pacer probe</c> end to end against <see cref="VulnerableApi"/>: exit codes, console, reports, selection, refusals.</summary>
public sealed class ProbeCommandTests : IAsyncLifetime
{
    private readonly ProbeFlows flows = new();
    private VulnerableApi api = null!;

    public async ValueTask InitializeAsync()
    {
        api = await VulnerableApi.StartAsync(VulnerableApi.AllFlaws);
        flows.Write("vulnerable.json", VulnerableApiDocument.Json);
        flows.Login("alice.flow.md", "/login", """{"username": "alice", "password": "alice-pass"}""", "token");
        flows.Login("bob.flow.md", "/login", """{"username": "bob", "password": "bob-pass"}""", "token");
    }

    public async ValueTask DisposeAsync()
    {
        await api.DisposeAsync();
        flows.Dispose();
    }

    [Fact]
    public async Task Exits_1_with_findings_printed_and_written_to_every_report_format()
    {
        var outcome = await PacerCli.RunAsync(flows.Directory,
            "probe", "--openapi", "vulnerable.json", "--base-url", api.BaseUrl, "--login", "alice.flow.md", "--login", "bob.flow.md",
            "--check", "object-level-authorization", "--check", "sql-injection-boolean", "--check", "security-headers",
            "--report", "json=out/probe.json", "--report", "junit=out/probe.xml", "--report", "markdown=out/probe.md");

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        Assert.Contains("[HIGH] API1:2023 object-level-authorization GET /books/{title}: the second user could read the first user's object", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("  confirmed: the second user with an identifier nobody has: 404", outcome.Out, StringComparison.Ordinal);
        Assert.Contains($"  curl -i '{api.BaseUrl}/books/sample-title-", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("3 finding(s): 16 operations, ", outcome.Out, StringComparison.Ordinal);
        Assert.Matches(@"probe: \[regular \d/3\] object-level-authorization \(\d+ requests so far\)", outcome.Error);

        var json = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(flows.Directory, "out/probe.json"), TestContext.Current.CancellationToken))!;
        var findings = json["findings"]!.AsArray();
        Assert.Equal(3, findings.Count);
        Assert.False((bool)json["clean"]!);
        var bola = findings.Single(f => (string?)f!["check"] == "object-level-authorization")!;
        Assert.Equal("API1:2023", (string?)bola["category"]);
        Assert.Equal(200, (int)bola["response"]!["status"]!);
        Assert.Equal(404, (int)bola["confirmation"]!["response"]!["status"]!);
        Assert.StartsWith("curl -i ", (string?)bola["curl"], StringComparison.Ordinal);
        Assert.StartsWith("```kest", (string?)bola["kest"], StringComparison.Ordinal);

        var junit = XDocument.Parse(await File.ReadAllTextAsync(Path.Combine(flows.Directory, "out/probe.xml"), TestContext.Current.CancellationToken));
        Assert.Equal("3", junit.Root!.Attribute("failures")!.Value);
        Assert.Equal(3, junit.Descendants("failure").Count());

        var markdown = await File.ReadAllTextAsync(Path.Combine(flows.Directory, "out/probe.md"), TestContext.Current.CancellationToken);
        var parsed = FlowParser.Parse("probe.md", markdown);
        Assert.False(parsed.HasErrors, string.Join("\n", parsed.Diagnostics.Select(d => $"{d.Span.Line}: {d.Message}")));
        Assert.Equal(3, parsed.Document!.Steps.Count);
    }

    [Fact]
    public async Task The_markdown_report_replays_as_a_flow_that_fails_while_the_flaws_are_there()
    {
        await PacerCli.RunAsync(flows.Directory,
            "probe", "--openapi", "vulnerable.json", "--base-url", api.BaseUrl, "--login", "alice.flow.md", "--login", "bob.flow.md",
            "--check", "object-level-authorization", "--report", "markdown=replay.flow.md");

        var replay = await PacerCli.RunAsync(flows.Directory, "run", "replay.flow.md", "--base-url", api.BaseUrl);

        Assert.True(replay.ExitCode == 1, replay.ToString());
        Assert.Contains("status in [403, 404]", replay.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Max_requests_bounds_the_whole_run()
    {
        var outcome = await PacerCli.RunAsync(flows.Directory,
            "probe", "--openapi", "vulnerable.json", "--base-url", api.BaseUrl, "--max-requests", "7", "--report", "json=small.json");

        var json = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(flows.Directory, "small.json"), TestContext.Current.CancellationToken))!;
        Assert.Equal(7, (int)json["requests"]!);
        Assert.Contains(json["notes"]!.AsArray(), n => ((string?)n)!.Contains("--max-requests", StringComparison.Ordinal));
        Assert.True(outcome.ExitCode is 0 or 1, outcome.ToString());
    }

    [Theory]
    [InlineData("http://192.0.2.10:8080", "pass --allow-remote to confirm")]
    [InlineData("https://example.com", "pass --allow-remote to confirm")]
    [InlineData("not a url", "is not an absolute URL")]
    [InlineData("ftp://127.0.0.1/", "expected an http or https URL")]
    public async Task Asks_for_confirmation_before_attacking_another_host_and_refuses_what_is_not_http(string baseUrl, string message)
    {
        var outcome = await PacerCli.RunAsync(flows.Directory, "probe", "--openapi", "vulnerable.json", "--base-url", baseUrl);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains(message, outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lists_every_check_with_its_category()
    {
        var outcome = await PacerCli.RunAsync(flows.Directory, "probe", "--list-checks");

        Assert.Equal(0, outcome.ExitCode);
        var lines = outcome.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(33, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("object-level-authorization", StringComparison.Ordinal) && l.Contains("API1:2023", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("sql-injection-time", StringComparison.Ordinal) && l.Contains("INJECTION", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Exits_2_on_an_unknown_check_a_missing_document_or_a_login_that_captures_no_token()
    {
        var unknown = await PacerCli.RunAsync(flows.Directory, "probe", "--openapi", "vulnerable.json", "--base-url", api.BaseUrl, "--check", "sql-injektion");
        var missing = await PacerCli.RunAsync(flows.Directory, "probe", "--openapi", "nope.json", "--base-url", api.BaseUrl);
        flows.Login("wrong.flow.md", "/login", """{"username": "alice", "password": "wrong"}""", "token");
        var wrongLogin = await PacerCli.RunAsync(flows.Directory, "probe", "--openapi", "vulnerable.json", "--base-url", api.BaseUrl, "--login", "wrong.flow.md");

        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("unknown check(s): sql-injektion", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("nope.json: file not found", missing.Error, StringComparison.Ordinal);
        Assert.Equal(2, wrongLogin.ExitCode);
        Assert.Contains("login did not capture `token`", wrongLogin.Error, StringComparison.Ordinal);
    }
}
