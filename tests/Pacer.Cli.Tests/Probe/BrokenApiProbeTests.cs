using Pacer.Contracts.OpenApi;
using Pacer.Contracts.Probing;
using Pacer.Core.Flow;
using Xunit;

namespace Pacer.Cli.Tests.Probe;

/// <summary>The probe against an API with one planted flaw of each kind: it must find every one, and each finding must replay.</summary>
public sealed class BrokenApiProbeTests : IAsyncLifetime
{
    private readonly ProbeFlows flows = new();
    private BrokenApi api = null!;
    private ProbeReport report = null!;

    public async ValueTask InitializeAsync()
    {
        api = await BrokenApi.StartAsync();
        var spec = await OpenApiSpec.LoadAsync(BrokenApiDocument.Json, "broken.json", TestContext.Current.CancellationToken);
        var baseUrl = new Uri(api.BaseUrl);
        var tokens = await ProbeLogins.RunAsync(
            [
                flows.Login("alice.flow.md", "/login", """{"username": "alice", "password": "alice-pass"}""", "token"),
                flows.Login("bob.flow.md", "/login", """{"username": "bob", "password": "bob-pass"}""", "token"),
            ],
            baseUrl,
            TestContext.Current.CancellationToken);
        report = await ApiProber.RunAsync(spec, new ProbeOptions { BaseUrl = baseUrl, Tokens = tokens, SigningKey = BrokenApi.SigningKey, MaxRequests = 1000 }, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await api.DisposeAsync();
        flows.Dispose();
    }

    [Fact]
    public void Finds_the_500_on_invalid_json()
    {
        var finding = Single(FindingKind.MalformedInput, "POST /notes", "server error on invalid JSON");
        Assert.Equal("4xx", finding.Expected);
        Assert.StartsWith("500", finding.Got, StringComparison.Ordinal);
        Assert.Equal(MalformedInputProbe.InvalidJson, finding.Request.Body);
    }

    [Fact]
    public void Finds_the_stack_trace_in_the_body() =>
        Assert.Matches(@"^500 \(text/plain\) with `.*(Exception|at System\.Text\.Json)", Single(FindingKind.StackTrace, "POST /notes", "stack trace in the response body").Got);

    [Fact]
    public void Finds_the_crash_at_the_documented_maximum()
    {
        var finding = Single(FindingKind.BoundaryValue, "POST /notes", "server error on the maximum 5 in body field priority");
        Assert.Contains("\"priority\":5", finding.Request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Finds_the_script_reflected_into_html()
    {
        var finding = Single(FindingKind.Injection, "GET /search", "script injection in query parameter q reflected unescaped in HTML");
        Assert.Contains("q=%3Cscript%3E", finding.Request.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public void Finds_the_expired_token_accepted_and_only_that()
    {
        var auth = report.Findings.Where(f => f.Kind == FindingKind.Authentication).ToList();

        var finding = Assert.Single(auth);
        Assert.Equal("POST /notes", finding.Operation);
        Assert.Equal("accepted an expired token", finding.Title);
        Assert.Equal("401", finding.Expected);
        Assert.StartsWith("Bearer ey", finding.Request.Header("Authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public void Finds_that_bob_reads_alices_note_but_not_that_he_deletes_it()
    {
        var idor = report.Findings.Where(f => f.Kind == FindingKind.ObjectAuthorization).ToList();

        var finding = Assert.Single(idor);
        Assert.Equal("GET /notes/{id}", finding.Operation);
        Assert.StartsWith("a second user could read", finding.Title, StringComparison.Ordinal);
        Assert.Matches("^/notes/[0-9]+$", finding.Request.PathAndQuery);
    }

    [Fact]
    public void Finds_the_missing_nosniff_header_once() =>
        Assert.Equal("missing X-Content-Type-Options header", Assert.Single(report.Findings, f => f.Kind == FindingKind.SecurityHeaders).Title);

    [Fact]
    public void Finds_the_reflected_origin_with_credentials() =>
        Assert.Contains(BaselineProbe.ForeignOrigin, Assert.Single(report.Findings, f => f.Kind == FindingKind.Cors).Got, StringComparison.Ordinal);

    [Fact]
    public void Finds_no_429_after_a_burst_past_the_documented_limit()
    {
        var finding = Single(FindingKind.RateLimit, "POST /login", "no 429 after 6 requests (documented limit 5)");
        Assert.Equal("429 after 5 requests", finding.Expected);
    }

    [Fact]
    public void Finds_nothing_that_was_not_planted()
    {
        var kinds = report.Findings.Select(f => $"{f.Kind} {f.Operation}: {f.Title}").Order().ToList();

        Assert.Equal(
            [
                "Authentication POST /notes: accepted an expired token",
                "BoundaryValue POST /notes: server error on the maximum 5 in body field priority",
                "Cors POST /login: CORS grants any origin credentialed access",
                "Injection GET /search: script injection in query parameter q reflected unescaped in HTML",
                "MalformedInput POST /notes: server error on invalid JSON",
                "ObjectAuthorization GET /notes/{id}: a second user could read what the first created with POST /notes",
                "RateLimit POST /login: no 429 after 6 requests (documented limit 5)",
                "SecurityHeaders POST /login: missing X-Content-Type-Options header",
                "StackTrace POST /notes: stack trace in the response body",
            ],
            kinds);
    }

    [Fact]
    public void Every_finding_carries_a_kest_block_the_flow_parser_accepts()
    {
        foreach (var finding in report.Findings)
        {
            var parsed = FlowParser.Parse("finding.flow.md", finding.Kest);

            Assert.False(parsed.HasErrors, finding.Kest + string.Join("\n", parsed.Diagnostics.Select(d => d.Message)));
            var step = Assert.Single(parsed.Document!.Steps);
            Assert.Equal(finding.Request.Method, step.Method);
        }
    }

    [Fact]
    public void Stays_within_the_request_budget() => Assert.InRange(report.RequestsSent, 50, 1000);

    private ProbeFinding Single(FindingKind kind, string operation, string title)
    {
        var matches = report.Findings.Where(f => f.Kind == kind && f.Operation == operation && f.Title == title).ToList();
        Assert.True(matches.Count == 1, $"expected one {kind} finding '{title}' on {operation}; found:\n" + string.Join("\n", report.Findings.Select(f => $"{f.Kind} {f.Operation}: {f.Title}")));
        return matches[0];
    }
}
