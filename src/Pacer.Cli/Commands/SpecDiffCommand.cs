using System.CommandLine;
using Pacer.Contracts.OpenApi;
using Pacer.Contracts.SpecDiff;

namespace Pacer.Cli.Commands;

/// <summary>
/// <c>pacer spec-diff OLD NEW</c>: the changes between two versions of an OpenAPI document, breaking
/// ones first. Exit 1 when any change breaks existing clients, 0 otherwise, 2 when a document does not load.
/// </summary>
public static class SpecDiffCommand
{
    public static Command Create(PacerContext context)
    {
        var before = new Argument<string>("old") { Description = "The published (old) OpenAPI document" };
        var after = new Argument<string>("new") { Description = "The proposed (new) OpenAPI document" };
        var command = new Command("spec-diff", "List breaking and non-breaking changes between two OpenAPI documents") { before, after };
        command.SetAction((parsed, cancellationToken) => ExecuteAsync(context, parsed.GetValue(before)!, parsed.GetValue(after)!, cancellationToken));
        return command;
    }

    private static async Task<int> ExecuteAsync(PacerContext context, string beforePath, string afterPath, CancellationToken cancellationToken)
    {
        OpenApiSpec before;
        OpenApiSpec after;
        try
        {
            before = await OpenApiSpec.LoadFileAsync(Path.GetFullPath(beforePath, context.CurrentDirectory), cancellationToken).ConfigureAwait(false);
            after = await OpenApiSpec.LoadFileAsync(Path.GetFullPath(afterPath, context.CurrentDirectory), cancellationToken).ConfigureAwait(false);
        }
        catch (OpenApiLoadException exception)
        {
            await context.Error.WriteLineAsync($"error: {exception.Message}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        var changes = SpecDiffer.Compare(before, after);
        var breaking = changes.Where(c => c.Breaking).ToList();
        var compatible = changes.Where(c => !c.Breaking).ToList();
        Print(context.Out, $"Breaking changes ({breaking.Count}):", breaking);
        Print(context.Out, $"Non-breaking changes ({compatible.Count}):", compatible);
        context.Out.WriteLine(breaking.Count > 0
            ? $"{breaking.Count} breaking change(s): clients written against {beforePath} may fail."
            : changes.Count == 0 ? "No changes." : "No breaking changes.");
        return breaking.Count > 0 ? ExitCodes.TestFailed : ExitCodes.Passed;
    }

    private static void Print(TextWriter output, string heading, List<SpecChange> changes)
    {
        if (changes.Count == 0)
        {
            return;
        }

        output.WriteLine(heading);
        foreach (var change in changes)
        {
            output.WriteLine($"  - {change}");
        }

        output.WriteLine();
    }
}
