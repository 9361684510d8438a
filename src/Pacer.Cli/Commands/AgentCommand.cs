using System.CommandLine;
using System.Globalization;
using Pacer.Distributed.Agent;
using Pacer.Load.Results;

namespace Pacer.Cli.Commands;

/// <summary>
/// <c>pacer agent --coordinator URL</c>: one load generator of a distributed run. It takes its flows,
/// data, settings and segment from the coordinator (<c>pacer load --agents N</c>), so it needs no flow
/// files of its own. On Kubernetes the coordinator's URL and the segment come from the environment
/// (<c>PACER_COORDINATOR</c>, <c>JOB_COMPLETION_INDEX</c>, <c>POD_NAME</c>). Exit 0: its segment ran
/// and its result reached the coordinator (the test's verdict is the coordinator's); 2 bad input;
/// 3 no coordinator, or the run was cancelled.
/// </summary>
public static class AgentCommand
{
    public static Command Create(PacerContext context)
    {
        var coordinator = new Option<string?>("--coordinator") { Description = "The coordinator's URL, e.g. http://pacer-coordinator:6565 (default: $PACER_COORDINATOR)" };
        var index = new Option<int?>("--segment-index") { Description = "The segment to ask for, from 0 (default: $JOB_COMPLETION_INDEX, else the next free one)" };
        var name = new Option<string?>("--name") { Description = "How the coordinator names this agent (default: $POD_NAME, else host:pid)" };
        var connect = new Option<string?>("--connect-timeout") { Description = "How long to keep trying to reach the coordinator (default 2m)" };
        var output = new Option<string?>("--out", "-o") { Description = "Also write this agent's own result file (its segment only; pacer merge of every agent's equals the coordinator's)" };
        var command = new Command("agent", "Run one segment of a distributed load test for a coordinator (pacer load --agents N)");
        foreach (Option option in new Option[] { coordinator, index, name, connect, output })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parsed, _) =>
        {
            var error = context.Error;
            var url = parsed.GetValue(coordinator) ?? context.Environment("PACER_COORDINATOR");
            if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                await error.WriteLineAsync($"error: --coordinator: {(string.IsNullOrWhiteSpace(url) ? "required (or set PACER_COORDINATOR)" : $"'{url}' is not an http:// URL")}").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }

            var segmentIndex = parsed.GetValue(index);
            if (segmentIndex is null && context.Environment("JOB_COMPLETION_INDEX") is { Length: > 0 } fromJob)
            {
                if (!int.TryParse(fromJob, NumberStyles.None, CultureInfo.InvariantCulture, out var parsedIndex))
                {
                    await error.WriteLineAsync($"error: JOB_COMPLETION_INDEX '{fromJob}' is not a segment index").ConfigureAwait(false);
                    return ExitCodes.BadInput;
                }

                segmentIndex = parsedIndex;
            }

            if (!Input.SharedOptions.TryRead(parsed, connect, TimeSpan.FromMinutes(2), allowZero: true, error, out var connectTimeout))
            {
                return ExitCodes.BadInput;
            }

            var settings = new AgentSettings
            {
                Coordinator = uri,
                SegmentIndex = segmentIndex,
                ConnectTimeout = connectTimeout,
                Name = parsed.GetValue(name) ?? context.Environment("POD_NAME") ?? $"{Environment.MachineName}:{Environment.ProcessId}",
            };
            var outcome = await new AgentRunner(settings, line => context.Out.WriteLine(line)).RunAsync(context.Control.Stop).ConfigureAwait(false);
            if (outcome.Problem is { } problem)
            {
                await error.WriteLineAsync($"error: {problem}").ConfigureAwait(false);
            }

            if (outcome.Result is { } result && parsed.GetValue(output) is { } path)
            {
                LoadResultJson.WriteFile(result, Path.GetFullPath(path, context.CurrentDirectory));
                await context.Out.WriteLineAsync($"results: {path}").ConfigureAwait(false);
            }

            return outcome.ExitCode;
        });
        return command;
    }
}
