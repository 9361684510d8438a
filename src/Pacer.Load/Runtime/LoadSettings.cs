using System.Text.RegularExpressions;

namespace Pacer.Load.Runtime;

/// <summary>
/// The load options of one flow, by name (<c>vus</c>, <c>duration</c>, <c>rate</c>, <c>max-vus</c>,
/// <c>pre-vus</c>, <c>stages</c>, <c>rate-stages</c>, <c>iterations</c>, <c>think</c>,
/// <c>graceful-stop</c>), each remembering whether the command line gave it: command-line
/// numbers are shared by all flows of a run, a flow's own <c>@load</c> numbers are its alone.
/// </summary>
public sealed partial class LoadSettings
{
    public static readonly IReadOnlyList<string> Names =
        ["vus", "duration", "rate", "max-vus", "pre-vus", "stages", "rate-stages", "iterations", "think", "graceful-stop"];

    private readonly Dictionary<string, LoadSetting> _values = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, LoadSetting> Values => _values;

    public string? this[string name] => _values.TryGetValue(name, out var setting) ? setting.Value : null;

    public bool Has(string name) => _values.ContainsKey(name);

    public bool IsFromCommandLine(string name) => _values.TryGetValue(name, out var setting) && setting.FromCommandLine;

    public void Set(string name, string value, bool fromCommandLine)
    {
        if (!Names.Contains(name))
        {
            throw new ArgumentException($"unknown load setting '{name}' (known: {string.Join(", ", Names)})", nameof(name));
        }

        _values[name] = new LoadSetting(value.Trim(), fromCommandLine);
    }

    /// <summary>Reads a flow's <c>@load vus=50 duration=1m stages="30s:0->10, 1m:10"</c> line.</summary>
    public void AddDirective(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var matched = 0;
        foreach (Match match in PairPattern().Matches(text))
        {
            matched += match.Length;
            var value = match.Groups["value"].Value;
            if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
            {
                value = value[1..^1];
            }

            Set(match.Groups["key"].Value.ToLowerInvariant(), value, fromCommandLine: false);
        }

        if (matched == 0 && text.Trim().Length > 0)
        {
            throw new ArgumentException($"@load expects name=value pairs such as vus=50 duration=1m, got '{text}'", nameof(text));
        }
    }

    /// <summary>The settings that choose the executor; a file and the command line naming different ones would be two executors at once.</summary>
    private static readonly string[] DrivingNames = ["vus", "stages", "rate", "rate-stages", "iterations"];

    /// <summary>
    /// These settings with <paramref name="overrides"/> laid on top: the command line wins name by
    /// name, and when it names any setting that chooses the executor (vus, stages, rate,
    /// rate-stages, iterations) it chooses it alone, so `--rate-stages` over a file's
    /// `@load stages=…` runs the arrival-rate ramp instead of refusing both.
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

    [GeneratedRegex("""(?<key>[A-Za-z][A-Za-z-]*)\s*=\s*(?<value>"[^"]*"|\S+)""")]
    private static partial Regex PairPattern();
}

/// <summary>One setting's text and where it came from.</summary>
public sealed record LoadSetting(string Value, bool FromCommandLine);
