using System.CommandLine;
using Suggestions = Pacer.Core.Flow.Suggestions;

namespace Pacer.Cli.Input;

/// <summary>
/// Usage errors a person can act on. System.CommandLine reports a mistyped command as one
/// "Unrecognized command or argument" per token that follows it (five lines for
/// <c>pacer lod flows --vus 20</c>); this says once what was not recognised and what was probably meant.
/// </summary>
internal static class UsageErrors
{
    /// <summary>The lines to print (without <c>error: </c>) for a parse that failed.</summary>
    public static IReadOnlyList<string> Describe(ParseResult parsed)
    {
        var command = parsed.CommandResult.Command;
        if (command is RootCommand root)
        {
            return [DescribeAtRoot(root, parsed)];
        }

        var lines = new List<string>();
        foreach (var error in parsed.Errors)
        {
            var line = error.Message;
            if (UnknownToken(error.Message) is { } token)
            {
                line = token.StartsWith('-') ? UnknownOption(token, command) : $"unexpected argument '{token}' for '{CommandPath(command)}'";
            }

            if (!lines.Contains(line, StringComparer.Ordinal))
            {
                lines.Add(line);
            }
        }

        return lines;
    }

    /// <summary>
    /// <c>unknown option '--vu' for 'pacer load'; did you mean '--vus'?</c>, or where it belongs when
    /// another command has it.
    /// </summary>
    public static string UnknownOption(string token, Command command)
    {
        var name = token.Split('=', 2)[0];
        var message = $"unknown option '{name}' for '{CommandPath(command)}'";
        var owners = RootOf(command).Subcommands
            .Where(c => c != command && OptionNames(c).Contains(name, StringComparer.Ordinal))
            .Select(c => $"'pacer {c.Name}'")
            .ToList();
        if (owners.Count > 0)
        {
            return $"{message}: it is an option of {string.Join(", ", owners)}";
        }

        return Suggestions.Closest(name, OptionNames(command)) is { } suggestion
            ? $"{message}; did you mean '{suggestion}'?"
            : message;
    }

    private static string DescribeAtRoot(RootCommand root, ParseResult parsed)
    {
        var first = parsed.UnmatchedTokens.Count > 0 ? parsed.UnmatchedTokens[0] : null;
        if (first is null)
        {
            return $"name a command: {string.Join(", ", root.Subcommands.Select(c => c.Name))}";
        }

        if (first.StartsWith('-'))
        {
            return UnknownOption(first, root);
        }

        var message = $"unknown command '{first}'";
        return Suggestions.Closest(first, root.Subcommands.Select(c => c.Name)) is { } suggestion
            ? $"{message}; did you mean '{suggestion}'?"
            : $"{message}; the commands are {string.Join(", ", root.Subcommands.Select(c => c.Name))}";
    }

    /// <summary>The token System.CommandLine (or <see cref="PathArgument"/>) could not place, from its message.</summary>
    private static string? UnknownToken(string message)
    {
        foreach (var prefix in new[] { "Unrecognized command or argument '", "Unrecognized option '" })
        {
            if (message.StartsWith(prefix, StringComparison.Ordinal) && message.LastIndexOf('\'') is var end && end > prefix.Length)
            {
                return message[prefix.Length..end];
            }
        }

        return null;
    }

    private static IEnumerable<string> OptionNames(Command command)
    {
        for (Command? current = command; current is not null; current = current.Parents.OfType<Command>().FirstOrDefault())
        {
            foreach (var option in current.Options.Where(o => current == command || o.Recursive))
            {
                yield return option.Name;
                foreach (var alias in option.Aliases)
                {
                    yield return alias;
                }
            }
        }
    }

    private static Command RootOf(Command command)
    {
        var current = command;
        while (current.Parents.OfType<Command>().FirstOrDefault() is { } parent)
        {
            current = parent;
        }

        return current;
    }

    public static string CommandPath(Command command)
    {
        var names = new List<string>();
        for (Command? current = command; current is not null; current = current.Parents.OfType<Command>().FirstOrDefault())
        {
            names.Insert(0, current is RootCommand ? "pacer" : current.Name);
        }

        return string.Join(' ', names);
    }
}
