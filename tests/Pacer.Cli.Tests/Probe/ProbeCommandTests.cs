using System.Text.Json.Nodes;
using System.Xml.Linq;
using Pacer.Cli.Tests.EndToEnd;
using Pacer.Core.Flow;
using Xunit;

namespace Pacer.Cli.Tests.Probe;

public sealed class ProbeCommandTests : IAsyncLifetime
{
    private readonly ProbeFlows flows = new();
    private BrokenApi api = null!;

    public async ValueTask InitializeAsync()
    {
        api = await BrokenApi.StartAsync();
        flows.Write("broken.json", BrokenApiDocument.Json);
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
            "probe", "--openapi", "broken.json", "--base-url", api.BaseUrl, "--login", "alice.flow.md", "--login", "bob.flow.md",
            "--signing-key", BrokenApi.SigningKey,
            "--report", "json=out/probe.json", "--report", "junit=out/probe.xml", "--report", "markdown=out/probe.md");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("[CRITICAL] ObjectAuthorization GET /notes/{id}: a second user could read", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("```kest", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("9 finding(s): 5 operations", outcome.Out, StringComparison.Ordinal);

        var json = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(flows.Directory, "out/probe.json"), TestContext.Current.CancellationToken))!;
        Assert.Equal(9, json["findings"]!.AsArray().Count);
        Assert.False((bool)json["clean"]!);
        Assert.Contains(json["findings"]!.AsArray(), f => (string?)f!["kind"] == "RateLimit" && (string?)f["operation"] == "POST /login");

        var junit = XDocument.Parse(await File.ReadAllTextAsync(Path.Combine(flows.Directory, "out/probe.xml"), TestContext.Current.CancellationToken));
        Assert.Equal("9", junit.Root!.Attribute("failures")!.Value);
        Assert.Equal(9, junit.Descendants("failure").Count());

        var markdown = await File.ReadAllTextAsync(Path.Combine(flows.Directory, "out/probe.md"), TestContext.Current.CancellationToken);
        var parsed = FlowParser.Parse("probe.md", markdown);
        Assert.False(parsed.HasErrors, string.Join("\n", parsed.Diagnostics.Select(d => $"{d.Span.Line}: {d.Message}")));
        Assert.Equal(9, parsed.Document!.Steps.Count);
    }

    [Fact]
    public async Task Max_requests_bounds_the_whole_run()
    {
        var outcome = await PacerCli.RunAsync(flows.Directory,
            "probe", "--openapi", "broken.json", "--base-url", api.BaseUrl, "--max-requests", "7", "--report", "json=small.json");

        var json = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(flows.Directory, "small.json"), TestContext.Current.CancellationToken))!;
        Assert.Equal(7, (int)json["requests"]!);
        Assert.Contains(json["notes"]!.AsArray(), n => ((string?)n)!.Contains("--max-requests", StringComparison.Ordinal));
        Assert.Equal(1, outcome.ExitCode); // the baseline alone shows the missing header and the CORS reflection
    }

    [Theory]
    [InlineData("http://192.0.2.10:8080", "probes only target loopback")]
    [InlineData("https://example.com", "probes only target loopback")]
    [InlineData("not a url", "is not an absolute URL")]
    public async Task Refuses_targets_that_are_not_this_machine(string baseUrl, string message)
    {
        var outcome = await PacerCli.RunAsync(flows.Directory, "probe", "--openapi", "broken.json", "--base-url", baseUrl);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains(message, outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exits_2_on_a_missing_document_or_a_login_that_captures_no_token()
    {
        var missing = await PacerCli.RunAsync(flows.Directory, "probe", "--openapi", "nope.json", "--base-url", api.BaseUrl);
        flows.Login("wrong.flow.md", "/login", """{"username": "alice", "password": "wrong"}""", "token");
        var wrongLogin = await PacerCli.RunAsync(flows.Directory, "probe", "--openapi", "broken.json", "--base-url", api.BaseUrl, "--login", "wrong.flow.md");

        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("nope.json: file not found", missing.Error, StringComparison.Ordinal);
        Assert.Equal(2, wrongLogin.ExitCode);
        Assert.Contains("login did not capture `token`", wrongLogin.Error, StringComparison.Ordinal);
    }
}
