using Pacer.Cli.Tests.Probe.Vulnerable;
using Pacer.Contracts.Probing;
using Pacer.Contracts.Probing.Reports;
using Pacer.Core.Flow;
using Xunit;

namespace Pacer.Cli.Tests.Probe;

/// <summary>
/// The probe, with its default limits, against <see cref="VulnerableApi"/> with every flaw planted: each flaw is found
/// by the check meant for it, on the operation it is planted in, and nothing else is reported.
/// </summary>
[Collection(ProbeTiming.Collection)]
public sealed class VulnerableApiProbeTests(VulnerableApiProbeTests.AllFlawsRun run) : IClassFixture<VulnerableApiProbeTests.AllFlawsRun>
{
    /// <summary>Each planted flaw and the findings (check, operation) it must produce.</summary>
    internal static readonly IReadOnlyDictionary<VulnerableApiFlaw, (string Check, string Operation)[]> Expected = new Dictionary<VulnerableApiFlaw, (string, string)[]>
    {
        [VulnerableApiFlaw.ObjectLevelAuthorization] = [("object-level-authorization", "GET /books/{title}")],
        [VulnerableApiFlaw.WeakJwtSecret] = [("weak-jwt-secret", "GET /users/me")],
        [VulnerableApiFlaw.AlgNoneToken] = [("alg-none-token", "GET /users/me")],
        [VulnerableApiFlaw.ExpiredToken] = [("expired-token", "GET /users/me")],
        [VulnerableApiFlaw.LoggedOutToken] = [("logged-out-token", "GET /users/me")],
        [VulnerableApiFlaw.MissingToken] = [("missing-token", "POST /tools/ping")],
        [VulnerableApiFlaw.LoginBruteForce] = [("login-brute-force", "POST /login")],
        [VulnerableApiFlaw.UserEnumeration] = [("user-enumeration", "POST /login")],
        [VulnerableApiFlaw.UserEnumerationByTiming] = [], // masked here by UserEnumeration; VulnerableApiSelectionTests finds it alone
        [VulnerableApiFlaw.SensitiveDataExposure] = [("sensitive-data-exposure", "GET /users/me")],
        [VulnerableApiFlaw.OtherUsersData] = [("other-users-data", "GET /products")],
        [VulnerableApiFlaw.UndocumentedProperty] = [("undocumented-properties", "GET /books/{title}")],
        [VulnerableApiFlaw.MassAssignment] = [("mass-assignment", "PUT /users/me")],
        [VulnerableApiFlaw.ReDoS] = [("redos", "PUT /users/{username}/email")],
        [VulnerableApiFlaw.UnboundedPageSize] = [("unbounded-page-size", "GET /products")],
        [VulnerableApiFlaw.OversizedBody] = [("oversized-body", "PUT /users/me")],
        [VulnerableApiFlaw.RateLimit] = [("rate-limit", "POST /password/forgot")],
        [VulnerableApiFlaw.AdminOperations] = [("admin-operations", "GET /admin/users")],
        [VulnerableApiFlaw.OtherUserAccount] = [("other-user-account", "PUT /users/{username}/password")],
        // The same injectable query also answers the time-based technique.
        [VulnerableApiFlaw.SqlInjectionBoolean] = [("sql-injection-boolean", "GET /books/{title}"), ("sql-injection-time", "GET /books/{title}")],
        [VulnerableApiFlaw.SqlInjectionError] = [("sql-injection-error", "GET /products")],
        [VulnerableApiFlaw.SqlInjectionTime] = [("sql-injection-time", "GET /products")],
        [VulnerableApiFlaw.NoSqlInjection] = [("nosql-injection", "POST /books/search")],
        [VulnerableApiFlaw.CommandInjection] = [("command-injection", "POST /tools/ping")],
        [VulnerableApiFlaw.MarkupInjection] = [("markup-injection", "GET /search")],
        [VulnerableApiFlaw.SecurityHeaders] = [("security-headers", "*")],
        [VulnerableApiFlaw.Cors] = [("cors", "*")],
        [VulnerableApiFlaw.StackTrace] = [("stack-trace", "POST /books")],
        [VulnerableApiFlaw.VerboseErrors] = [("verbose-errors", "*")],
        [VulnerableApiFlaw.MalformedInputCrash] = [("malformed-input", "POST /books")],
        [VulnerableApiFlaw.BoundaryCrash] = [("boundary-values", "POST /books")],
    };

    [Fact]
    public void Finds_every_planted_flaw_and_nothing_else()
    {
        var expected = Expected.Values.SelectMany(f => f).Select(f => $"{f.Check} {f.Operation}").Order(StringComparer.Ordinal).ToList();
        // Header and CORS findings name whichever operation's answer showed them first.
        var found = run.Report.Findings.Select(f => $"{f.Check} {(f.Check is "security-headers" or "cors" or "verbose-errors" ? "*" : f.Operation)}").Order(StringComparer.Ordinal).ToList();

        Assert.True(expected.SequenceEqual(found), $"expected:\n{string.Join("\n", expected)}\n\nfound:\n{run.Console}");
    }

    [Fact]
    public void Every_flaw_kind_is_covered_by_the_expectations() =>
        Assert.Equal(Enum.GetValues<VulnerableApiFlaw>().Order(), Expected.Keys.Order());

    [Fact]
    public void Each_finding_carries_its_category_evidence_confirmation_and_reproductions()
    {
        foreach (var finding in run.Report.Findings)
        {
            Assert.False(string.IsNullOrWhiteSpace(finding.Confirmation.How), finding.Title);
            Assert.True(finding.Evidence.Response.Status != 0 || finding.Check == "missing-token", finding.Title);
            Assert.StartsWith("curl -i ", finding.Curl(run.Report.BaseUrl), StringComparison.Ordinal);
            Assert.Contains(finding.Request.PathAndQuery.Split('?')[0], finding.Curl(run.Report.BaseUrl), StringComparison.Ordinal);
            var parsed = FlowParser.Parse("finding.flow.md", finding.Kest);
            Assert.False(parsed.HasErrors, finding.Kest + string.Join("\n", parsed.Diagnostics.Select(d => d.Message)));
            Assert.Equal(finding.Request.Method, Assert.Single(parsed.Document!.Steps).Method);
        }
    }

    [Fact]
    public void Confirms_timing_findings_with_a_fast_control_request()
    {
        var timed = run.Report.Findings.Where(f => f.Check is "sql-injection-time" or "command-injection").ToList();

        Assert.Equal(3, timed.Count);
        Assert.All(timed, f => Assert.Contains("asking for 0 s answered in", f.Confirmation.How, StringComparison.Ordinal));
        Assert.All(timed, f => Assert.True(f.Evidence.Response.Elapsed >= TimeSpan.FromSeconds(1.8), $"{f.Title}: {f.Evidence.Response.Elapsed}"));
    }

    [Fact]
    public void Finds_the_object_level_flaw_through_a_title_the_create_never_answered_with()
    {
        var finding = Assert.Single(run.Report.Findings, f => f.Check == "object-level-authorization");

        Assert.Contains("(title=sample-title-", finding.Title, StringComparison.Ordinal);
        Assert.Contains("bob", TokenSubject(finding.Request.Header("Authorization")!), StringComparison.Ordinal);
        Assert.Contains("identifier nobody has: 404", finding.Confirmation.How, StringComparison.Ordinal);
    }

    [Fact]
    public void Cracks_the_jwt_key_offline_and_reuses_it() =>
        Assert.Contains("\"supersecret\"", Assert.Single(run.Report.Findings, f => f.Check == "weak-jwt-secret").Title, StringComparison.Ordinal);

    [Fact]
    public void Never_calls_the_reset_route_it_was_not_told_to()
    {
        Assert.Equal(0, run.Api.ResetCount);
        Assert.Contains(run.Report.Notes, n => n.StartsWith("GET /admin/reset: not called", StringComparison.Ordinal));
    }

    [Fact]
    public void Stays_within_the_default_budget_of_2000_requests()
    {
        Assert.InRange(run.Report.RequestsSent, 100, 2000);
        Assert.Equal(16, run.Report.OperationsProbed);
        Assert.DoesNotContain(run.Report.Notes, n => n.Contains("budget", StringComparison.Ordinal));
        TestContext.Current.TestOutputHelper?.WriteLine($"all flaws: {run.Report.RequestsSent} requests in {run.Report.Duration.TotalSeconds:F1} s");
    }

    private static string TokenSubject(string authorization) =>
        Pacer.Contracts.Probing.Tokens.TokenForgery.Claims(authorization["Bearer ".Length..])?["sub"]?.ToString() ?? "";

    /// <summary>One probe run against the API with every flaw, shared by the tests above.</summary>
    public sealed class AllFlawsRun : IAsyncLifetime
    {
        private VulnerableApiProbe probe = null!;

        public ProbeReport Report { get; private set; } = null!;

        internal VulnerableApi Api => probe.Api;

        public string Console { get; private set; } = "";

        public async ValueTask InitializeAsync()
        {
            probe = await VulnerableApiProbe.StartAsync(VulnerableApi.AllFlaws);
            Report = await probe.RunAsync();
            using var output = new StringWriter();
            ProbeConsoleReport.Write(output, Report);
            Console = output.ToString();
        }

        public ValueTask DisposeAsync() => probe.DisposeAsync();
    }
}
