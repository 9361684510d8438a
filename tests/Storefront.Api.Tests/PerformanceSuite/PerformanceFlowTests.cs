using Pacer.Testing;
using Storefront.Api.Tests.Infrastructure;
using Xunit;

namespace Storefront.Api.Tests.PerformanceSuite;

/// <summary>
/// tests/api-performance run functionally: every flow parses with no diagnostic at all (the parser `pacer check`
/// runs; Flow.Load throws on any error), and passes against a fresh
/// Storefront with soft budgets (a missed `duration &lt;` is a warning: CI never times a shared machine;
/// the budgets are held by `pacer load` and the benchmark scripts).
/// </summary>
public sealed class PerformanceFlowTests(PerformanceSuiteHost host) : IClassFixture<PerformanceSuiteHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> FunctionalFlows() =>
        [.. PerformanceSuiteHost.FlowFiles().Select(path => Path.GetFileName(path)).Where(name => name != OverloadFlowTests.FileName)];

    [Fact]
    public void Every_flow_of_the_suite_parses_without_errors_or_warnings_and_declares_thresholds()
    {
        var flows = PerformanceSuiteHost.FlowFiles().Select(Flow.Load).ToList();

        Assert.Equal(10, flows.Count);
        Assert.All(flows, flow => Assert.True(flow.Warnings.Count == 0, $"{flow.Path}: {string.Join("; ", flow.Warnings.Select(w => w.Message))}"));
        Assert.All(flows, flow => Assert.NotEmpty(flow.Document.Metadata.Thresholds));
        Assert.All(flows, flow => Assert.NotEmpty(flow.Document.Metadata.Load.Values));
    }

    [Theory]
    [MemberData(nameof(FunctionalFlows))]
    public async Task Flow_passes_against_a_fresh_storefront(string fileName)
    {
        var flow = Flow.Load(Path.Combine(AppContext.BaseDirectory, PerformanceSuiteHost.FlowFolder, fileName));

        var result = await flow.RunAsync(
            host.App.AsFlowTarget("/api/v1"),
            new FlowRunSettings { Variables = PerformanceSuiteHost.Variables, SoftBudgets = true },
            Ct);

        result.ShouldPass();
    }
}
