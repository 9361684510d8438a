using Pacer.TestSupport;
using Pacer.Cli.Tests.TestApi;
using Xunit;

namespace Pacer.Cli.Tests.EndToEnd;

/// <summary><c>pacer run</c> options end to end against the live test API.</summary>
public sealed class RunOptionsTests : IDisposable
{
    private readonly TempDirectory temp = new();

    [Fact]
    public async Task Jobs_run_files_in_parallel_each_with_its_own_cookies_and_captures()
    {
        await using var server = await TestApiServer.StartAsync();
        foreach (var name in new[] { "alpha", "beta", "gamma" })
        {
            temp.Write($"flows/{name}.flow.md", $$$"""
                ```kest
                POST /echo
                Content-Type: application/json

                {"who": "{{{name}}}"}

                [Captures]
                who: data.body.who
                ```

                ```kest
                GET /cookies/set?name=owner&value={{who}}
                ```

                ```kest
                GET /slow?ms=300
                ```

                ```kest
                GET /cookies/read

                [Asserts]
                body.cookies.owner == "{{{name}}}"
                body.cookies.owner == "{{who}}"
                ```
                """);
        }

        var started = DateTime.UtcNow;
        var outcome = await PacerCli.RunAsync(temp.Path, "run", "flows", "--jobs", "3", "--base-url", server.BaseUrl);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Equal(12, KestFlowTests.CountOf(outcome.Out, "✓"));
        // Buffered per flow: each file's lines are printed together, in one block.
        var alpha = outcome.Out.IndexOf("alpha.flow.md", StringComparison.Ordinal);
        Assert.Equal(4, KestFlowTests.CountOf(outcome.Out[alpha..outcome.Out.IndexOf('\n', outcome.Out.IndexOf("cookies/read", alpha, StringComparison.Ordinal))], "✓"));
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Directory_runs_every_flow_file_in_name_order()
    {
        await using var server = await TestApiServer.StartAsync();
        temp.Write("flows/b/second.flow.md", "```kest\nGET /echo?file=b\n```\n");
        temp.Write("flows/a.flow.md", "```kest\nGET /echo?file=a\n```\n");
        temp.Write("flows/notes.md", "```kest\nGET /echo?file=ignored\n```\n");

        var outcome = await PacerCli.RunAsync(temp.Path, "run", "flows", "--base-url", server.BaseUrl);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Equal(["/echo?file=a", "/echo?file=b"], server.State.RequestLog);
    }

    [Fact]
    public async Task Fail_fast_stops_a_file_at_its_first_failure()
    {
        await using var server = await TestApiServer.StartAsync();
        var flow = temp.Write("f.flow.md", "```kest\nGET /echo?n=1\n\n[Asserts]\nstatus == 404\n```\n\n```kest\nGET /echo?n=2\n```\n");

        var outcome = await PacerCli.RunAsync(temp.Path, "run", flow, "--fail-fast", "--base-url", server.BaseUrl);

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        Assert.Contains("skipped: --fail-fast: step 1 failed", outcome.Out, StringComparison.Ordinal);
        Assert.Equal(["/echo?n=1"], server.State.RequestLog);
    }

    [Fact]
    public async Task Retry_directive_retries_until_the_step_passes()
    {
        await using var server = await TestApiServer.StartAsync();
        var flow = temp.Write("r.flow.md", "```kest\n@retry 3\n@retry-wait 20\nGET /flaky?key=cli&failures=2\n\n[Asserts]\nstatus == 200\nbody.call == 3\n```\n");

        var outcome = await PacerCli.RunAsync(temp.Path, "run", flow, "--base-url", server.BaseUrl);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Contains("(3 attempts)", outcome.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Timeout_directive_and_option_fail_slow_steps()
    {
        await using var server = await TestApiServer.StartAsync();
        var flow = temp.Write("t.flow.md", "```kest\n@timeout 200\nGET /slow?ms=3000\n```\n\n```kest\nGET /slow?ms=3000\n```\n");

        var outcome = await PacerCli.RunAsync(temp.Path, "run", flow, "--timeout", "300ms", "--base-url", server.BaseUrl);

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        Assert.Contains("timed out after 200 ms", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("timed out after 300 ms", outcome.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redirects_are_followed_only_with_the_option()
    {
        await using var server = await TestApiServer.StartAsync();
        var flow = temp.Write("r.flow.md", "```kest\nGET /redirect\n\n[Asserts]\nstatus == 200\nbody.data.query.redirected == \"true\"\n```\n");

        var plain = await PacerCli.RunAsync(temp.Path, "run", flow, "--base-url", server.BaseUrl);
        var followed = await PacerCli.RunAsync(temp.Path, "run", flow, "--follow-redirects", "--base-url", server.BaseUrl);

        Assert.True(plain.ExitCode == 1, plain.ToString());
        Assert.True(followed.ExitCode == 0, followed.ToString());
    }

    [Fact]
    public async Task Refused_connection_is_a_failed_step_with_a_clear_message()
    {
        var port = FreePort.Find();
        var flow = temp.Write("down.flow.md", "```kest\nGET /api/profile\n```\n\n```kest\nGET /echo\n```\n");

        var outcome = await PacerCli.RunAsync(temp.Path, "run", flow, "--base-url", $"http://127.0.0.1:{port}");

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        Assert.Equal(2, KestFlowTests.CountOf(outcome.Out, $"connection refused to 127.0.0.1:{port}"));
    }

    [Fact]
    public async Task Var_option_wins_over_flow_defaults()
    {
        await using var server = await TestApiServer.StartAsync();
        var flow = temp.Write("v.flow.md", "```flow\n@var who=default\n```\n\n```kest\nGET /echo?who={{who}}\n\n[Asserts]\nbody.data.query.who == \"cli\"\n```\n");

        var outcome = await PacerCli.RunAsync(temp.Path, "run", flow, "--var", "who=cli", "--base-url", server.BaseUrl);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
    }

    [Fact]
    public async Task Undefined_variable_is_refused_before_running()
    {
        await using var server = await TestApiServer.StartAsync();
        var flow = temp.Write("u.flow.md", "```kest\nGET /echo?x={{nowhere}}\n```\n");

        var outcome = await PacerCli.RunAsync(temp.Path, "run", flow, "--base-url", server.BaseUrl);

        Assert.True(outcome.ExitCode == 2, outcome.ToString());
        Assert.Contains("u.flow.md:2:", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("nowhere", outcome.Error, StringComparison.Ordinal);
        Assert.Empty(server.State.RequestLog);
    }

    [Fact]
    public async Task Verbose_prints_the_full_request_and_response()
    {
        await using var server = await TestApiServer.StartAsync();
        var flow = temp.Write("v.flow.md", "```kest\nPOST /echo\nX-Trace: abc\n\n{\"hello\": \"world\"}\n```\n");

        var outcome = await PacerCli.RunAsync(temp.Path, "run", flow, "--verbose", "--base-url", server.BaseUrl);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Contains("> X-Trace: abc", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("> {\"hello\": \"world\"}", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("< 200", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("<     \"method\": \"POST\",", outcome.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Insecure_accepts_a_self_signed_certificate()
    {
        await using var server = await TestApiServer.StartAsync(https: true);
        var flow = temp.Write("tls.flow.md", "```kest\nGET /echo\n\n[Asserts]\nstatus == 200\n```\n");

        var strict = await PacerCli.RunAsync(temp.Path, "run", flow, "--base-url", server.BaseUrl);
        var insecure = await PacerCli.RunAsync(temp.Path, "run", flow, "--insecure", "--base-url", server.BaseUrl);

        Assert.StartsWith("https://", server.BaseUrl, StringComparison.Ordinal);
        Assert.True(strict.ExitCode == 1, strict.ToString());
        Assert.Contains("is not trusted", strict.Out, StringComparison.Ordinal);
        Assert.Contains("pass its CA with --ca-cert FILE, or --insecure for a self-signed test server", strict.Out, StringComparison.Ordinal);
        Assert.True(insecure.ExitCode == 0, insecure.ToString());
    }

    [Fact]
    public async Task Env_built_in_reads_the_process_environment()
    {
        await using var server = await TestApiServer.StartAsync();
        var name = "PACER_TEST_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(name, "from-env");
        var flow = temp.Write("e.flow.md", "```kest\nGET /echo?v={{$env." + name + "}}\n\n[Asserts]\nbody.data.query.v == \"from-env\"\n```\n");

        try
        {
            var outcome = await PacerCli.RunAsync(temp.Path, "run", flow, "--base-url", server.BaseUrl);

            Assert.True(outcome.ExitCode == 0, outcome.ToString());
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    public void Dispose() => temp.Dispose();
}
