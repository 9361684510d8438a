using System.CommandLine;
using Pacer.Application;

namespace Pacer.Cli.Input;

/// <summary>
/// The options every command that runs flows shares (<c>run</c>, <c>load</c>, <c>monitor</c>): the
/// paths, <c>--base-url</c>, <c>--env</c> and <c>--var</c>, defined once with one wording, and read
/// into compiled flows the one way (<see cref="FlowCompiler"/>), every problem printed.
/// </summary>
internal sealed class FlowOptions
{
    public Argument<string[]> Paths { get; } = PathArgument.Create();

    public Option<string?> BaseUrl { get; } = new("--base-url") { Description = "Base URL for relative step URLs (overrides the environment's base_url)" };

    public Option<string?> Env { get; } = new("--env", "-e") { Description = "Environment from .pacer/config.yaml to use (overrides active_env)" };

    public Option<string[]> Vars { get; } = new("--var")
    {
        Description = "Set a variable: name=value (repeatable; wins over captures, data rows, environment and flow defaults)",
        AllowMultipleArgumentsPerToken = false,
    };

    public void AddTo(Command command)
    {
        command.Arguments.Add(Paths);
        command.Options.Add(BaseUrl);
        command.Options.Add(Env);
        command.Options.Add(Vars);
    }

    /// <summary>
    /// Finds, parses and compiles the flows named on the command line. Problems are printed; null
    /// means bad input (exit 2, nothing runs).
    /// </summary>
    public CompiledFlows? Compile(ParseResult parsed, PacerContext context, IEnumerable<string>? suppliedNames = null)
    {
        var files = FlowFileFinder.Find(parsed.GetValue(Paths) ?? [], context.CurrentDirectory, out var findError);
        if (findError is not null)
        {
            context.Error.WriteLine($"error: {findError}");
            return null;
        }

        var variables = VariableArguments.Parse(parsed.GetValue(Vars) ?? [], out var varError);
        if (variables is null)
        {
            context.Error.WriteLine($"error: {varError}");
            return null;
        }

        var compiled = FlowCompiler.Compile(new FlowSources
        {
            Files = files,
            CurrentDirectory = context.CurrentDirectory,
            Environment = parsed.GetValue(Env),
            BaseUrl = parsed.GetValue(BaseUrl),
            Variables = variables,
            SuppliedNames = [.. suppliedNames ?? []],
        });
        return Problems.Print(compiled, context.Error) ? compiled : null;
    }
}

/// <summary>Prints input problems the one way every command does, with a closing count.</summary>
internal static class Problems
{
    /// <summary>Prints every problem; true when none is an error (warnings alone let the run go on).</summary>
    public static bool Print(CompiledFlows compiled, TextWriter error)
    {
        foreach (var problem in compiled.Problems)
        {
            error.WriteLine(problem.Render());
        }

        if (compiled.HasErrors)
        {
            error.WriteLine($"{compiled.ErrorCount} error(s): nothing was run.");
            return false;
        }

        return true;
    }

    /// <summary>Prints problems found after compiling (load settings, thresholds); true when there were none.</summary>
    public static bool Print(IReadOnlyList<InputProblem> problems, TextWriter error)
    {
        foreach (var problem in problems)
        {
            error.WriteLine(problem.Render());
        }

        if (problems.Count > 0)
        {
            error.WriteLine($"{problems.Count} error(s): nothing was run.");
        }

        return problems.Count == 0;
    }
}
