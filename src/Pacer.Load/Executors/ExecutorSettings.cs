using System.Globalization;
using Pacer.Core.Flow;
using Pacer.Core.Plan;

namespace Pacer.Load.Executors;

/// <summary>
/// What an executor reads its configuration through: typed values of <see cref="LoadSettings"/>
/// (whose grammar was checked when they were set), this flow's share of command-line numbers when
/// several flows run side by side, and every problem collected rather than thrown, each at the
/// place the setting was written. Settings the executor never read are reported at the end.
/// </summary>
public sealed class ExecutorSettings
{
    private readonly LoadSettings _settings;
    private readonly int _flowIndex;
    private readonly int _flowCount;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal) { "executor", "think", "graceful-stop" };
    private readonly List<LoadSettingsError> _errors = [];

    public ExecutorSettings(LoadSettings settings, string executor, int flowIndex = 0, int flowCount = 1)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        Executor = executor;
        _flowIndex = flowIndex;
        _flowCount = flowCount;
    }

    /// <summary>The executor being configured, as messages name it.</summary>
    public string Executor { get; }

    public IReadOnlyList<LoadSettingsError> Errors => _errors;

    public bool Has(string name) => _settings.Has(name);

    /// <summary>A whole number of at least <paramref name="minimum"/>; absent gives <paramref name="fallback"/>, or an error when there is none.</summary>
    public long Count(string name, long minimum, long? fallback = null)
    {
        if (Read(name) is not { } setting)
        {
            return fallback ?? Missing(name, minimum);
        }

        var total = long.Parse(setting.Value, NumberStyles.None, CultureInfo.InvariantCulture);
        if (total < minimum)
        {
            ErrorAt($"{Name(setting)} must be at least {minimum}, got {total}", setting);
            return minimum;
        }

        if (!Split(setting))
        {
            return total;
        }

        // A command-line number shared by several flows: the remainder goes to the first flows,
        // and every flow gets at least the minimum.
        var part = (total / _flowCount) + (_flowIndex < total % _flowCount ? 1 : 0);
        return Math.Max(part, Math.Max(minimum, 1));
    }

    public int Vus(string name, int minimum, int? fallback = null) => (int)Count(name, minimum, fallback);

    /// <summary>A duration; absent gives <paramref name="fallback"/>, or an error when there is none.</summary>
    public TimeSpan Duration(string name, TimeSpan? fallback = null, bool allowZero = false)
    {
        if (Read(name) is not { } setting)
        {
            if (fallback is null)
            {
                ErrorAt($"{Executor} needs {Describe(name)} (for example {Describe(name)}{(FromCommandLineStyle() ? " " : "=")}30s)", null);
            }

            return fallback ?? TimeSpan.Zero;
        }

        _ = DurationSyntax.TryParse(setting.Value, out var duration, out _);
        if (duration == TimeSpan.Zero && !allowZero)
        {
            ErrorAt($"{Name(setting)} must be more than zero", setting);
        }

        return duration;
    }

    /// <summary>Iterations per second, this flow's share.</summary>
    public double Rate(string name)
    {
        if (Read(name) is not { } setting)
        {
            return Missing(name, 1);
        }

        _ = RateSyntax.TryParse(setting.Value, out var rate, out _);
        return Split(setting) ? rate / _flowCount : rate;
    }

    /// <summary>A stage list (VUs or rates), this flow's share of each level.</summary>
    public IReadOnlyList<Stage> Stages(string name, bool rate)
    {
        if (Read(name) is not { } setting)
        {
            Missing(name, 1);
            return [new Stage(TimeSpan.Zero, 0, 0)];
        }

        var stages = rate ? StageParser.ParseRateStages(setting.Value) : StageParser.ParseVuStages(setting.Value);
        return Split(setting) ? [.. stages.Select(s => s with { From = s.From / _flowCount, To = s.To / _flowCount })] : stages;
    }

    public ThinkTime? Think() =>
        _settings.Get("think") is { } setting && ThinkTime.TryParse(setting.Value, out var think, out _) ? think : null;

    public TimeSpan GracefulStop() =>
        _settings.Get("graceful-stop") is { } setting && DurationSyntax.TryParse(setting.Value, out var stop, out _) ? stop : TimeSpan.FromSeconds(30);

    /// <summary>Reports a problem at the setting named <paramref name="name"/> (or the command line when it is absent).</summary>
    public void Error(string message, string name) => ErrorAt(message, _settings.Get(name));

    /// <summary>
    /// Every setting given that this executor does not use is an error: it would silently do nothing.
    /// Except a flow's own @load settings when the command line chose the executor: `--rate-stages`
    /// over `@load rate=50/s duration=10s` replaces that load, so its duration is left out.
    /// </summary>
    public void ReportUnused(IEnumerable<string> accepted)
    {
        var names = accepted.ToList();
        var commandLineDrives = _settings.CommandLineDrives;
        foreach (var (name, setting) in _settings.Values)
        {
            if (!_read.Contains(name) && !(commandLineDrives && !setting.Origin.FromCommandLine))
            {
                ErrorAt($"{Name(setting)} has no meaning for {Executor} (it takes {string.Join(", ", names.Select(Describe))})", setting);
            }
        }
    }

    /// <summary>The user's own words for the settings this flow ran with, for the result file.</summary>
    public IReadOnlyDictionary<string, string> Described() =>
        _settings.Values.Where(v => v.Key is not ("think" or "graceful-stop") && _read.Contains(v.Key)).ToDictionary(v => v.Key, v => v.Value.Value, StringComparer.Ordinal);

    private LoadSetting? Read(string name)
    {
        _read.Add(name);
        return _settings.Get(name);
    }

    private bool Split(LoadSetting setting) => _flowCount > 1 && setting.Origin.FromCommandLine;

    private long Missing(string name, long example)
    {
        ErrorAt($"{Executor} needs {Describe(name)} (for example {Describe(name)}{(FromCommandLineStyle() ? " " : "=")}{example})", null);
        return example;
    }

    // An error about a missing setting points at the flow's @load line when everything came from
    // there; with any command-line setting in the mix, the command line is where to add it.
    private void ErrorAt(string message, LoadSetting? at) =>
        _errors.Add(new LoadSettingsError(message, at?.Origin.Span ?? (FromCommandLineStyle() ? null : _settings.Values.Values.First().Origin.Span)));

    private static string Name(LoadSetting setting) => setting.Origin.Describe(setting.Name);

    // Messages name settings the way the user wrote the others: --vus on the command line, vus= in a file.
    private bool FromCommandLineStyle() => _settings.Values.Count == 0 || _settings.Values.Values.Any(v => v.Origin.FromCommandLine);

    private string Describe(string name) => FromCommandLineStyle() ? "--" + name : name;
}
