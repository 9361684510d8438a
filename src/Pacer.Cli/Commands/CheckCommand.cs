using System.CommandLine;
using Pacer.Cli.Input;

namespace Pacer.Cli.Commands;

/// <summary>
/// <c>pacer check PATHS</c>: parse only, print every diagnostic of every file at once.
/// Exit 0 when nothing is wrong (warnings allowed), 2 when any file has an error.
/// </summary>
public static class CheckCommand
{
    public static Command Create(PacerContext context)
    {
        var paths = PathArgument.Create();
        var command = new Command("check", "Parse flow files and report every problem without running anything") { paths };
        command.SetAction(parsed => Execute(context, parsed.GetValue(paths) ?? []));
        return command;
    }

    private static int Execute(PacerContext context, string[] paths)
    {
        var files = FlowFileFinder.Find(paths, context.CurrentDirectory, out var findError);
        if (findError is not null)
        {
            context.Error.WriteLine($"error: {findError}");
            return ExitCodes.BadInput;
        }

        if (ConfigFile.Load(files, context, context.Error) is null)
        {
            return ExitCodes.BadInput;
        }

        var loaded = FlowLoader.Load(files, context.CurrentDirectory, context.Error);
        var steps = loaded.Documents.Sum(d => d.Steps.Count);
        if (loaded.HasErrors)
        {
            context.Error.WriteLine($"{files.Count} file(s) checked: {loaded.ErrorCount} error(s), {loaded.WarningCount} warning(s).");
            return ExitCodes.BadInput;
        }

        context.Out.WriteLine($"{files.Count} file(s), {steps} step(s) checked: no errors, {loaded.WarningCount} warning(s).");
        return ExitCodes.Passed;
    }
}
