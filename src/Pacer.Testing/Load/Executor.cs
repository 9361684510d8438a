using System.Globalization;
using Pacer.Core.Plan;

namespace Pacer.Testing.Load;

/// <summary>How a <see cref="LoadTest"/> drives its scenario: the same executors as <c>pacer load</c>, by k6 name.</summary>
public sealed class Executor
{
    private Executor(LoadSettings settings) => Settings = settings;

    internal LoadSettings Settings { get; }

    public static Executor ConstantVus(int vus, TimeSpan duration) =>
        From(("vus", Number(vus)), ("duration", Duration(duration)));

    public static Executor RampingVus(string stages) => From(("stages", stages));

    public static Executor ConstantArrivalRate(double perSecond, TimeSpan duration, int? maxVus = null) =>
        From(("rate", perSecond.ToString(CultureInfo.InvariantCulture) + "/s"), ("duration", Duration(duration)), ("max-vus", maxVus is { } m ? Number(m) : null));

    public static Executor RampingArrivalRate(string rateStages, int? maxVus = null) =>
        From(("rate-stages", rateStages), ("max-vus", maxVus is { } m ? Number(m) : null));

    public static Executor SharedIterations(long iterations, int vus = 1) =>
        From(("iterations", iterations.ToString(CultureInfo.InvariantCulture)), ("vus", Number(vus)));

    /// <summary>Bad values (a stage list that does not parse, say) throw <see cref="ArgumentException"/> with the reason.</summary>
    private static Executor From(params (string Name, string? Value)[] values)
    {
        var settings = new LoadSettings();
        foreach (var (name, value) in values)
        {
            if (value is null)
            {
                continue;
            }

            try
            {
                settings.SetFromCommandLine(name, value);
            }
            catch (DirectiveSyntaxException exception)
            {
                throw new ArgumentException($"{name}: {exception.Reason}", name, exception);
            }
        }

        return new Executor(settings);
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Duration(TimeSpan duration) =>
        ((long)Math.Max(1, duration.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture) + "ms";
}
