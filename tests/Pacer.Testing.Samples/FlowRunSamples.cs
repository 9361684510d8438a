using Pacer.Testing.Samples.Infrastructure;
using Xunit;

namespace Pacer.Testing.Samples;

/// <summary>
/// Issue 8, bullet 1: <c>await Flow.Load(path).RunAsync(target, vars)</c>; the result lists steps and
/// assertions; <c>ShouldPass()</c> throws with the text <c>pacer run</c> prints.
/// </summary>
public sealed class FlowRunSamples(StorefrontInProcess storefront) : IClassFixture<StorefrontInProcess>
{
    [Fact]
    public async Task A_flow_file_runs_and_its_result_lists_steps_and_assertions()
    {
        var result = await Flow.Load("flows/quick/health.flow.md").RunAsync(storefront.Target, cancellationToken: TestContext.Current.CancellationToken);

        result.ShouldPass();
        Assert.Equal(["Health", "Categories"], result.Steps.Select(s => s.Step.Name));
        Assert.Equal(["status == 200", "status == 200", "body exists"], result.Assertions.Select(a => a.Assertion.Text));
        Assert.All(result.Assertions, a => Assert.True(a.Passed));
        Assert.Equal(200, result.Step("Categories").Response?.Status);
    }

    [Fact]
    public async Task Vars_are_passed_like_cli_var_and_win_over_the_flows_defaults()
    {
        // 04-admin.flow.md defaults admin_password to the documented development one; this Storefront uses another.
        var flow = Flow.Load("flows/storefront/04-admin.flow.md");

        var withVar = await flow.RunAsync(storefront.Target, new Dictionary<string, object?> { ["admin_password"] = StorefrontInProcess.AdminPassword }, TestContext.Current.CancellationToken);
        var withDefault = await flow.RunAsync(storefront.Target, cancellationToken: TestContext.Current.CancellationToken);

        withVar.ShouldPass();
        Assert.False(withDefault.Passed);
        Assert.Equal(401, withDefault.Steps[0].Response?.Status);
    }

    [Fact]
    public async Task A_flow_runs_through_a_callers_HttpClient_whose_base_address_is_the_base_url()
    {
        using var client = storefront.CreateApiClient();

        var result = await Flow.Load("flows/quick/health.flow.md").RunAsync(client, cancellationToken: TestContext.Current.CancellationToken);

        result.ShouldPass();
        Assert.Equal("http://localhost/api/v1/health", result.Steps[0].Request?.Url);
    }

    [Fact]
    public async Task ShouldPass_throws_FlowFailedException_with_the_CLIs_failure_text()
    {
        var flow = Flow.Parse("""
            ```step
            @name Health is a teapot
            GET /health

            [Asserts]
            status == 418
            ```
            """, "teapot.flow.md");
        var result = await flow.RunAsync(storefront.Target, cancellationToken: TestContext.Current.CancellationToken);

        var failure = Assert.Throws<FlowFailedException>(() => result.ShouldPass());

        Assert.Same(result, failure.Result);
        Assert.Equal(result.Report(), failure.Message[(failure.Message.IndexOf('\n', StringComparison.Ordinal) + 1)..].TrimStart('\r', '\n'));
        Assert.Contains("✗ GET http://localhost/api/v1/health  200", failure.Message, StringComparison.Ordinal);
        Assert.Contains("✗ status == 418  at teapot.flow.md:6:1", failure.Message, StringComparison.Ordinal);
        Assert.Contains("expected: 418", failure.Message, StringComparison.Ordinal);
        Assert.Contains("actual:   200", failure.Message, StringComparison.Ordinal);
        Assert.Contains("FAILED  1 file(s), 1 step(s): 0 passed, 1 failed", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_flow_that_does_not_parse_throws_with_its_diagnostics_rendered()
    {
        var error = Assert.Throws<FlowParseException>(() => Flow.Parse("""
            ```step
            FETCH /health
            ```
            """, "broken.flow.md"));

        Assert.NotEmpty(error.Diagnostics);
        Assert.Contains("broken.flow.md:2:", error.Message, StringComparison.Ordinal);
        Assert.Contains("FETCH /health", error.Message, StringComparison.Ordinal);
        Assert.Contains("^", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_variable_nothing_defines_is_refused_before_any_request()
    {
        var flow = Flow.Parse("""
            ```step
            GET /users/{{user_id}}
            ```
            """, "undefined.flow.md");

        var error = await Assert.ThrowsAsync<FlowParseException>(() => flow.RunAsync(storefront.Target, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("user_id", error.Message, StringComparison.Ordinal);
    }
}
