using Pacer.Core.Execution;
using Pacer.Hub.Client;
using Pacer.Reports;

namespace Pacer.Cli.Commands.Hub;

/// <summary>
/// What <c>pacer run</c>, <c>pacer load</c> and <c>pacer monitor</c> do with a <see cref="HubResultSink"/>:
/// finish it with the result and say where the result went. The upload never changes a command's exit
/// code: a Hub that cannot be reached keeps the result in the outbox and says so.
/// </summary>
internal static class HubUploads
{
    /// <summary>The flow files as the Hub lists them: relative to the working directory.</summary>
    public static IReadOnlyList<string> FlowNames(Application.CompiledFlows flows, PacerContext context) =>
        [.. flows.Flows.Select(f => Path.GetRelativePath(context.CurrentDirectory, f.Path))];

    /// <summary>The JSON report of a functional run, as <c>--report json=PATH</c> writes it: what the Hub stores for a run or a monitor check.</summary>
    public static string RunReportJson(RunResult result) => new JsonReportWriter().ToJson(result);

    public static async Task SayAsync(HubSinkOutcome outcome, PacerContext context)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var writer = outcome.Uploaded ? context.Out : context.Error;
        await writer.WriteLineAsync(outcome.Message).ConfigureAwait(false);
    }
}
