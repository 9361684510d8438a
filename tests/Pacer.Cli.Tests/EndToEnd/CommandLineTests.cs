using Pacer.TestSupport;
using System.Diagnostics;
using Pacer.Cli.Tests.TestApi;
using Xunit;

namespace Pacer.Cli.Tests.EndToEnd;

/// <summary>Usage, help, version, <c>pacer check</c>, exit codes; and the built executable as a real process.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly TempDirectory temp = new();

    [Theory]
    [InlineData("--help")]
    [InlineData("run", "--help")]
    [InlineData("check", "--help")]
    public async Task Help_is_available_everywhere(params string[] args)
    {
        var outcome = await PacerCli.RunAsync(temp.Path, args);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("Usage:", outcome.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_prints_the_version()
    {
        var outcome = await PacerCli.RunAsync(temp.Path, "--version");

        Assert.Equal(0, outcome.ExitCode);
        Assert.StartsWith("0.1.0", outcome.Out.Trim(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("run", "x.flow.md", "--bogus")]
    [InlineData("run")]
    [InlineData("frobnicate")]
    [InlineData("run", "x.flow.md", "--jobs", "many")]
    [InlineData("run", "x.flow.md", "--report", "pdf=out.pdf")]
    [InlineData("run", "x.flow.md", "--timeout", "soon")]
    [InlineData("run", "x.flow.md", "--var", "novalue")]
    [InlineData("run", "missing.flow.md")]
    public async Task Usage_errors_exit_2(params string[] args)
    {
        temp.Write("x.flow.md", "```kest\nGET http://127.0.0.1:9/\n```\n");

        var outcome = await PacerCli.RunAsync(temp.Path, args);

        Assert.True(outcome.ExitCode == 2, outcome.ToString());
        Assert.Contains("error", outcome.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Check_passes_valid_flows_without_sending_anything()
    {
        await using var server = await TestApiServer.StartAsync();
        temp.Write("flows/good.flow.md", KestFlowTests.KestFlow);

        var outcome = await PacerCli.RunAsync(temp.Path, "check", "flows", "--base-url", server.BaseUrl);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Contains("1 file(s), 3 step(s) checked: no errors", outcome.Out, StringComparison.Ordinal);
        Assert.Empty(server.State.RequestLog);
    }

    [Fact]
    public async Task Check_reports_every_diagnostic_of_every_file_at_once()
    {
        temp.Write("flows/a.flow.md", "```kest\nGET /a\n\n[Asserts]\nstatus === 200\n```\n");
        temp.Write("flows/b.flow.md", "```kest\nGET /b\n\n[Asserts]\nbody.x existz\nstatus == 200\n```\n");

        var outcome = await PacerCli.RunAsync(temp.Path, "check", "flows");

        Assert.True(outcome.ExitCode == 2, outcome.ToString());
        Assert.Contains("a.flow.md:5:", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("b.flow.md:5:", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("^", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_that_cannot_be_carried_out_exits_3_without_a_stack_trace()
    {
        await using var server = await TestApiServer.StartAsync();
        var flow = temp.Write("ok.flow.md", "```kest\nGET /echo\n```\n");
        Directory.CreateDirectory(temp.Combine("taken"));

        var outcome = await PacerCli.RunAsync(temp.Path, "run", flow, "--base-url", server.BaseUrl, "--report", "json=" + temp.Combine("taken"));

        Assert.True(outcome.ExitCode == 3, outcome.ToString());
        Assert.StartsWith("internal error:", outcome.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Built_pacer_executable_runs_a_flow_as_a_process()
    {
        await using var server = await TestApiServer.StartAsync();
        var flow = temp.Write("p.flow.md", "```kest\nGET /echo?from=process\n\n[Asserts]\nstatus == 200\n```\n");

        var (exit, stdout) = await RunProcessAsync("run", flow, "--base-url", server.BaseUrl);

        Assert.True(exit == 0, stdout);
        Assert.Contains("✓ GET", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", stdout, StringComparison.Ordinal);
        Assert.Equal(["/echo?from=process"], server.State.RequestLog);
    }

    [Fact]
    public async Task Built_pacer_executable_exits_1_on_a_failed_flow()
    {
        var flow = temp.Write("p.flow.md", "```kest\nGET /echo\n```\n");

        var (exit, stdout) = await RunProcessAsync("run", flow, "--base-url", $"http://127.0.0.1:{FreePort.Find()}");

        Assert.True(exit == 1, stdout);
        Assert.Contains("connection refused", stdout, StringComparison.Ordinal);
    }

    public void Dispose() => temp.Dispose();

    private async Task<(int Exit, string Stdout)> RunProcessAsync(params string[] args)
    {
        // The pacer build output is copied beside the tests (pacer.dll); `dotnet pacer.dll` runs it on any OS.
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = temp.Path };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "pacer.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
