using Pacer.Core.Plan;
namespace Pacer.Load.Executors;

/// <summary>Moves the arrival rate through stages such as <c>1m:100/s->5000/s, 3m:5000/s</c> (k6's ramping-arrival-rate).</summary>
public sealed record RampingArrivalRateConfig(IReadOnlyList<Stage> RateStages, int PreVus, int MaxVus) : ExecutorConfig
{
    public const string Name = "ramping-arrival-rate";

    public static ExecutorType Registration { get; } = new(Name, ["rate-stages"], ["rate-stages", "pre-vus", "max-vus"], Read);

    public override string Type => Name;

    /// <summary>Splitting: see <see cref="ArrivalRateVus.Split"/>; iteration n of the whole schedule starts in the segment that owns n, at its own start time.</summary>
    public override int PeakVus => ArrivalRateVus.Split(Segment, PreVus, MaxVus).MaxVus;

    public override TimeSpan Duration => RateStages.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Duration);

    public override bool IsOpenModel => true;

    public static ExecutorConfig Read(ExecutorSettings settings)
    {
        var stages = settings.Stages("rate-stages", rate: true);
        var (preVus, maxVus) = ArrivalRateVus.Read(settings, stages.Max(s => Math.Max(s.From, s.To)));
        return new RampingArrivalRateConfig(stages, preVus, maxVus);
    }

    public override LoadExecutor CreateExecutor(LoadIteration iteration, ExecutorOptions options)
    {
        var (preVus, maxVus) = ArrivalRateVus.Split(Segment, PreVus, MaxVus);
        return new RampingArrivalRateExecutor(RateStages, preVus, maxVus, iteration, options, Segment);
    }

    /// <summary>A ramp warms up at its first non-zero rate.</summary>
    public override ExecutorConfig WarmUp(TimeSpan duration)
    {
        var first = RateStages.Select(s => s.From > 0 ? s.From : s.To).FirstOrDefault(level => level > 0);
        return new ConstantArrivalRateConfig(Math.Max(first, 1), duration, PreVus, MaxVus) { Settings = Settings, Think = Think, GracefulStop = TimeSpan.Zero, Segment = Segment };
    }
}

/// <summary>Runs a <see cref="RampingArrivalRateConfig"/>.</summary>
public sealed class RampingArrivalRateExecutor(
    IReadOnlyList<Stage> stages,
    int preAllocatedVus,
    int maxVus,
    LoadIteration iteration,
    ExecutorOptions? options = null,
    ExecutionSegment? segment = null)
    : ArrivalRateExecutor(stages, preAllocatedVus, maxVus, iteration, options, segment)
{
    public static RampingArrivalRateExecutor FromText(string stages, int preAllocatedVus, int maxVus, LoadIteration iteration, ExecutorOptions? options = null) =>
        new(StageParser.ParseRateStages(stages), preAllocatedVus, maxVus, iteration, options);
}

/// <summary>The VU limits both arrival-rate executors read the same way.</summary>
internal static class ArrivalRateVus
{
    public static (int PreVus, int MaxVus) Read(ExecutorSettings settings, double peakRate)
    {
        // Enough VUs for every iteration of a second to be in flight at once unless told otherwise.
        var maxVus = settings.Vus("max-vus", minimum: 1, fallback: (int)Math.Clamp(Math.Ceiling(peakRate), 10, 10_000));
        var preVus = settings.Vus("pre-vus", minimum: 0, fallback: Math.Min(maxVus, 10));
        if (preVus > maxVus)
        {
            settings.Error($"pre-vus ({preVus}) cannot be more than max-vus ({maxVus})", "pre-vus");
        }

        return (preVus, maxVus);
    }

    /// <summary>
    /// A segment's VU limits: its share of each (VU n of the whole is the segment's that owns n), but
    /// at least one VU to run its iterations on. The limits are a cap, not part of the schedule, so
    /// with fewer max VUs than segments the segments together may hold a few more than the whole.
    /// </summary>
    public static (int PreVus, int MaxVus) Split(ExecutionSegment segment, int preVus, int maxVus)
    {
        if (segment.IsWhole)
        {
            return (preVus, maxVus);
        }

        var max = Math.Max(1, segment.Share(maxVus));
        return (Math.Min(segment.Share(preVus), max), max);
    }
}
