using System.Globalization;
using Pacer.Load.Executors;
using Pacer.Load.Syntax;

namespace Pacer.Load.Runtime;

/// <summary>
/// Which executor drives one flow and with what numbers, decided from its <see cref="LoadSettings"/>:
/// <c>rate-stages</c> → ramping-arrival-rate, <c>rate</c> → constant-arrival-rate, <c>stages</c> →
/// ramping-vus, <c>iterations</c> → shared-iterations, <c>vus</c>/<c>duration</c> → constant-vus, and
/// nothing at all → one iteration on one VU (a smoke run, as k6 does). Bad values throw
/// <see cref="LoadSettingsException"/> or <see cref="LoadSyntaxException"/> (stages, with a column).
/// </summary>
public sealed record LoadProfile
{
    public const string ConstantVus = "constant-vus";
    public const string RampingVus = "ramping-vus";
    public const string ConstantArrivalRate = "constant-arrival-rate";
    public const string RampingArrivalRate = "ramping-arrival-rate";
    public const string SharedIterations = "shared-iterations";

    /// <summary>The settings that each choose an executor; at most one may be given.</summary>
    private static readonly string[] ShapeSettings = ["rate-stages", "rate", "stages", "iterations"];

    private static readonly TimeSpan DefaultMaxIterationsDuration = TimeSpan.FromMinutes(10);

    public string Type { get; private init; } = "";

    /// <summary>The settings that shaped it, in the user's words (before any split between flows).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; private init; } = new Dictionary<string, string>();

    public int Vus { get; private init; } = 1;

    public TimeSpan Duration { get; private init; }

    public double Rate { get; private init; }

    public IReadOnlyList<Stage> Stages { get; private init; } = [];

    public int PreVus { get; private init; }

    public int MaxVus { get; private init; } = 1;

    public long Iterations { get; private init; }

    public ThinkTime? Think { get; private init; }

    public TimeSpan GracefulStop { get; private init; } = TimeSpan.FromSeconds(30);

    public bool IsOpenModel => Type is ConstantArrivalRate or RampingArrivalRate;

    /// <summary>The most VUs this profile can ever use at once (sizes per-VU state and checks <c>--data-mode unique</c>).</summary>
    public int PeakVus => Type switch
    {
        ConstantArrivalRate or RampingArrivalRate => MaxVus,
        RampingVus => (int)Math.Ceiling(Stages.Max(s => Math.Max(s.From, s.To))),
        _ => Vus,
    };

    /// <summary>Decides the profile of flow number <paramref name="flowIndex"/> of <paramref name="flowCount"/>; command-line numbers are split evenly between flows.</summary>
    public static LoadProfile From(LoadSettings settings, int flowIndex = 0, int flowCount = 1)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var share = new Share(settings, flowIndex, flowCount);
        var given = ShapeSettings.Where(settings.Has).ToList();
        if (given.Count > 1)
        {
            throw new LoadSettingsException($"choose one way to drive the load, not {string.Join(" and ", given.Select(g => "--" + g))}");
        }

        var think = settings["think"] is { } thinkText ? ThinkTime.Parse(thinkText) : null;
        var gracefulStop = settings["graceful-stop"] is { } stopText ? ParseDuration("graceful-stop", stopText, allowZero: true) : TimeSpan.FromSeconds(30);
        var described = settings.Values.Where(v => v.Key is not ("think" or "graceful-stop")).ToDictionary(v => v.Key, v => v.Value.Value, StringComparer.Ordinal);
        var profile = given.FirstOrDefault() switch
        {
            "rate-stages" => ArrivalRate(RampingArrivalRate, share.Stages("rate-stages", rate: true), settings, share),
            "rate" => ArrivalRate(
                ConstantArrivalRate,
                [new Stage(RequiredDuration(settings), share.Rate(), share.Rate())],
                settings,
                share),
            "stages" => new LoadProfile { Type = RampingVus, Stages = share.Stages("stages", rate: false) },
            "iterations" => new LoadProfile
            {
                Type = SharedIterations,
                Iterations = share.Count("iterations", minimum: 1),
                Vus = settings.Has("vus") ? share.Count("vus", minimum: 1) : 1,
                Duration = settings["duration"] is { } max ? ParseDuration("duration", max) : DefaultMaxIterationsDuration,
            },
            _ when settings.Has("vus") || settings.Has("duration") => new LoadProfile
            {
                Type = ConstantVus,
                Vus = settings.Has("vus") ? share.Count("vus", minimum: 1) : 1,
                Duration = RequiredDuration(settings),
            },
            _ => new LoadProfile { Type = SharedIterations, Iterations = 1, Vus = 1, Duration = DefaultMaxIterationsDuration },
        };

        return profile with { Settings = described, Think = think, GracefulStop = gracefulStop };
    }

    /// <summary>The executor this profile describes, driving <paramref name="iteration"/>.</summary>
    /// <summary>
    /// The warm-up of this profile: the same kind of load at its starting level for
    /// <paramref name="duration"/>: a closed model's VUs (a ramp's first non-zero target), an open
    /// model's rate (a ramp's first non-zero rate), with the same think time and VU limits. Requests
    /// still in flight when it ends are cancelled: their numbers are discarded anyway.
    /// </summary>
    public LoadProfile WarmUp(TimeSpan duration)
    {
        var firstLevel = Stages.Select(s => s.From > 0 ? s.From : s.To).FirstOrDefault(level => level > 0);
        var shaped = Type switch
        {
            ConstantArrivalRate => this with { Duration = duration, Stages = [new Stage(duration, Rate, Rate)] },
            RampingArrivalRate => this with
            {
                Type = ConstantArrivalRate,
                Rate = Math.Max(firstLevel, 1),
                Duration = duration,
                Stages = [new Stage(duration, Math.Max(firstLevel, 1), Math.Max(firstLevel, 1))],
            },
            RampingVus => this with { Type = ConstantVus, Vus = Math.Max(1, (int)Math.Ceiling(firstLevel)), Duration = duration },
            _ => this with { Type = ConstantVus, Duration = duration },
        };
        return shaped with { GracefulStop = TimeSpan.Zero };
    }

    public LoadExecutor CreateExecutor(LoadIteration iteration, ExecutorOptions options) => Type switch
    {
        ConstantVus => new ConstantVusExecutor(Vus, Duration, iteration, options),
        RampingVus => new RampingVusExecutor(Stages, iteration, options),
        ConstantArrivalRate => new ConstantArrivalRateExecutor(Rate, Duration, PreVus, MaxVus, iteration, options),
        RampingArrivalRate => new RampingArrivalRateExecutor(Stages, PreVus, MaxVus, iteration, options),
        SharedIterations => new SharedIterationsExecutor(Vus, Iterations, Duration, iteration, options),
        _ => throw new InvalidOperationException($"unknown executor type '{Type}'"),
    };

    private static LoadProfile ArrivalRate(string type, IReadOnlyList<Stage> stages, LoadSettings settings, Share share)
    {
        var peakRate = stages.Max(s => Math.Max(s.From, s.To));
        // Enough VUs for every iteration of a second to be in flight at once unless told otherwise.
        var maxVus = settings.Has("max-vus") ? share.Count("max-vus", minimum: 1) : (int)Math.Clamp(Math.Ceiling(peakRate), 10, 10_000);
        var preVus = settings.Has("pre-vus") ? share.Count("pre-vus", minimum: 0) : Math.Min(maxVus, 10);
        if (preVus > maxVus)
        {
            throw new LoadSettingsException($"--pre-vus ({preVus}) cannot be more than --max-vus ({maxVus})");
        }

        return new LoadProfile
        {
            Type = type,
            Stages = stages,
            Rate = stages[0].From,
            Duration = stages.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Duration),
            MaxVus = maxVus,
            PreVus = preVus,
        };
    }

    private static TimeSpan RequiredDuration(LoadSettings settings) =>
        settings["duration"] is { } text
            ? ParseDuration("duration", text)
            : throw new LoadSettingsException("--duration is needed with --vus or --rate (e.g. --duration 30s)");

    internal static TimeSpan ParseDuration(string name, string text, bool allowZero = false)
    {
        if (allowZero && text.Trim() == "0")
        {
            return TimeSpan.Zero;
        }

        if (!DurationSyntax.TryParse(text.Trim(), out var duration, out var error))
        {
            throw new LoadSettingsException($"--{name}: {error}");
        }

        return duration > TimeSpan.Zero || allowZero ? duration : throw new LoadSettingsException($"--{name} must be more than zero");
    }

    /// <summary>One flow's part of the numbers: command-line values divided between flows, the flow's own values whole.</summary>
    private sealed class Share(LoadSettings settings, int index, int count)
    {
        private bool Split(string name) => count > 1 && settings.IsFromCommandLine(name);

        public int Count(string name, int minimum)
        {
            var text = settings[name]!;
            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var total) || total < minimum || total > int.MaxValue)
            {
                throw new LoadSettingsException($"--{name} expects a whole number of at least {minimum}, got '{text}'");
            }

            if (!Split(name))
            {
                return (int)total;
            }

            // The remainder goes to the first flows; every flow gets at least the minimum.
            var part = (total / count) + (index < total % count ? 1 : 0);
            return (int)Math.Max(part, Math.Max(minimum, 1));
        }

        public double Rate()
        {
            var text = settings["rate"]!;
            var rate = ParseRate(text);
            return Split("rate") ? rate / count : rate;
        }

        public IReadOnlyList<Stage> Stages(string name, bool rate)
        {
            var text = settings[name]!;
            var stages = rate ? StageParser.ParseRateStages(text) : StageParser.ParseVuStages(text);
            return Split(name) ? [.. stages.Select(s => s with { From = s.From / count, To = s.To / count })] : stages;
        }
    }

    /// <summary><c>2000/s</c>, <c>120/m</c> or a bare number of iterations per second.</summary>
    public static double ParseRate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        var perMinute = trimmed.EndsWith("/m", StringComparison.Ordinal);
        var number = trimmed.EndsWith("/s", StringComparison.Ordinal) || perMinute ? trimmed[..^2] : trimmed;
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rate) || rate <= 0)
        {
            throw new LoadSettingsException($"--rate expects iterations per second such as 2000/s (or 120/m), got '{text}'");
        }

        return perMinute ? rate / 60 : rate;
    }
}
