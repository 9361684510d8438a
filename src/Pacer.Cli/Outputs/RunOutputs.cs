using Pacer.Cli.History;
using Pacer.Core.Execution;
using Pacer.Reports;

namespace Pacer.Cli.Outputs;

/// <summary>
/// What a functional run leaves behind, the same for <c>pacer run</c> and <c>pacer demo</c>: its
/// reports and its history entry, all read from the one result, and the exit code from its one verdict.
/// </summary>
internal static class RunOutputs
{
    public static bool TryParseReports(IEnumerable<string> texts, PacerContext context, out List<ReportTarget> reports)
    {
        reports = [];
        foreach (var text in texts)
        {
            if (ReportTarget.TryParse(text, out var reportError) is not { } target)
            {
                context.Error.WriteLine($"error: {reportError}");
                return false;
            }

            reports.Add(target with { Path = Path.GetFullPath(target.Path, context.CurrentDirectory) });
        }

        return true;
    }

    public static void Write(RunResult result, IReadOnlyList<ReportTarget> reports, PacerContext context, string? environment, bool history)
    {
        foreach (var report in reports)
        {
            report.Write(result);
            context.Out.WriteLine($"{report.Writer.Format} report: {report.Path}");
        }

        if (history)
        {
            var jsonReport = reports.FirstOrDefault(r => r.Writer.Format == "json")?.Path;
            RunHistory.RecordRun(context.CurrentDirectory, result, environment, jsonReport, context.Error);
        }
    }

    /// <summary>3 when the operator interrupted the run (what ran was still reported), else 0 or 1 by the one verdict.</summary>
    public static int ExitCode(RunResult result) =>
        result.Interrupted ? ExitCodes.InternalError : result.Passed ? ExitCodes.Passed : ExitCodes.TestFailed;
}
