using Pacer.Core.Plan;
using Pacer.Core.Flow;
using Pacer.Core.Flow.Syntax;
using Xunit;
using static Pacer.Core.Tests.Flow.Parsing;

namespace Pacer.Core.Tests.Flow;

public class StepDirectiveTests
{
    [Fact]
    public void Reads_every_step_directive()
    {
        var step = Step("""
            @id login
            @name Log in
            @retry 3
            @retry-wait 250
            @timeout 2s
            @once
            @think 1s-3s
            @type http
            GET /x
            """, "step");

        Assert.Equal("login", step.Id);
        Assert.Equal("Log in", step.Name);
        Assert.Equal(new StepOptions(3, 250, null, 2000, true, new ThinkTime(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3))), step.Options);
    }

    [Fact]
    public void Defaults_apply_without_directives()
    {
        var options = Step("GET /x").Options;

        Assert.Equal((0, StepOptions.DefaultRetryWaitMs, false), (options.Retry, options.RetryWaitMs, options.Once));
        Assert.Null(options.MaxDurationMs);
        Assert.Null(options.TimeoutMs);
    }

    [Fact]
    public void Max_duration_adds_an_implicit_duration_assertion()
    {
        var step = Step("@max-duration 300\nGET /x\n\n[Asserts]\nstatus == 200", "step");

        Assert.Equal(300, step.Options.MaxDurationMs);
        var implicitAssertion = step.Assertions[^1];
        Assert.Equal(PathRoot.Duration, implicitAssertion.Subject.Root);
        Assert.Equal(AssertOperator.Less, implicitAssertion.Operator);
        Assert.Equal(300, Assert.IsType<DurationOperand>(implicitAssertion.Expected).Milliseconds);
        Assert.Equal((2, 1), (implicitAssertion.Span.Line, implicitAssertion.Span.Column));
    }

    [Fact]
    public void Exec_steps_are_rejected_as_not_supported_yet()
    {
        var diagnostic = Assert.Single(Diagnostics("```step\n@type exec\nGET /x\n```\n"));

        AssertAt(diagnostic, DiagnosticCodes.UnsupportedStepType, 2, 7);
        Assert.Contains("not supported yet", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_rest_of_an_exec_block_is_not_read()
    {
        var diagnostic = Assert.Single(Diagnostics("```step\n@type exec\necho hello\n[Captures]\nout: $stdout\n```\n"));

        Assert.Equal(DiagnosticCodes.UnsupportedStepType, diagnostic.Code);
    }

    [Fact]
    public void Unknown_directive_is_reported_with_the_closest_one()
    {
        var diagnostic = Assert.Single(Diagnostics("```step\n  @retyr 3\nGET /x\n```\n"));

        AssertAt(diagnostic, DiagnosticCodes.UnknownDirective, 2, 3);
        Assert.Equal("@retry", diagnostic.Suggestion);
    }

    [Theory]
    [InlineData("@retry many", 8)]
    [InlineData("@timeout soon", 10)]
    [InlineData("@max-duration -5", 15)]
    public void Directive_values_that_do_not_fit_are_reported_at_the_value(string directive, int column)
    {
        var diagnostic = Assert.Single(Diagnostics($"```step\n{directive}\nGET /x\n```\n"));

        AssertAt(diagnostic, DiagnosticCodes.InvalidDirectiveValue, 2, column);
    }
}
