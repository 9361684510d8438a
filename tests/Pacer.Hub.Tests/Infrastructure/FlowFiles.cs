using System.Text;
using Pacer.Core.Execution;
using Pacer.Core.Flow;
using Pacer.Core.Templating;

namespace Pacer.Hub.Tests.Infrastructure;

/// <summary>
/// Runs a flow file with Pacer's own parser and runner, as <c>pacer run</c> does, and explains any failure.
/// Duration budgets are soft (<c>--soft-budgets</c>: a miss is a warning, every other assertion still
/// fails the step), as in Storefront's performance-suite test: this shared 2-core machine runs other
/// engineers' builds at load averages of 30-60, where a 100 ms budget says more about the host than
/// about the Hub. The budgets themselves are measured under load in tests/api-performance/hub.
/// </summary>
internal static class FlowFiles
{
    public static string Path(string relative) => System.IO.Path.Combine(AppContext.BaseDirectory, relative);

    public static async Task<FlowRunResult> RunAsync(string file, string baseUrl, IReadOnlyDictionary<string, string>? variables = null, bool softBudgets = true)
    {
        var parsed = FlowParser.Parse(file, await File.ReadAllTextAsync(file));
        Assert.False(parsed.HasErrors, string.Join("\n", parsed.Diagnostics.Select(d => $"{d.Span}: {d.Message}")));
        var options = new FlowRunOptions
        {
            BaseUrl = baseUrl,
            SoftBudgets = softBudgets,
            Overrides = (variables ?? new Dictionary<string, string>()).ToDictionary(v => v.Key, v => (System.Text.Json.Nodes.JsonNode?)v.Value),
        };
        var runner = new FlowRunner(options, BuiltInVariables.CreateDefault());
        return await runner.RunAsync(parsed.Document!, null, TestContext.Current.CancellationToken);
    }

    /// <summary>Each step's duration and its missed budgets (warnings), for the test output.</summary>
    public static string Timings(FlowRunResult result) =>
        string.Join("\n", result.Steps.Select(s => $"{s.Number} {s.Step.Name}: {s.Duration.TotalMilliseconds:0.0} ms{string.Concat(s.Warnings.Select(w => $" (budget missed: {w.Assertion.Text})"))}"));

    public static string Explain(FlowRunResult result)
    {
        var text = new StringBuilder();
        foreach (var step in result.Steps.Where(s => !s.Passed))
        {
            text.Append(step.Number).Append(' ').Append(step.Step.Name).Append(": ").Append(step.Status).Append(' ').AppendLine(step.Reason);
            foreach (var failed in step.FailedAssertions)
            {
                text.Append("  ✗ ").Append(failed.Assertion.Text).Append(" expected ").Append(failed.Expected).Append(" got ").AppendLine(failed.Actual);
            }

            if (step.Response is { } response)
            {
                text.Append("  ").Append(response.Status).Append(' ').AppendLine(response.BodyText);
            }
        }

        return text.ToString();
    }
}
