using Pacer.Core.Execution;
using Pacer.Core.Flow.Syntax;
using Xunit;
using static Pacer.Cli.Tests.Execution.Steps;

namespace Pacer.Cli.Tests.Units;

public sealed class StepVariableNeedsTests
{
    [Fact]
    public void Collects_variables_of_url_headers_body_and_assertions_without_defaults()
    {
        var step = Step(
            "POST",
            "/a/{{id}}",
            body: """{"x": "{{x}}", "y": "{{y | default: "1"}}"}""",
            headers: [("Authorization", "Bearer {{token}}")],
            asserts: [AssertTemplate("body.n", AssertOperator.Equal, "{{expected}}")]);

        Assert.Equal(["id", "token", "x", "expected"], StepVariableNeeds.Of(step));
    }

    [Fact]
    public void A_variable_the_step_captures_itself_is_not_needed_by_its_assertions()
    {
        var step = Step("GET", "/a", captures: [("id", "data.id")], asserts: [AssertTemplate("body.data.id", AssertOperator.Equal, "{{id}}")]);

        Assert.Empty(StepVariableNeeds.Of(step));
    }
}
