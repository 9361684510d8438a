using System.CommandLine;
using Pacer.Core.Flow.Syntax;
using Pacer.Load;
using Pacer.Load.Runtime;

namespace Pacer.Cli.Input;

/// <summary>
/// Decides each flow's <see cref="LoadProfile"/>: its <c>@load</c> lines, with the command line's
/// options laid on top name by name (command-line numbers are split evenly between the flows).
/// Problems are printed (with file:line:column for <c>@load</c> lines, a caret for stages) and yield null.
/// </summary>
public static class LoadFlowSettings
{
    public static IReadOnlyList<LoadProfile>? Resolve(LoadSettings commandLine, IReadOnlyList<FlowDocument> flows, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        ArgumentNullException.ThrowIfNull(flows);
        ArgumentNullException.ThrowIfNull(error);
        var profiles = new List<LoadProfile>();
        for (var i = 0; i < flows.Count; i++)
        {
            var own = new LoadSettings();
            foreach (var line in flows[i].Metadata.Load)
            {
                try
                {
                    own.AddDirective(line.Text);
                }
                catch (ArgumentException exception)
                {
                    error.WriteLine($"{line.Span}: error: {exception.Message.Split(" (Parameter", 2)[0]}");
                    return null;
                }
            }

            try
            {
                profiles.Add(LoadProfile.From(own.With(commandLine), i, flows.Count));
            }
            catch (LoadSettingsException exception)
            {
                error.WriteLine($"error: {Where(flows[i], own, commandLine)}{exception.Message}");
                return null;
            }
            catch (LoadSyntaxException exception)
            {
                error.WriteLine($"error: {Where(flows[i], own, commandLine)}{exception.Reason} (column {exception.Column})");
                error.WriteLine(exception.Render());
                return null;
            }
        }

        return profiles;
    }

    /// <summary>Reads the command line's load options into settings (absent options are not set).</summary>
    public static LoadSettings FromCommandLine(ParseResult parsed, IEnumerable<(string Name, Option<string?> Option)> options)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        ArgumentNullException.ThrowIfNull(options);
        var settings = new LoadSettings();
        foreach (var (name, option) in options)
        {
            if (parsed.GetValue(option) is { } value)
            {
                settings.Set(name, value, fromCommandLine: true);
            }
        }

        return settings;
    }

    /// <summary>Names the flow when its own @load lines took part, so the user knows where to look.</summary>
    private static string Where(FlowDocument flow, LoadSettings own, LoadSettings commandLine) =>
        own.Values.Keys.Any(k => !commandLine.Has(k)) ? $"{flow.Path} (@load): " : "";
}
