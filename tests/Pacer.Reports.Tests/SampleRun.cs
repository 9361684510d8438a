using System.Text.Json.Nodes;
using Pacer.Core.Assertions;
using Pacer.Core.Execution;
using Pacer.Core.Flow.Syntax;
using Pacer.Core.Http;

namespace Pacer.Reports.Tests;

/// <summary>Hand-built results: reports only read results, so no server or parser is needed.</summary>
internal static class SampleRun
{
    public static RunResult Create(string failedBody = """{"code": 1, "message": "nope"}""")
    {
        var passed = Result(1, "Login | admin", StepStatus.Passed, null, 200, """{"code":0,"data":{"id":7}}""", Outcome("status == 200", true, soft: false), Outcome("body.fast < 10", false, soft: true));
        passed = passed with { Captures = [new CaptureOutcome(new CaptureNode("id", new ValuePath(PathRoot.Body, null, [], "data.id"), Span(9)), true, JsonValue.Create(7))] };
        var failed = Result(2, "Profile", StepStatus.Failed, "1 assertion failed", 500, failedBody, Outcome("body.code == 0", false, soft: false));
        var skipped = StepResult.Skipped(Step(3, "Projects"), 3, "needs token from step 1");
        var flow = new FlowRunResult("flows/auth.flow.md", "Auth <&> flow", FlowMetadata.Empty, [passed, failed, skipped], DateTimeOffset.Parse("2026-11-22T01:00:00Z", System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromMilliseconds(42));
        var green = new FlowRunResult("flows/ok.flow.md", "ok.flow.md", FlowMetadata.Empty, [Result(1, "Echo", StepStatus.Passed, null, 200, "{}")], flow.StartedAt, TimeSpan.FromMilliseconds(5));
        return new RunResult([flow, green], flow.StartedAt, TimeSpan.FromMilliseconds(50));
    }

    public static RunResult AllPassed()
    {
        var run = Create();
        return run with { Flows = [run.Flows[1]] };
    }

    public static SourceSpan Span(int line) => new("flows/auth.flow.md", line, 1, 10);

    private static StepNode Step(int line, string name) =>
        new(name, null, Span(line), "GET", new Template("/api/x", [new LiteralPart("/api/x", 0, 6)], Span(line)), [], [], null, [], [], StepOptions.Default);

    private static AssertionOutcome Outcome(string text, bool passed, bool soft) =>
        new(new AssertionNode(new ValuePath(PathRoot.Status, null, [], "status"), AssertOperator.Equal, null, soft, text, Span(20)), passed, "0 (number)", "1 (number)");

    private static StepResult Result(int number, string name, StepStatus status, string? reason, int code, string body, params AssertionOutcome[] assertions)
    {
        var request = new RequestSummary("GET", "http://127.0.0.1:1/api/x", [new("Accept", "*/*")], null);
        var response = new ResponseSnapshot(code, [new("Content-Type", "application/json")], body, TimeSpan.FromMilliseconds(12.5));
        return new StepResult(Step(number * 10, name), number, status, reason, request, response, assertions, [], response.Duration, 1);
    }
}
