using Pacer.Cli.History;
using Pacer.Cli.Input;
using Pacer.Load.Comparison;
using Pacer.Load.Results;
using Pacer.Reports.Load;

namespace Pacer.Cli.Outputs;

/// <summary>
/// What a load run leaves behind, the same for <c>pacer load</c> and <c>pacer demo</c>: the result
/// file, every report, the baseline comparison and the history entry, all read from the one result
/// (also when the run was interrupted), and the exit code from its one verdict.
/// </summary>
internal sealed class LoadOutputs
{
    public string? ResultPath { get; init; }

    public IReadOnlyList<LoadReportTarget> Reports { get; init; } = [];

    public IReadOnlyList<LoadResult> Baselines { get; init; } = [];

    public double Tolerance { get; init; } = BaselineComparison.DefaultTolerance;

    public bool History { get; init; } = true;

    /// <summary>Reads the output options; baselines are read before the load, so a wrong path fails in a second, not after the run.</summary>
    public static LoadOutputs? TryCreate(
        PacerContext context, string? outPath, IEnumerable<string> reportTexts, IEnumerable<string> baselineTexts, string? toleranceText, bool history)
    {
        var error = context.Error;
        var reports = new List<LoadReportTarget>();
        foreach (var text in reportTexts)
        {
            if (LoadReportTarget.TryParse(text, out var reportError) is not { } target)
            {
                error.WriteLine($"error: {reportError}");
                return null;
            }

            reports.Add(target);
        }

        var tolerance = BaselineComparison.DefaultTolerance;
        if (toleranceText is not null && !ToleranceSyntax.TryParse(toleranceText, out tolerance, out var toleranceError))
        {
            error.WriteLine($"error: {toleranceError}");
            return null;
        }

        var baselines = new List<LoadResult>();
        try
        {
            baselines.AddRange(baselineTexts.Select(b => HistoryResults.ReadLoadResult(context.CurrentDirectory, b)));
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or ArgumentException)
        {
            error.WriteLine($"error: {exception.Message}");
            return null;
        }

        return new LoadOutputs
        {
            ResultPath = outPath is null ? null : Path.GetFullPath(outPath, context.CurrentDirectory),
            Reports = reports,
            Baselines = baselines,
            Tolerance = tolerance,
            History = history,
        };
    }

    /// <summary>Writes everything asked for; returns true when a baseline comparison found a regression.</summary>
    public bool Write(LoadResult result, PacerContext context)
    {
        ArgumentNullException.ThrowIfNull(result);

        // Compared first, so the result file and every report carry the comparison.
        var comparison = Baselines.Count > 0 ? BaselineComparison.Compare(Baselines, result, Tolerance) : null;
        if (comparison is not null)
        {
            result = result with { Comparison = ComparisonRecord.Of(comparison, Baselines) };
        }

        if (ResultPath is { } path)
        {
            LoadResultJson.WriteFile(result, path);
            context.Out.WriteLine($"results: {FlowFileFinder.DisplayPath(path, context.CurrentDirectory)}");
        }

        foreach (var target in Reports)
        {
            target.Write(result, context.CurrentDirectory);
            context.Out.WriteLine($"{target.Writer.Format} report: {target.Path}");
        }

        var regressed = false;
        if (comparison is not null)
        {
            context.Out.WriteLine();
            ComparisonTextRenderer.Render(comparison, context.Out);
            regressed = comparison.Regressed;
        }

        if (History)
        {
            RunHistory.RecordLoad(context.CurrentDirectory, result, ResultPath, context.Error);
        }

        return regressed;
    }

    /// <summary>3 when the operator interrupted the run (what it measured is written), else 0 or 1 by the one verdict.</summary>
    public static int ExitCode(LoadResult result, bool interrupted, bool regressed) =>
        interrupted ? ExitCodes.InternalError : result.Passed && !regressed ? ExitCodes.Passed : ExitCodes.TestFailed;
}
