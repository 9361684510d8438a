using System.Text.RegularExpressions;
using Pacer.Cli.Tests.EndToEnd;
using Pacer.TestSupport;
using Xunit;

namespace Pacer.Cli.Tests.Parity;

/// <summary>
/// Malformed directives and durations are bad input for every command alike: <c>pacer check</c>,
/// <c>run</c> and <c>load</c> each exit 2, send nothing, and point at the same file:line:column.
/// </summary>
public sealed partial class MalformedCorpusTests : IDisposable
{
    private const string Get = "```kest\n@name Log in\nGET http://127.0.0.1:9/never\n```\n";

    private readonly TempDirectory temp = new();

    public static TheoryData<string, string, string> Corpus() => new()
    {
        { "think-unit", "```kest\n@think 5 parsecs\nGET http://127.0.0.1:9/\n```\n", ":2:8:" },
        { "think-range", "```kest\n@think 2s..1s\nGET http://127.0.0.1:9/\n```\n", ":2:8:" },
        { "timeout", "```kest\n@timeout soon\nGET http://127.0.0.1:9/\n```\n", ":2:10:" },
        { "retry-wait", "```kest\n@retry-wait 5 parsecs\nGET http://127.0.0.1:9/\n```\n", ":2:13:" },
        { "max-duration", "```kest\n@max-duration -5ms\nGET http://127.0.0.1:9/\n```\n", ":2:15:" },
        { "duration-assertion", "```kest\nGET http://127.0.0.1:9/\n\n[Asserts]\nduration < 5 parsecs\n```\n", ":5:14:" },
        { "threshold-operator", Flow("@threshold p95 lessthan 200"), ":2:16:" },
        { "threshold-negative", Flow("@threshold p95<-1ms"), ":2:16:" },
        { "threshold-percent", Flow("@threshold errors<101%"), ":2:19:" },
        { "threshold-unit", Flow("@threshold p99.9<1 parsec"), ":2:18:" },
        { "threshold-step", Flow("@threshold step[Login].p95<100ms"), ":2:12:" },
        { "load-count", Flow("@load vus=ten duration=1s"), ":2:11:" },
        { "load-huge-count", Flow("@load vus=2147483648 duration=1s"), ":2:11:" },
        { "load-duration", Flow("@load vus=2 duration=fast"), ":2:22:" },
        { "load-stages", Flow("@load stages=\"1s:0->5, x:3\""), ":2:24:" },
        { "load-think", Flow("@load vus=1 duration=1s think=2s..1s"), ":2:31:" },
        { "load-graceful-stop", Flow("@load vus=1 duration=1s graceful-stop=never"), ":2:39:" },
        { "load-unknown", Flow("@load users=50"), ":2:7:" },
        { "load-not-pairs", Flow("@load 50 users"), ":2:7:" },
        { "load-rate-zero", Flow("@load rate=0/s duration=1s"), ":2:12:" },
        { "load-iterations-zero", Flow("@load iterations=0"), ":2:18:" },
        { "load-executor", Flow("@load executor=constant-vu vus=1 duration=1s"), ":2:16:" },
        { "load-two-shapes", Flow("@load rate=5/s stages=\"1s:3\" duration=1s"), ":2:24:" },
        { "load-meaningless", Flow("@load vus=10 rate=5/s duration=1s"), ":2:11:" },
        { "load-missing-duration", Flow("@load vus=10"), ":2:11:" },
    };

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task Check_run_and_load_each_exit_2_at_the_same_line_and_column(string name, string text, string position)
    {
        var file = temp.Write($"{name}.flow.md", text);

        var check = await PacerCli.RunAsync(temp.Path, "check", file);
        var run = await PacerCli.RunAsync(temp.Path, "run", file, "--no-history");
        var load = await PacerCli.RunAsync(temp.Path, "load", file, "--no-history");

        foreach (var (command, outcome) in new[] { ("check", check), ("run", run), ("load", load) })
        {
            Assert.True(outcome.ExitCode == 2, $"{command}: {outcome}");
            Assert.True(FirstError(outcome.Error) == $"{name}.flow.md{position}", $"{command}: expected {name}.flow.md{position}\n{outcome}");
        }
    }

    [Fact]
    public async Task Options_read_durations_by_the_same_grammar_as_flow_text()
    {
        await using var api = await TestApi.TestApiServer.StartAsync();
        var file = temp.Write("ok.flow.md", "```kest\nGET /echo\n\n[Asserts]\nstatus == 200\n```\n");

        var bare = await PacerCli.RunAsync(temp.Path, "load", file, "--base-url", api.BaseUrl, "--vus", "1", "--duration", "500", "--timeout", "1h", "--out", "r.json", "--no-history");
        var spaced = await PacerCli.RunAsync(temp.Path, "run", file, "--base-url", api.BaseUrl, "--timeout", "2 s", "--no-history");
        var soonTimeout = await PacerCli.RunAsync(temp.Path, "run", file, "--timeout", "soon", "--no-history");
        var soonDuration = await PacerCli.RunAsync(temp.Path, "load", file, "--duration", "soon", "--no-history");

        Assert.True(bare.ExitCode == 0, bare.ToString());
        Assert.InRange(Pacer.Load.Results.LoadResultJson.ReadFile(temp.Combine("r.json")).DurationSeconds, 0.4, 5);
        Assert.True(spaced.ExitCode == 0, spaced.ToString());
        Assert.Equal((2, 2), (soonTimeout.ExitCode, soonDuration.ExitCode));
        Assert.Contains("--timeout: expected a duration such as 500ms, 2s, 1m or 1h (a bare number is milliseconds), got 'soon'", soonTimeout.Error, StringComparison.Ordinal);
        Assert.Contains("--duration: expected a duration such as 500ms, 2s, 1m or 1h (a bare number is milliseconds), got 'soon'", soonDuration.Error, StringComparison.Ordinal);
    }

    public void Dispose() => temp.Dispose();

    private static string Flow(string directive) => $"```flow\n{directive}\n```\n\n{Get}";

    private static string? FirstError(string error) => ErrorPosition().Match(error) is { Success: true } match ? match.Groups["at"].Value : null;

    [GeneratedRegex(@"(?<at>[\w.-]+\.flow\.md:\d+:\d+:) error")]
    private static partial Regex ErrorPosition();
}
