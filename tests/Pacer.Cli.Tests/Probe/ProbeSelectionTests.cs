using Pacer.Cli.Tests.Probe.Vulnerable;
using Xunit;

namespace Pacer.Cli.Tests.Probe;

/// <summary>What the probe calls and with which checks: --include, --exclude, --check, and a flaw only timing shows.</summary>
[Collection(ProbeTiming.Collection)]
public sealed class ProbeSelectionTests
{
    [Fact]
    public async Task Finds_user_enumeration_by_timing_alone()
    {
        await using var probe = await VulnerableApiProbe.StartAsync(new HashSet<VulnerableApiFlaw> { VulnerableApiFlaw.UserEnumerationByTiming });

        var report = await probe.RunAsync(o => o with { Checks = ["user-enumeration"] });

        var finding = Assert.Single(report.Findings);
        Assert.Equal("the login takes longer for a real user than for an unknown one", finding.Title);
        Assert.Contains("5 more pairs", finding.Confirmation.How, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calls_a_reset_route_only_when_included_and_then_last()
    {
        await using var probe = await VulnerableApiProbe.StartAsync(new HashSet<VulnerableApiFlaw> { VulnerableApiFlaw.AdminOperations });

        var report = await probe.RunAsync(o => o with { Include = ["/admin/*"], Checks = ["admin-operations"] });

        Assert.Equal(1, probe.Api.ResetCount);
        Assert.Equal(["GET /admin/reset", "GET /admin/users"], report.Findings.Select(f => f.Operation).Order(StringComparer.Ordinal));
        Assert.Equal(2, report.OperationsProbed);
    }

    [Fact]
    public async Task Never_calls_an_excluded_operation()
    {
        await using var probe = await VulnerableApiProbe.StartAsync(new HashSet<VulnerableApiFlaw> { VulnerableApiFlaw.MassAssignment });

        var report = await probe.RunAsync(o => o with { Exclude = ["PUT /users/me"], Checks = ["mass-assignment"] });

        Assert.Empty(report.Findings);
        Assert.False(probe.Api.Calls.ContainsKey("PUT /users/me"));
        Assert.Contains("PUT /users/me: excluded (--exclude)", report.Notes);
    }
}
