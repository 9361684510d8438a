using Pacer.TestSupport;
using System.Text.Json;
using System.Xml.Linq;
using Pacer.Cli.Tests.TestApi;
using Xunit;

namespace Pacer.Cli.Tests.EndToEnd;

/// <summary><c>--report</c> files written by a real run: parsed back and checked field by field.</summary>
public sealed class ReportFilesTests : IDisposable
{
    private const string MixedFlow = """
        ```flow
        @name Mixed results
        ```

        ```kest
        @name Passes with a warning
        POST /api/login
        Content-Type: application/json

        {"username": "admin", "password": "secret"}

        [Captures]
        token: data.token

        [Asserts]
        status == 200

        [Soft Asserts]
        body.data.expiresIn < 10
        ```

        ```kest
        @name Fails
        GET /echo

        [Captures]
        missing_value: data.nothing

        [Asserts]
        status == 201
        ```

        ```kest
        @name Skipped
        GET /echo?v={{missing_value}}
        ```
        """;

    private readonly TempDirectory temp = new();

    [Fact]
    public async Task Json_junit_and_markdown_reports_describe_the_run()
    {
        await using var server = await TestApiServer.StartAsync();
        var flow = temp.Write("mixed.flow.md", MixedFlow);
        var json = temp.Combine("out/deep/run.json");
        var junit = temp.Combine("out/junit.xml");
        var markdown = temp.Combine("out/summary.md");

        var outcome = await PacerCli.RunAsync(temp.Path, "run", flow, "--base-url", server.BaseUrl, "--report", "json=" + json, "--report", "junit=" + junit, "--report", "markdown=" + markdown);

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        AssertJson(json);
        AssertJUnit(junit);
        AssertMarkdown(markdown);
    }

    public void Dispose() => temp.Dispose();

    private static void AssertJson(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        Assert.False(root.GetProperty("passed").GetBoolean());
        var summary = root.GetProperty("summary");
        Assert.Equal((1, 1, 1, 1, 1), (summary.GetProperty("steps").GetInt32() - 2, summary.GetProperty("passed").GetInt32(), summary.GetProperty("failed").GetInt32(), summary.GetProperty("skipped").GetInt32(), summary.GetProperty("warnings").GetInt32()));
        var file = root.GetProperty("files")[0];
        Assert.Equal("Mixed results", file.GetProperty("name").GetString());
        var steps = file.GetProperty("steps");
        Assert.Equal(["passed", "failed", "skipped"], steps.EnumerateArray().Select(s => s.GetProperty("status").GetString()));
        var first = steps[0];
        Assert.Equal(200, first.GetProperty("statusCode").GetInt32());
        Assert.True(first.GetProperty("durationMs").GetDouble() > 0);
        Assert.Equal(1, first.GetProperty("attempts").GetInt32());
        Assert.Equal("token", first.GetProperty("captures")[0].GetProperty("name").GetString());
        Assert.StartsWith("tok-", first.GetProperty("captures")[0].GetProperty("value").GetString(), StringComparison.Ordinal);
        var soft = first.GetProperty("assertions")[1];
        Assert.True(soft.GetProperty("soft").GetBoolean());
        Assert.False(soft.GetProperty("passed").GetBoolean());
        Assert.Equal("POST", first.GetProperty("request").GetProperty("method").GetString());
        Assert.Contains("\"code\":0", first.GetProperty("response").GetProperty("body").GetString(), StringComparison.Ordinal);
        var failed = steps[1];
        Assert.Equal("status == 201", failed.GetProperty("assertions")[0].GetProperty("text").GetString());
        Assert.Contains("201", failed.GetProperty("assertions")[0].GetProperty("expected").GetString(), StringComparison.Ordinal);
        Assert.Contains("200", failed.GetProperty("assertions")[0].GetProperty("actual").GetString(), StringComparison.Ordinal);
        Assert.Equal("needs missing_value from step 2", steps[2].GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, steps[2].GetProperty("response").ValueKind);
    }

    private static void AssertJUnit(string path)
    {
        var root = XDocument.Load(path).Root!;
        Assert.Equal("testsuites", root.Name.LocalName);
        Assert.Equal("3", root.Attribute("tests")!.Value);
        var suite = Assert.Single(root.Elements("testsuite"));
        Assert.Equal("Mixed results", suite.Attribute("name")!.Value);
        Assert.Equal(("1", "1"), (suite.Attribute("failures")!.Value, suite.Attribute("skipped")!.Value));
        var cases = suite.Elements("testcase").ToList();
        Assert.Equal(3, cases.Count);
        Assert.Null(cases[0].Element("failure"));
        Assert.Contains("expiresIn", cases[0].Element("system-out")!.Value, StringComparison.Ordinal);
        var failure = cases[1].Element("failure")!;
        Assert.StartsWith("status == 201: got 200", failure.Attribute("message")!.Value, StringComparison.Ordinal);
        Assert.Contains("status == 201", failure.Value, StringComparison.Ordinal);
        Assert.Equal("needs missing_value from step 2", cases[2].Element("skipped")!.Attribute("message")!.Value);
        Assert.All(cases, c => Assert.Matches(@"^\d+\.\d{3}$", c.Attribute("time")!.Value));
    }

    private static void AssertMarkdown(string path)
    {
        var lines = File.ReadAllLines(path);
        Assert.StartsWith("## Pacer run: ❌ failed", lines[0], StringComparison.Ordinal);
        var header = Array.IndexOf(lines, "| Flow | Result | Steps | Passed | Failed | Skipped | Duration |");
        Assert.True(header > 0);
        Assert.StartsWith("| --- |", lines[header + 1], StringComparison.Ordinal);
        Assert.Matches(@"^\| .*mixed\.flow\.md \| ❌ fail \| 3 \| 1 \| 1 \| 1 \| \d+ ms \|$", lines[header + 2]);
        Assert.Contains(lines, l => l.Contains("`status == 201`", StringComparison.Ordinal));
    }
}
