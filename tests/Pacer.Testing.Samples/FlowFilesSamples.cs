using Pacer.Testing.Samples.Infrastructure;
using Pacer.Testing.Xunit;
using Xunit;

namespace Pacer.Testing.Samples;

/// <summary>
/// Issue 8, bullets 2 and 3: <c>[FlowFiles]</c> makes each flow file its own test case, and the flows
/// run in-process against <c>WebApplicationFactory&lt;Program&gt;</c> — no port, no network.
/// </summary>
public sealed class FlowFilesSamples(WarmStorefrontInProcess storefront) : IClassFixture<WarmStorefrontInProcess>
{
    /// <summary>
    /// Storefront's bundled flows (examples/storefront, copied to the output) as four test cases.
    /// They test behaviour, not speed, on a shared machine: missed budgets are warnings here.
    /// </summary>
    [Theory]
    [FlowFiles("flows/storefront")]
    public async Task Storefront_flow_passes_in_process(FlowCase flow)
    {
        var settings = new FlowRunSettings
        {
            Variables = new Dictionary<string, object?> { ["admin_password"] = StorefrontInProcess.AdminPassword },
            SoftBudgets = true,
        };

        var result = await flow.Load().RunAsync(storefront.Target, settings, TestContext.Current.CancellationToken);

        result.ShouldPass();
        Assert.NotEmpty(result.Steps);
        Assert.All(result.Steps, s => Assert.StartsWith("http://localhost/api/v1/", s.Request?.Url, StringComparison.Ordinal));
    }

    /// <summary>A string parameter receives the flow's path instead.</summary>
    [Theory]
    [FlowFiles("flows/quick")]
    public async Task Quick_flow_passes_given_its_path(string path)
    {
        var result = await Flow.Load(path).RunAsync(storefront.Target, cancellationToken: TestContext.Current.CancellationToken);

        result.ShouldPass();
        Assert.EndsWith(".flow.md", path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_flow_file_is_a_case_shown_by_its_path_and_its_flow_name_if_it_has_one()
    {
        var method = typeof(FlowFilesSamples).GetMethod(nameof(Storefront_flow_passes_in_process))!;

        var rows = await new FlowFilesAttribute("flows/storefront").GetData(method, new global::Xunit.Sdk.DisposalTracker());

        Assert.Equal(
            [
                "flows/storefront/01-account.flow.md — Account lifecycle",
                "flows/storefront/02-catalog.flow.md",
                "flows/storefront/03-checkout.flow.md — Checkout",
                "flows/storefront/04-admin.flow.md",
            ],
            rows.Select(r => Assert.IsType<FlowCase>(Assert.Single(r.GetData())).ToString()));
    }

    [Fact]
    public async Task In_process_runs_get_a_fresh_client_each_so_cookies_never_leak_between_runs()
    {
        var flow = Flow.Load("flows/quick/health.flow.md");

        var first = await flow.RunAsync(storefront.Target, cancellationToken: TestContext.Current.CancellationToken);
        var second = await flow.RunAsync(storefront.Target, cancellationToken: TestContext.Current.CancellationToken);

        first.ShouldPass();
        second.ShouldPass();
        Assert.Equal("http://localhost/api/v1/", storefront.Target.BaseUrl);
        Assert.StartsWith("in-process Storefront.Api", storefront.Target.Description, StringComparison.Ordinal);
    }
}
