using System.CommandLine;
using Pacer.Cli.History;
using Pacer.Load.Comparison;
using Pacer.Load.Results;

namespace Pacer.Cli.Commands;

/// <summary>
/// <c>pacer compare BASELINE... CURRENT [--tolerance 10%]</c>: the last argument is the run under
/// judgement, every one before it a baseline. Arguments are result files or history references
/// (<c>last</c>, <c>last~1</c>, a run number). Exit 0 same or better, 1 regressed, 2 bad input.
/// </summary>
public static class CompareCommand
{
    public static Command Create(PacerContext context)
    {
        var results = new Argument<string[]>("results")
        {
            Description = "Baseline result files (or history references: last~1, 12), then the current one last",
            Arity = new ArgumentArity(2, 100),
        };
        var tolerance = new Option<string>("--tolerance", "-t")
        {
            Description = "How much worse than the worst baseline counts as a regression (default 10%)",
            DefaultValueFactory = _ => "10%",
        };
        var command = new Command("compare", "Compare a load result with one or more baselines; exit 1 on a regression");
        command.Arguments.Add(results);
        command.Options.Add(tolerance);
        command.SetAction(parsed => Execute(context, parsed.GetValue(results) ?? [], parsed.GetValue(tolerance)!));
        return command;
    }

    private static int Execute(PacerContext context, string[] arguments, string toleranceText)
    {
        if (!ToleranceSyntax.TryParse(toleranceText, out var tolerance, out var toleranceError))
        {
            context.Error.WriteLine($"error: {toleranceError}");
            return ExitCodes.BadInput;
        }

        var loaded = new List<LoadResult>();
        foreach (var argument in arguments)
        {
            try
            {
                loaded.Add(HistoryResults.ReadLoadResult(context.CurrentDirectory, argument));
            }
            catch (Exception exception) when (exception is InvalidDataException or HistoryException or IOException or UnauthorizedAccessException)
            {
                context.Error.WriteLine($"error: {exception.Message}");
                return ExitCodes.BadInput;
            }
        }

        var result = BaselineComparison.Compare(loaded[..^1], loaded[^1], tolerance);
        ComparisonTextRenderer.Render(result, context.Out);
        return result.Regressed ? ExitCodes.TestFailed : ExitCodes.Passed;
    }
}
