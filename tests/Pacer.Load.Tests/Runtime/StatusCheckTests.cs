using Pacer.Core.Flow;
using Pacer.Load.Metrics;
using Pacer.Load.Runtime;
using Xunit;

namespace Pacer.Load.Tests.Runtime;

/// <summary>Status assertions against number literals are judged on the bare status code, without the general evaluator.</summary>
public sealed class StatusCheckTests
{
    [Theory]
    [InlineData("status == 200", 200, true)]
    [InlineData("status == 200", 201, false)]
    [InlineData("status != 500", 200, true)]
    [InlineData("status < 400", 404, false)]
    [InlineData("status <= 399", 399, true)]
    [InlineData("status > 199", 200, true)]
    [InlineData("status >= 500", 503, true)]
    [InlineData("status in [200, 201, 204]", 204, true)]
    [InlineData("status in [200, 201]", 202, false)]
    public void Judges_the_bare_status_code(string assertion, int status, bool passes)
    {
        var step = StepWith(assertion);

        var check = Assert.Single(step.StatusChecks);
        Assert.Empty(step.OtherAssertions);
        Assert.False(step.NeedsResponse);
        Assert.Equal(passes, check.Passes(status));
    }

    [Theory]
    [InlineData("status == \"200\"")]
    [InlineData("status == 200.5")]
    [InlineData("status matches \"2..\"")]
    public void Leaves_other_status_assertions_to_the_general_evaluator(string assertion)
    {
        var step = StepWith(assertion);

        Assert.Empty(step.StatusChecks);
        Assert.Single(step.OtherAssertions);
        Assert.True(step.HasStatusAssertion);
    }

    private static LoadStep StepWith(string assertion)
    {
        var parsed = FlowParser.Parse("t.flow.md", $"```kest\nGET http://127.0.0.1:1/\n\n[Asserts]\n{assertion}\n```");
        var node = Assert.Single(parsed.Document!.Steps);
        return new LoadStep(node.Name, "t.flow.md", node, new LoadMetrics().Step(node.Name), null, null);
    }
}
