using Pacer.Hub.Tests.Infrastructure;
using Pacer.TestSupport;

namespace Pacer.Hub.Tests.Api;

/// <summary>The Hub's own performance flow (tests/api-performance/hub) passes functionally against a fresh Hub, as the Storefront suite's do.</summary>
public sealed class HubFlowTests
{
    [Fact]
    public async Task The_hubs_own_performance_flow_passes_against_a_fresh_hub()
    {
        await using var hub = await HubServer.StartAsync();

        var result = await FlowFiles.RunAsync(FlowFiles.Path("api-performance/hub/hub-api.flow.md"), hub.BaseUrl + "/api/v1");

        Assert.True(result.Passed, FlowFiles.Explain(result));
        Assert.Equal(8, result.PassedCount);
    }
}
