using System.CommandLine;
using Pacer.Application;
using Pacer.Cli.Input;

namespace Pacer.Cli.Commands;

/// <summary>
/// <c>pacer check PATHS</c>: compile only, print every problem of every file at once, exactly as any
/// command that runs them would find them (<see cref="FlowCompiler"/>). Exit 0 when nothing is wrong
/// (warnings allowed), 2 when any file has an error.
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
        var baseUrl = new Option<string?>("--base-url")
        {
            Description = "The base URL the run will be given (relative step URLs need one, unless the environment or a base_url variable has it)",
        };
        var command = new Command("check", "Check flow files and report every problem without running anything") { paths, vars, baseUrl };
        command.SetAction(parsed => Execute(context, parsed.GetValue(paths) ?? [], (parsed.GetValue(vars) ?? []).Select(v => v.Split('=')[0]), parsed.GetValue(baseUrl)));
        return command;
    }

    private static int Execute(PacerContext context, string[] paths, IEnumerable<string> overrides, string? baseUrl)
    {
        var files = FlowFileFinder.Find(paths, context.CurrentDirectory, out var findError);
        if (findError is not null)
        {
            context.Error.WriteLine($"error: {findError}");
            return ExitCodes.BadInput;
        }

        // Without --env, a variable any environment defines counts as defined.
        var compiled = FlowCompiler.Compile(new FlowSources
        {
            Files = files,
            CurrentDirectory = context.CurrentDirectory,
            SuppliedNames = [.. overrides],
            BaseUrl = baseUrl,
            AnyEnvironment = true,
        });
        foreach (var problem in compiled.Problems)
        {
            context.Error.WriteLine(problem.Render());
        }

        if (compiled.HasErrors)
        {
            context.Error.WriteLine($"{files.Count} file(s) checked: {compiled.ErrorCount} error(s), {compiled.WarningCount} warning(s).");
            return ExitCodes.BadInput;
        }

        var steps = compiled.Flows.Sum(f => f.Steps.Count);
        context.Out.WriteLine($"{files.Count} file(s), {steps} step(s) checked: no errors, {compiled.WarningCount} warning(s).");
        return ExitCodes.Passed;
    }
}
