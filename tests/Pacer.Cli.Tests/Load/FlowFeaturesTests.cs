using Pacer.TestSupport;
using Pacer.Cli.Tests.EndToEnd;
using Pacer.Load.Results;
using Xunit;

namespace Pacer.Cli.Tests.Load;

/// <summary>What a flow brings to a load run: @once setup shared by every VU, per-VU data rows, SLA budgets.</summary>
public sealed class FlowFeaturesTests : IDisposable
{
    private readonly TempDirectory temp = new();

    [Fact]
    public async Task Once_step_logs_in_once_and_every_vu_uses_its_token()
    {
        await using var server = await LoadTargetServer.StartAsync();
        temp.Write("me.flow.md", """
            ```kest
            @once
            @name Login
            POST /login

            [Captures]
            token: body.token
            ```

            ```kest
            @name Me
            GET /me
            Authorization: Bearer {{token}}

            [Asserts]
            status == 200
            body.user == "me"
            ```
            """);

        var outcome = await LoadCli.RunAsync(temp.Path, "me.flow.md", "--base-url", server.BaseUrl, "--iterations", "12", "--vus", "4", "--out", "r.json");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Equal(1, server.Logins);
        var result = LoadResultJson.ReadFile(temp.Combine("r.json"));
        var step = Assert.Single(result.Steps);
        Assert.Equal("Me", step.Name);
        Assert.Equal(12, step.Requests);
        Assert.Equal(0, step.Failures);
        Assert.Contains("@once step 'Login' passed", outcome.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cookie_session_works_under_load_as_in_pacer_run()
    {
        await using var server = await LoadTargetServer.StartAsync();
        temp.Write("session.flow.md", """
            ```kest
            @name Start
            POST /session/start
            ```

            ```kest
            @name Me
            GET /session/me

            [Asserts]
            status == 200
            ```
            """);

        var outcome = await LoadCli.RunAsync(temp.Path, "session.flow.md", "--base-url", server.BaseUrl, "--iterations", "10", "--vus", "2", "--out", "r.json");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        var result = LoadResultJson.ReadFile(temp.Combine("r.json"));
        Assert.Equal(0, result.Summary.Failures);
        Assert.Equal(10, result.Steps.Single(s => s.Name == "Me").Requests);
        // Each VU keeps a cookie jar and the engine sends its cookies: the session never leaves Pacer's own HTTP path.
        Assert.Equal("engine", result.Transport.Kind);
        Assert.Null(result.Transport.Reason);
    }

    [Fact]
    public async Task Soft_assertions_are_counted_as_warnings_and_never_fail_a_request()
    {
        await using var server = await LoadTargetServer.StartAsync();
        temp.Write("soft.flow.md", """
            ```kest
            @name Slow
            GET /stall?ms=20

            [Asserts]
            status == 200

            [Soft Asserts]
            body == "something else"
            body contains "late"
            duration < 5ms
            ```
            """);

        var outcome = await LoadCli.RunAsync(temp.Path, "soft.flow.md", "--base-url", server.BaseUrl, "--iterations", "6", "--vus", "2", "--out", "r.json");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        var result = LoadResultJson.ReadFile(temp.Combine("r.json"));
        var step = Assert.Single(result.Steps);
        Assert.Equal((6L, 0L), (step.Requests, step.Failures));
        // Per request: the body check and the 5 ms budget miss (the server waits 20 ms); "late" holds.
        Assert.Equal(12, step.Warnings);
        Assert.Equal(12, result.Summary.Warnings);
        Assert.Contains("12 soft assertions did not hold", outcome.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_warm_up_sends_requests_first_and_leaves_them_out_of_the_result()
    {
        await using var server = await LoadTargetServer.StartAsync();
        temp.Write("warm.flow.md", LoadCli.OneGet("/user/warm"));

        var outcome = await LoadCli.RunAsync(temp.Path, "warm.flow.md", "--base-url", server.BaseUrl, "--iterations", "5", "--vus", "1", "--warmup", "300ms", "--out", "r.json");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        var result = LoadResultJson.ReadFile(temp.Combine("r.json"));
        Assert.Equal(5, result.Summary.Requests);
        Assert.True(server.UsersSeen["warm"] > 5, $"the server saw {server.UsersSeen["warm"]} requests: the warm-up sent none");
        Assert.Equal("0.3s", result.Executor.Settings["warmup"]);
        Assert.Contains("warming up for 0.3s", outcome.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_warm_up_duration_is_bad_input()
    {
        temp.Write("warm.flow.md", LoadCli.OneGet("/ok"));

        var outcome = await LoadCli.RunAsync(temp.Path, "warm.flow.md", "--base-url", "http://127.0.0.1:9", "--warmup", "soon");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("--warmup: expected a duration", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retry_step_is_sent_again_and_only_its_last_attempt_can_fail()
    {
        await using var server = await LoadTargetServer.StartAsync();
        temp.Write("poll.flow.md", """
            ```kest
            @name Poll
            @retry 3
            @retry-wait 10
            GET /ready/{{key}}

            [Asserts]
            status == 200
            ```
            """);

        // VU 0 polls key a (ready on its third try); VU 1 polls key b with only one retry allowed.
        var outcome = await LoadCli.RunAsync(temp.Path, "poll.flow.md", "--base-url", server.BaseUrl, "--iterations", "1", "--vus", "1", "--var", "key=a", "--out", "a.json");
        temp.Write("once.flow.md", File.ReadAllText(temp.Combine("poll.flow.md")).Replace("@retry 3", "@retry 1", StringComparison.Ordinal));
        await LoadCli.RunAsync(temp.Path, "once.flow.md", "--base-url", server.BaseUrl, "--iterations", "1", "--vus", "1", "--var", "key=b", "--out", "b.json");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        var passed = LoadResultJson.ReadFile(temp.Combine("a.json")).Steps.Single();
        Assert.Equal((3L, 2L, 0L), (passed.Requests, passed.Retries, passed.Failures));
        var failed = LoadResultJson.ReadFile(temp.Combine("b.json")).Steps.Single();
        Assert.Equal((2L, 1L, 1L), (failed.Requests, failed.Retries, failed.Failures));
    }

    [Fact]
    public async Task Failing_once_step_stops_the_run_before_any_load_with_exit_1()
    {
        await using var server = await LoadTargetServer.StartAsync();
        temp.Write("me.flow.md", """
            ```kest
            @once
            GET /status/503

            [Asserts]
            status == 200
            ```

            ```kest
            GET /ok
            ```
            """);

        var outcome = await LoadCli.RunAsync(temp.Path, "me.flow.md", "--base-url", server.BaseUrl, "--iterations", "5", "--out", "r.json");

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        var result = LoadResultJson.ReadFile(temp.Combine("r.json"));
        Assert.StartsWith("setup failed", result.Aborted, StringComparison.Ordinal);
        Assert.Equal(0, result.Summary.Requests);
    }

    [Theory]
    [InlineData("users.csv", "name,role\nann,admin\nbob,user\n\"c, d\",user\n")]
    [InlineData("users.json", """[{"name":"ann"},{"name":"bob"},{"name":"c, d"}]""")]
    public async Task Data_rows_round_robin_give_each_vu_its_own_user(string file, string content)
    {
        await using var server = await LoadTargetServer.StartAsync();
        temp.Write(file, content);
        temp.Write("user.flow.md", LoadCli.OneGet("/user/{{name}}"));

        var outcome = await LoadCli.RunAsync(temp.Path, "user.flow.md", "--base-url", server.BaseUrl, "--iterations", "12", "--vus", "6", "--data", file);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Equal(["ann", "bob", "c, d"], server.UsersSeen.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(12, server.UsersSeen.Values.Sum());
    }

    [Fact]
    public async Task Unique_data_mode_refuses_more_vus_than_rows_and_uses_each_row_once_otherwise()
    {
        await using var server = await LoadTargetServer.StartAsync();
        temp.Write("users.csv", "name\nann\nbob\n");
        temp.Write("user.flow.md", LoadCli.OneGet("/user/{{name}}"));

        var tooMany = await LoadCli.RunAsync(temp.Path, "user.flow.md", "--base-url", server.BaseUrl, "--iterations", "4", "--vus", "3", "--data", "users.csv", "--data-mode", "unique");
        var enough = await LoadCli.RunAsync(temp.Path, "user.flow.md", "--base-url", server.BaseUrl, "--iterations", "4", "--vus", "2", "--data", "users.csv", "--data-mode", "unique");

        Assert.True(tooMany.ExitCode == 2, tooMany.ToString());
        Assert.Contains("only 2 rows", tooMany.Error, StringComparison.Ordinal);
        Assert.True(enough.ExitCode == 0, enough.ToString());
        Assert.Equal(["ann", "bob"], server.UsersSeen.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_missed_duration_budget_fails_its_request_as_in_pacer_run_and_soft_budgets_make_it_a_warning()
    {
        await using var server = await LoadTargetServer.StartAsync();
        temp.Write("slow.flow.md", LoadCli.OneGet("/stall?ms=120", "status == 200\nduration < 50ms"));

        var strict = await LoadCli.RunAsync(temp.Path, "slow.flow.md", "--base-url", server.BaseUrl, "--iterations", "4", "--vus", "2", "--out", "r.json");
        var soft = await LoadCli.RunAsync(temp.Path, "slow.flow.md", "--base-url", server.BaseUrl, "--iterations", "4", "--vus", "2", "--soft-budgets", "--out", "soft.json");

        Assert.True(strict.ExitCode == 1, strict.ToString());
        var result = LoadResultJson.ReadFile(temp.Combine("r.json"));
        Assert.Equal(4, result.Summary.Failures);
        Assert.Equal(4, result.Summary.FailuresByKind["budget-missed"]);
        Assert.Equal(4, result.Summary.SlaViolations);
        Assert.Equal((4, 0), (result.Summary.Checks.Total, result.Summary.Checks.Passed));
        var implicitRule = Assert.Single(result.Thresholds);
        Assert.True(implicitRule.Implicit);
        Assert.False(implicitRule.Passed);
        var sla = Assert.Single(result.Steps).Sla!;
        Assert.Equal(50, sla.BudgetMs);
        Assert.Equal(4, sla.Violations);
        Assert.False(sla.Met);

        Assert.True(soft.ExitCode == 0, soft.ToString());
        var softResult = LoadResultJson.ReadFile(temp.Combine("soft.json"));
        Assert.Equal(0, softResult.Summary.Failures);
        Assert.Equal(4, softResult.Summary.Warnings);
        Assert.Equal(4, softResult.Summary.SlaViolations);
    }

    public void Dispose() => temp.Dispose();
}
