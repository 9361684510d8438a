using Pacer.TestSupport;
using System.Text.Json.Nodes;
using Pacer.Cli.Tests.TestApi;
using Pacer.Core.Execution;
using Pacer.Core.Flow.Syntax;
using Pacer.Core.Templating;
using Xunit;
using static Pacer.Cli.Tests.Execution.Steps;

namespace Pacer.Cli.Tests.Execution;

/// <summary>The file-level runner against the live test API, with hand-built flows (no parser involved).</summary>
public sealed class FlowRunnerTests
{
    private static readonly StepNode Login = Step(
        "POST",
        "/api/login",
        body: """{"username": "admin", "password": "{{password | default: "secret"}}"}""",
        captures: [("token", "data.token")],
        asserts: [Status(200), Check("body.code", AssertOperator.Equal, 0)],
        name: "Login");

    private static readonly StepNode Profile = Step(
        "GET",
        "/api/profile",
        headers: [("Authorization", "Bearer {{token}}")],
        asserts: [Status(200), Check("body.data.username", AssertOperator.Equal, "admin")],
        name: "Profile");

    [Fact]
    public async Task Captured_token_authenticates_the_next_step()
    {
        await using var server = await TestApiServer.StartAsync();

        var result = await Run(server, Flow("auth.flow.md", Login, Profile));

        Assert.True(result.Passed, Describe(result));
        Assert.Equal("Bearer " + result.Steps[0].Captures[0].Value!.GetValue<string>(), result.Steps[1].Request!.Headers.Single().Value);
        Assert.All(result.Steps, s => Assert.Equal(1, s.Attempts));
    }

    [Fact]
    public async Task Step_needing_a_capture_of_a_failed_step_is_skipped_with_the_reason()
    {
        await using var server = await TestApiServer.StartAsync();
        server.Mode = ServerMode.WrongAnswers;

        var result = await Run(server, Flow("auth.flow.md", Login, Profile, Step("GET", "/echo", name: "Independent")));

        Assert.Equal(StepStatus.Failed, result.Steps[0].Status);
        Assert.Equal(StepStatus.Skipped, result.Steps[1].Status);
        Assert.Equal("needs token from step 1", result.Steps[1].Reason);
        Assert.Equal(StepStatus.Passed, result.Steps[2].Status);
        Assert.DoesNotContain(server.State.RequestLog, p => p.StartsWith("/api/profile", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Step_after_a_failed_step_still_runs_when_that_step_captured_what_it_needs()
    {
        await using var server = await TestApiServer.StartAsync();
        var loginExpectingAnotherToken = Login with { Assertions = [.. Login.Assertions, Check("body.data.token", AssertOperator.Equal, "not-this-token")] };

        var result = await Run(server, Flow("auth.flow.md", loginExpectingAnotherToken, Profile));

        Assert.Equal(StepStatus.Failed, result.Steps[0].Status);
        Assert.True(result.Steps[0].Captures.Single().Found);
        Assert.Equal(StepStatus.Passed, result.Steps[1].Status);
    }

    [Fact]
    public async Task Fail_fast_skips_everything_after_the_first_failure()
    {
        await using var server = await TestApiServer.StartAsync();
        var failing = Step("GET", "/echo", asserts: [Status(418)]);

        var result = await Run(server, Flow("f.flow.md", failing, Step("GET", "/echo?second=1")), new FlowRunOptions { FailFast = true });

        Assert.Equal(StepStatus.Failed, result.Steps[0].Status);
        Assert.Equal(StepStatus.Skipped, result.Steps[1].Status);
        Assert.Contains("fail-fast", result.Steps[1].Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(server.State.RequestLog, p => p.Contains("second", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_fail_fast_later_independent_steps_still_run()
    {
        await using var server = await TestApiServer.StartAsync();

        var result = await Run(server, Flow("f.flow.md", Step("GET", "/echo", asserts: [Status(418)]), Step("GET", "/echo?second=1")));

        Assert.False(result.Passed);
        Assert.Equal(StepStatus.Passed, result.Steps[1].Status);
    }

    [Fact]
    public async Task Retry_sends_again_until_the_step_passes()
    {
        await using var server = await TestApiServer.StartAsync();
        var flaky = Step("GET", "/flaky?key=r1&failures=2", asserts: [Status(200)], options: StepOptions.Default with { Retry = 2, RetryWaitMs = 10 });

        var result = await Run(server, Flow("r.flow.md", flaky));

        Assert.True(result.Passed, Describe(result));
        Assert.Equal(3, result.Steps[0].Attempts);
        Assert.Equal(3, result.Steps[0].Response!.Json!["call"]!.GetValue<int>());
    }

    [Fact]
    public async Task Retries_exhausted_fail_the_step_with_the_last_response()
    {
        await using var server = await TestApiServer.StartAsync();
        var flaky = Step("GET", "/flaky?key=r2&failures=5", asserts: [Status(200)], options: StepOptions.Default with { Retry = 1, RetryWaitMs = 10 });

        var result = await Run(server, Flow("r.flow.md", flaky));

        Assert.Equal(StepStatus.Failed, result.Steps[0].Status);
        Assert.Equal(2, result.Steps[0].Attempts);
        Assert.Equal(503, result.Steps[0].Response!.Status);
    }

    [Fact]
    public async Task Step_timeout_fails_the_step_with_the_limit_in_the_reason()
    {
        await using var server = await TestApiServer.StartAsync();
        var slow = Step("GET", "/slow?ms=3000", options: StepOptions.Default with { TimeoutMs = 200 });

        var result = await Run(server, Flow("t.flow.md", slow));

        Assert.Equal(StepStatus.Failed, result.Steps[0].Status);
        Assert.Equal("timed out after 200 ms", result.Steps[0].Reason);
    }

    [Fact]
    public async Task Default_timeout_applies_when_the_step_has_none()
    {
        await using var server = await TestApiServer.StartAsync();

        var result = await Run(server, Flow("t.flow.md", Step("GET", "/slow?ms=3000")), new FlowRunOptions { Timeout = TimeSpan.FromMilliseconds(150) });

        Assert.Equal("timed out after 150 ms", result.Steps[0].Reason);
    }

    [Fact]
    public async Task Cookies_set_by_one_step_are_sent_by_the_next()
    {
        await using var server = await TestApiServer.StartAsync();

        var result = await Run(server, Flow("c.flow.md", Step("GET", "/cookies/set?name=session&value=abc"), Step("GET", "/cookies/read")));

        Assert.Equal("abc", result.Steps[1].Response!.Json!["cookies"]!["session"]!.GetValue<string>());
    }

    [Fact]
    public async Task Redirects_are_not_followed_unless_asked()
    {
        await using var server = await TestApiServer.StartAsync();
        var flow = Flow("r.flow.md", Step("GET", "/redirect"));

        var plain = await Run(server, flow);
        var followed = await Run(server, flow, new FlowRunOptions { FollowRedirects = true });

        Assert.Equal(302, plain.Steps[0].Response!.Status);
        Assert.Equal(200, followed.Steps[0].Response!.Status);
        Assert.Equal("true", followed.Steps[0].Response!.Json!["data"]!["query"]!["redirected"]!.GetValue<string>());
    }

    [Fact]
    public async Task Refused_connection_fails_the_step_and_names_the_target()
    {
        var port = FreePort.Find();
        var options = new FlowRunOptions { BaseUrl = $"http://127.0.0.1:{port}" };

        var result = await new FlowRunner(options, BuiltInVariables.CreateDefault()).RunAsync(Flow("x.flow.md", Step("GET", "/echo")), null, TestContext.Current.CancellationToken);

        Assert.Equal(StepStatus.Failed, result.Steps[0].Status);
        Assert.Equal($"connection refused to 127.0.0.1:{port}", result.Steps[0].Reason);
    }

    [Fact]
    public async Task Captured_number_keeps_its_type_in_a_json_body()
    {
        await using var server = await TestApiServer.StartAsync();
        var first = Step("POST", "/echo", body: """{"n": 42}""", captures: [("n", "data.body.n")]);
        var second = Step("POST", "/echo", body: """{"again": {{n}}, "text": "n={{n}}"}""");

        var result = await Run(server, Flow("j.flow.md", first, second));

        var echoed = result.Steps[1].Response!.Json!["data"]!["body"]!;
        Assert.Equal(System.Text.Json.JsonValueKind.Number, echoed["again"]!.GetValueKind());
        Assert.Equal("n=42", echoed["text"]!.GetValue<string>());
        Assert.Equal("application/json", result.Steps[1].Response!.Json!["data"]!["contentType"]!.GetValue<string>());
    }

    [Fact]
    public async Task Failing_soft_assertion_is_a_warning_and_the_step_passes()
    {
        await using var server = await TestApiServer.StartAsync();
        var step = Step("GET", "/echo", asserts: [Status(200), Check("body.code", AssertOperator.Equal, 7, soft: true)]);

        var result = await Run(server, Flow("s.flow.md", step));

        Assert.True(result.Passed);
        Assert.Single(result.Steps[0].Warnings);
    }

    [Fact]
    public async Task Variables_follow_precedence_override_then_capture_then_environment_then_default()
    {
        await using var server = await TestApiServer.StartAsync();
        var flow = new FlowDocument(
            "v.flow.md",
            FlowMetadata.Empty with { Defaults = new Dictionary<string, string> { ["a"] = "default", ["b"] = "default", ["c"] = "default", ["d"] = "default" } },
            [Step("POST", "/echo", body: """{"c": "captured", "d": "captured"}""", captures: [("c", "data.body.c"), ("d", "data.body.d")]),
             Step("GET", "/echo?a={{a}}&b={{b}}&c={{c}}&d={{d}}")]);
        var options = new FlowRunOptions
        {
            BaseUrl = server.BaseUrl,
            Overrides = new Dictionary<string, JsonNode?> { ["d"] = "override" },
            EnvironmentVariables = new Dictionary<string, JsonNode?> { ["b"] = "environment", ["c"] = "environment" },
        };

        var result = await new FlowRunner(options, BuiltInVariables.CreateDefault()).RunAsync(flow, null, TestContext.Current.CancellationToken);

        var query = result.Steps[1].Response!.Json!["data"]!["query"]!;
        Assert.Equal(["default", "environment", "captured", "override"], new[] { "a", "b", "c", "d" }.Select(k => query[k]!.GetValue<string>()));
    }

    [Fact]
    public async Task Undefined_variable_fails_the_step_and_names_it()
    {
        await using var server = await TestApiServer.StartAsync();

        var result = await Run(server, Flow("u.flow.md", Step("GET", "/echo?x={{nowhere}}")));

        Assert.Equal(StepStatus.Failed, result.Steps[0].Status);
        Assert.Contains("nowhere", result.Steps[0].Reason, StringComparison.Ordinal);
        Assert.Empty(server.State.RequestLog);
    }

    [Fact]
    public async Task A_header_reaches_assertions_exactly_as_sent_through_the_engine_and_through_a_callers_http_client()
    {
        await using var server = await TestApiServer.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        var step = Step("GET", "/headers/server", asserts: [Check("header.Server", AssertOperator.Equal, "BaseHTTP/0.6 Python/3.11.7")]);

        var engine = await Run(server, Flow("h.flow.md", step));
        var viaClient = await Run(server, Flow("h.flow.md", step), new FlowRunOptions { HttpClient = client });

        Assert.True(engine.Passed, Describe(engine));
        Assert.True(viaClient.Passed, Describe(viaClient));
        Assert.Single(viaClient.Steps[0].Response!.Headers, h => h.Key.Equals("Server", StringComparison.OrdinalIgnoreCase));
    }

    private static Task<FlowRunResult> Run(TestApiServer server, FlowDocument flow, FlowRunOptions? options = null) =>
        new FlowRunner((options ?? new FlowRunOptions()) with { BaseUrl = server.BaseUrl }, BuiltInVariables.CreateDefault())
            .RunAsync(flow, null, TestContext.Current.CancellationToken);

    private static string Describe(FlowRunResult result) =>
        string.Join("\n", result.Steps.Select(s => $"{s.Number} {s.Status} {s.Reason} {s.Response?.BodyText}"));
}
