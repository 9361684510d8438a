using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Pacer.Cli.Tests.EndToEnd;
using Pacer.Cli.Tests.Processes;
using Pacer.TestSupport;
using Xunit;

namespace Pacer.Cli.Tests.Readme;

/// <summary>
/// The newcomer's path: <c>pacer demo --serve</c> is the target, and every <c>pacer</c> command the README
/// shows (which between them run every example: quickstart, storefront, broken, the load flows, the probe
/// logins) passes against it as written, twice in a row, from a copy of the clone's examples; the Hub
/// section's commands against a Hub set up as that section says, which then holds both rounds' load runs.
/// Then Ctrl-C stops Storefront with exit 0.
/// </summary>
public sealed partial class ReadmeCommandsTests : IDisposable
{
    private const string ReadmeTarget = "http://127.0.0.1:5080";

    private readonly TempDirectory temp = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void The_readme_shows_commands_for_every_example()
    {
        var commands = ReadmeCommand.Extract(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "README.md")));
        var named = string.Join('\n', commands.Select(c => c.Text));

        foreach (var example in Directory.GetDirectories(Path.Combine(AppContext.BaseDirectory, "examples")))
        {
            Assert.Contains("examples/" + Path.GetFileName(example), named, StringComparison.Ordinal);
        }

        Assert.Contains(commands, c => c.ExpectedExit == 1);
        Assert.True(commands.Count >= 15, named);
    }

    /// <summary>
    /// What the commands are given beyond the README's text, and why: the servers' real addresses (the
    /// test's Storefront and Hub take free ports, not 5080 and 5090), <c>--soft-budgets</c> for run and load (this
    /// shared machine is not the README's, so a missed <c>duration &lt;</c> budget is a warning), and 2 s
    /// instead of 10 s per load (the behaviour is the same; the suite stays lean). A load or merge whose
    /// only failed thresholds are latency ones is accepted for the same reason, never one whose checks
    /// or errors failed.
    /// </summary>
    [Fact]
    public async Task Every_readme_command_passes_twice_against_pacer_demo_serve()
    {
        CopyDirectory(Path.Combine(AppContext.BaseDirectory, "examples"), temp.Combine("examples"));
        var commands = ReadmeCommand.Extract(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "README.md")));
        await using var hub = await ReadmeHub.StartAsync(Ct);
        var environment = new Dictionary<string, string?>
        {
            ["PACER_HUB_PASSWORD"] = ReadmeHub.Password,
            ["XDG_CONFIG_HOME"] = temp.Combine("config"),
        };
        await using var serve = PacerProcess.Start(temp.Path, "demo", "--serve", "--port", "0");
        await serve.WaitForOutputAsync("until Ctrl-C", TimeSpan.FromSeconds(180), Ct);
        var root = ServingAt().Match(serve.Out).Groups["root"].Value;
        Assert.True(File.Exists(temp.Combine("pacer-demo/openapi.json")), serve.ToString());

        var failures = new List<string>();
        for (var round = 1; round <= 2; round++)
        {
            foreach (var command in commands)
            {
                var arguments = Adapt(command.Arguments, root, hub.BaseUrl);
                var outcome = await PacerCli.RunAsync(temp.Path, environment, [.. arguments]);
                if (outcome.ExitCode != command.ExpectedExit && !(command.ExpectedExit == 0 && outcome.ExitCode == 1 && OnlyLatencyMissed(arguments[0], outcome)))
                {
                    failures.Add($"round {round}: exit {outcome.ExitCode}, expected {command.ExpectedExit}: pacer {string.Join(' ', arguments)}\n{outcome}");
                }
            }
        }

        serve.Signal(PosixSignal.SIGINT);
        var exit = await serve.WaitForExitAsync(TimeSpan.FromSeconds(30), Ct);

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
        var hubRuns = commands.Count(c => c.Arguments[0] is "run" or "load" && c.Arguments.Contains("--hub"));
        Assert.True(hubRuns > 0, "the README's Hub section has no pacer command with --hub");
        Assert.Equal(["shop"], await hub.ProjectsAsync(Ct));
        Assert.Equal(Enumerable.Repeat("load completed", 2 * hubRuns), await hub.RunsAsync("shop", Ct));
        Assert.False(Directory.Exists(temp.Combine(".pacer/hub-outbox")) && Directory.EnumerateFileSystemEntries(temp.Combine(".pacer/hub-outbox")).Any(), "a result was left in the outbox");
        Assert.True(exit == ExitCodes.Passed, $"exit {exit}\n{serve}");
        Assert.Contains("Storefront stopped; its database was deleted.", serve.Out, StringComparison.Ordinal);
        using var client = new HttpClient();
        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri(root + "/health"), Ct));
    }

    private static List<string> Adapt(IReadOnlyList<string> readme, string root, string hub)
    {
        var arguments = readme.Select(a => a.Replace(ReadmeTarget, root, StringComparison.Ordinal).Replace(ReadmeHub.ReadmeAddress, hub, StringComparison.Ordinal)).ToList();
        for (var i = 0; i < arguments.Count - 1; i++)
        {
            if (arguments[i] == "--duration")
            {
                arguments[i + 1] = "2s";
            }
            else if (arguments[i] == "--rate-stages")
            {
                arguments[i + 1] = StageLength().Replace(arguments[i + 1], "1s:");
            }
        }

        if (arguments[0] is "run" or "load" or "check" && !arguments.Contains("--base-url"))
        {
            arguments.AddRange(["--base-url", root + "/api/v1"]);
        }

        if (arguments[0] is "run" or "load")
        {
            arguments.Add("--soft-budgets");
        }

        return arguments;
    }

    /// <summary>Exit 1 from a load or a merge whose failed thresholds all judge latency, on this noisy machine.</summary>
    private static bool OnlyLatencyMissed(string command, CliOutcome outcome)
    {
        if (command is not ("load" or "merge"))
        {
            return false;
        }

        var failed = outcome.Out.Split('\n').Select(l => FailedThreshold().Match(l)).Where(m => m.Success).Select(m => m.Groups["metric"].Value).ToList();
        return failed.Count > 0 && failed.All(m => LatencyMetric().IsMatch(m));
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose() => temp.Dispose();

    [GeneratedRegex(@"Storefront is serving at (?<root>http://127\.0\.0\.1:\d+)")]
    private static partial Regex ServingAt();

    [GeneratedRegex(@"\d+s:")]
    private static partial Regex StageLength();

    [GeneratedRegex(@"^\s*FAIL\s+(?<metric>(step\[[^\]]*\]\.)?[A-Za-z0-9.]+)")]
    private static partial Regex FailedThreshold();

    [GeneratedRegex(@"^(step\[[^\]]*\]\.)?(p\d+(\.\d+)?|min|max|avg|med)$")]
    private static partial Regex LatencyMetric();
}
