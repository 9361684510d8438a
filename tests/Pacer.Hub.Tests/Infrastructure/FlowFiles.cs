using System.Text;
using Pacer.Core.Execution;
using Pacer.Core.Flow;
using Pacer.Core.Templating;

namespace Pacer.Hub.Tests.Infrastructure;

/// <summary>Runs a flow file with Pacer's own parser and runner, as <c>pacer run</c> does, and explains any failure.</summary>
internal static class FlowFiles
{
    public static string Path(string relative) => System.IO.Path.Combine(AppContext.BaseDirectory, relative);

    public static async Task<FlowRunResult> RunAsync(string file, string baseUrl, IReadOnlyDictionary<string, string>? variables = null)
    {
        var parsed = FlowParser.Parse(file, await File.ReadAllTextAsync(file));
        Assert.False(parsed.HasErrors, string.Join("\n", parsed.Diagnostics.Select(d => $"{d.Span}: {d.Message}")));
        var options = new FlowRunOptions
        {
            BaseUrl = baseUrl,
            Overrides = (variables ?? new Dictionary<string, string>()).ToDictionary(v => v.Key, v => (System.Text.Json.Nodes.JsonNode?)v.Value),
        };
        var runner = new FlowRunner(options, BuiltInVariables.CreateDefault());
        return await runner.RunAsync(parsed.Document!, null, TestContext.Current.CancellationToken);
    }

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
