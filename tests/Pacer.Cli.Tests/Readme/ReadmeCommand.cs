using System.Text;
using System.Text.RegularExpressions;

namespace Pacer.Cli.Tests.Readme;

/// <summary>
/// One <c>pacer</c> command of the README as a user would paste it: its arguments and the exit code it
/// promises (0, or what a trailing <c># exit N</c> comment says).
/// </summary>
internal sealed partial record ReadmeCommand(string Text, IReadOnlyList<string> Arguments, int ExpectedExit)
{
    /// <summary>
    /// Every <c>pacer …</c> line of the README's <c>```sh</c> blocks (backslash continuations joined,
    /// <c>a &amp;&amp; b</c> as two commands), except <c>pacer demo</c>, which starts the target itself.
    /// </summary>
    public static IReadOnlyList<ReadmeCommand> Extract(string readme)
    {
        var commands = new List<ReadmeCommand>();
        foreach (Match block in ShellBlock().Matches(readme))
        {
            var joined = block.Groups["body"].Value.Replace("\\\n", " ", StringComparison.Ordinal);
            foreach (var rawLine in joined.Split('\n'))
            {
                var (line, comment) = SplitComment(rawLine.Trim());
                if (!line.StartsWith("pacer ", StringComparison.Ordinal))
                {
                    continue;
                }

                var expected = ExitComment().Match(comment) is { Success: true } exit ? int.Parse(exit.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
                foreach (var part in line.Split(" && "))
                {
                    var words = Words(part.Trim());
                    if (words.Count > 1 && words[1] != "demo")
                    {
                        commands.Add(new ReadmeCommand(part.Trim(), [.. words.Skip(1)], expected));
                    }
                }
            }
        }

        return commands;
    }

    /// <summary>A command line and its comment: a <c>#</c> after a space, outside quotes.</summary>
    private static (string Line, string Comment) SplitComment(string line)
    {
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && line[i] == '#' && (i == 0 || line[i - 1] == ' '))
            {
                return (line[..i].TrimEnd(), line[(i + 1)..]);
            }
        }

        return (line, "");
    }

    /// <summary>Words as a POSIX shell splits them for these commands: spaces, and double quotes that group.</summary>
    private static List<string> Words(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var quoted = false;
        var any = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
                any = true;
            }
            else if (c == ' ' && !quoted)
            {
                if (any)
                {
                    words.Add(word.ToString());
                }

                word.Clear();
                any = false;
            }
            else
            {
                word.Append(c);
                any = true;
            }
        }

        if (any)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    [GeneratedRegex(@"```sh\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex ShellBlock();

    [GeneratedRegex(@"\bexit (\d)\b")]
    private static partial Regex ExitComment();
}
