using Pacer.Core.Flow;
using Pacer.Core.Plan;
using Xunit;

namespace Pacer.Core.Tests.Plan;

/// <summary>How a step's checks are sorted once, so every command judges them in the same order and the load path reads only what it must.</summary>
public sealed class StepPlanTests
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
    public void Number_status_assertions_are_judged_on_the_bare_status_code(string assertion, int status, bool passes)
    {
        var step = StepWith(assertion);

        var check = Assert.Single(step.StatusChecks);
        Assert.Empty(step.StatusAssertions);
        Assert.Empty(step.Assertions);
        Assert.False(step.NeedsResponse);
        Assert.Equal(passes, check.Passes(status));
    }

    [Theory]
    [InlineData("status == \"200\"")]
    [InlineData("status == 200.5")]
    [InlineData("status matches \"2..\"")]
    public void Other_status_assertions_go_to_the_general_evaluator(string assertion)
    {
        var step = StepWith(assertion);

        Assert.Empty(step.StatusChecks);
        Assert.Single(step.StatusAssertions);
        Assert.True(step.HasStatusAssertion);
        Assert.True(step.NeedsResponse);
    }

    [Fact]
    public void The_tightest_budget_is_the_sla_and_soft_budgets_are_apart()
    {
        var step = StepWith("duration < 500ms\nduration <= 300\nbody.ok == true", soft: "duration < 100ms");

        Assert.Equal(300_000_000, step.Budget!.LimitNanoseconds);
        Assert.True(step.Budget.Inclusive);
        Assert.Equal(2, step.Budgets.Length);
        Assert.Equal(100_000_000, step.SoftBudget!.LimitNanoseconds);
        Assert.Single(step.Assertions);
        Assert.True(step.NeedsBody);
    }

    [Fact]
    public void A_step_needs_the_capture_of_the_last_earlier_step_that_captures_each_value_it_uses()
    {
        var plan = FlowPlan.Compile(FlowParser.Parse("t.flow.md", """
            ```kest
            POST http://h/login

            [Captures]
            token: body.token
            ```

            ```kest
            POST http://h/refresh

            [Captures]
            token: body.token
            id: body.id
            ```

            ```kest
            GET http://h/users/{{id}}
            Authorization: Bearer {{token}}
            ```
            """).Document!);

        var needs = plan.Steps[2].Needs;
        Assert.Equal([("id", 2), ("token", 2)], needs.Select(n => (n.Name, n.FromStep)).OrderBy(n => n.Name));
        Assert.Equal(3, plan.CaptureSlots);
        Assert.Empty(plan.Steps[0].Needs);
    }

    private static StepPlan StepWith(string assertions, string? soft = null)
    {
        var softSection = soft is null ? "" : $"\n[Soft Asserts]\n{soft}\n";
        var parsed = FlowParser.Parse("t.flow.md", $"```kest\nGET http://127.0.0.1:1/\n\n[Asserts]\n{assertions}\n{softSection}```");
        Assert.False(parsed.HasErrors, string.Join("; ", parsed.Diagnostics.Select(d => d.Message)));
        return Assert.Single(FlowPlan.Compile(parsed.Document!).Steps);
    }
}
