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
        var vars = new Option<string[]>("--var")
        {
            Description = "A variable name that will be given at run time: name or name=value (repeatable)",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("check", "Parse flow files and report every problem without running anything") { paths, vars };
        command.SetAction(parsed => Execute(context, parsed.GetValue(paths) ?? [], (parsed.GetValue(vars) ?? []).Select(v => v.Split('=')[0])));
        return command;
    }

    private static int Execute(PacerContext context, string[] paths, IEnumerable<string> overrides)
    {
        var files = FlowFileFinder.Find(paths, context.CurrentDirectory, out var findError);
        if (findError is not null)
        {
            context.Error.WriteLine($"error: {findError}");
            return ExitCodes.BadInput;
        }

        var config = ConfigFile.Load(files, context, context.Error);
        if (config is null)
        {
            return ExitCodes.BadInput;
        }

        // Without --env, a variable any environment defines counts as defined.
        var environmentNames = config.Environments.SelectMany(e => e.Variables.Keys).Concat(overrides).ToList();
        var loaded = FlowLoader.Load(files, context.CurrentDirectory, context.Error, _ => environmentNames);
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
