using System.CommandLine;

namespace Pacer.Cli.Input;

/// <summary>
/// The <c>paths</c> argument of commands that take flow files. A token that looks like an option
/// (<c>--bogus</c>) would otherwise be taken as a path; it is rejected as an unknown option instead.
/// </summary>
public static class PathArgument
{
    public static Argument<string[]> Create()
    {
        var argument = new Argument<string[]>("paths")
        {
            Description = "Flow files (*.flow.md) or directories to search for them",
            Arity = ArgumentArity.OneOrMore,
        };
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => t.Value.StartsWith('-') && t.Value.Length > 1))
            {
                result.AddError($"Unrecognized option '{token.Value}'.");
            }
        });
        return argument;
    }
}
