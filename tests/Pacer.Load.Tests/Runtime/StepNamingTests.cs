using Pacer.Core.Flow;
using Pacer.Load.Runtime;
using Xunit;

namespace Pacer.Load.Tests.Runtime;

public sealed class StepNamingTests
{
    [Fact]
    public void Names_shared_by_flows_get_the_flow_prefix_and_repeats_within_a_flow_a_number()
    {
        var a = FlowParser.Parse("a.flow.md", "```kest\n@name Home\nGET /\n```\n\n```kest\n@name Login\nPOST /login\n```\n\n```kest\n@name Login\nPOST /login\n```").Document!;
        var b = FlowParser.Parse("b.flow.md", "```kest\n@name Home\nGET /\n```").Document!;

        var names = StepNaming.Assign([("a", a.Steps), ("b", b.Steps)]);

        Assert.Equal(["a/Home", "Login", "Login #2"], names[0]);
        Assert.Equal(["b/Home"], names[1]);
    }
}
