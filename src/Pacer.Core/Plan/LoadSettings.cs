using System.Text.RegularExpressions;
using Pacer.Core.Flow.Syntax;

namespace Pacer.Core.Plan;

/// <summary>
/// The load settings of one flow, by name (<see cref="LoadSettingGrammar.Names"/>), each remembering
/// where it was written (<see cref="SettingOrigin"/>): a flow's <c>@load</c> line or a command-line
/// option. Every value is checked against its grammar when it is set, so a setting held here always
/// reads back as its type; which executor the settings describe, and whether they fit together, is
/// the executors' business (Pacer.Load/Executors). Command-line numbers are shared by all flows of a
/// run, a flow's own numbers are its alone.
/// </summary>
public sealed partial class LoadSettings
{
    private readonly Dictionary<string, LoadSetting> _values = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, LoadSetting> Values => _values;

    public string? this[string name] => _values.TryGetValue(name, out var setting) ? setting.Value : null;

    public bool Has(string name) => _values.ContainsKey(name);

    public bool IsFromCommandLine(string name) => _values.TryGetValue(name, out var setting) && setting.Origin.FromCommandLine;

    public LoadSetting? Get(string name) => _values.GetValueOrDefault(name);

    /// <summary>
    /// Sets <paramref name="name"/> after checking its grammar; a bad name or value throws
    /// <see cref="DirectiveSyntaxException"/> with the column in <paramref name="value"/>.
    /// </summary>
    public void Set(string name, string value, SettingOrigin origin)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(origin);
        var trimmed = value.Trim();
        if (LoadSettingGrammar.Check(name, trimmed) is { } problem)
        {
            throw new DirectiveSyntaxException(origin.Describe(name), trimmed, problem.Column, problem.Reason);
        }

        _values[name] = new LoadSetting(name, trimmed, origin);
    }

    /// <summary>A command-line option: <c>--vus 50</c>.</summary>
    public void SetFromCommandLine(string name, string value) => Set(name, value, SettingOrigin.CommandLine);

    /// <summary>
    /// Reads a flow's <c>@load vus=50 duration=1m stages="30s:0->10, 1m:10"</c> line, whose text starts
    /// at <paramref name="span"/>. Every problem is reported (all at once) with its own column, through
    /// <paramref name="report"/>; good pairs are kept.
    /// </summary>
    public void AddDirective(string text, SourceSpan span, Action<SourceSpan, string> report)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(span);
        ArgumentNullException.ThrowIfNull(report);
        var covered = new bool[text.Length];
        foreach (Match match in PairPattern().Matches(text))
        {
            Array.Fill(covered, true, match.Index, match.Length);
            var key = match.Groups["key"].Value.ToLowerInvariant();
            var group = match.Groups["value"];
            var value = group.Value;
            var valueIndex = group.Index;
            if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
            {
                value = value[1..^1];
                valueIndex++;
            }

            if (!LoadSettingGrammar.Names.Contains(key))
            {
                var near = Flow.Suggestions.Closest(key, LoadSettingGrammar.Names);
                report(At(span, match.Groups["key"].Index, key.Length), $"@load: unknown setting '{key}' (known: {string.Join(", ", LoadSettingGrammar.Names)}){(near is null ? "" : $"; did you mean '{near}'?")}");
                continue;
            }

            try
            {
                Set(key, value, SettingOrigin.FlowLine(At(span, valueIndex, value.Length)));
            }
            catch (DirectiveSyntaxException exception)
            {
                report(At(span, valueIndex + exception.Column - 1, 1), $"@load {key}: {exception.Reason}");
            }
        }

        // Text that is not a name=value pair (`@load 50 users`) is reported where it starts.
        for (var i = 0; i < text.Length; i++)
        {
            if (!covered[i] && !char.IsWhiteSpace(text[i]))
            {
                var end = i;
                while (end < text.Length && !covered[end] && !char.IsWhiteSpace(text[end]))
                {
                    end++;
                }

                report(At(span, i, end - i), $"@load expects name=value pairs such as vus=50 duration=1m, got '{text[i..end]}'");
                i = end;
            }
        }
    }

    /// <summary>The settings that choose the executor; a file and the command line naming different ones would be two executors at once.</summary>
    public static readonly IReadOnlyList<string> DrivingNames = ["executor", "vus", "stages", "rate", "rate-stages", "iterations"];

    /// <summary>True when the command line names a setting that chooses the executor: the flow's @load then only fills in what that executor takes.</summary>
    public bool CommandLineDrives => _values.Values.Any(v => v.Origin.FromCommandLine && DrivingNames.Contains(v.Name));

    /// <summary>
    /// These settings with <paramref name="overrides"/> laid on top: the command line wins name by
    /// name, and when it names any setting that chooses the executor (executor, vus, stages, rate,
    /// rate-stages, iterations) it chooses it alone, so `--rate-stages` over a file's
    /// `@load stages=…` runs the arrival-rate ramp instead of refusing both (and the file's other
    /// settings that executor does not take, such as its duration, are left out, not refused).
    /// </summary>
    public LoadSettings With(LoadSettings overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var merged = new LoadSettings();
        var overridesDrive = DrivingNames.Any(overrides.Has);
        foreach (var (name, setting) in _values)
        {
            if (!(overridesDrive && DrivingNames.Contains(name)))
            {
                merged._values[name] = setting;
            }
        }

        foreach (var (name, setting) in overrides._values)
        {
            merged._values[name] = setting;
        }

        return merged;
    }

    private static SourceSpan At(SourceSpan span, int index, int length) =>
        span with { Column = span.Column + index, Length = Math.Max(1, length) };

    [GeneratedRegex("""(?<key>[A-Za-z][A-Za-z-]*)\s*=\s*(?<value>"[^"]*"|\S+)""")]
    private static partial Regex PairPattern();
}

/// <summary>One setting's text (already checked against its grammar) and where it was written.</summary>
public sealed record LoadSetting(string Name, string Value, SettingOrigin Origin);

/// <summary>Where a setting was written: a flow line (with its position) or the command line.</summary>
public sealed record SettingOrigin(SourceSpan? Span)
{
    public static SettingOrigin CommandLine { get; } = new((SourceSpan?)null);

    public static SettingOrigin FlowLine(SourceSpan span) => new(span);

    public bool FromCommandLine => Span is null;

    /// <summary>How messages name the setting: <c>--vus</c> on the command line, <c>@load vus</c> in a flow.</summary>
    public string Describe(string name) => FromCommandLine ? "--" + name : "@load " + name;

    /// <summary>The message prefix: <c>file:line:column: </c> for a flow line, nothing for an option.</summary>
    public string Where => Span is { } span ? $"{span}: " : "";
}
