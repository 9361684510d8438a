using Pacer.Core.Plan;
namespace Pacer.Load.Executors;

/// <summary>Starts <c>rate</c> iterations per second for <c>duration</c>, whatever the server does (k6's constant-arrival-rate).</summary>
public sealed record ConstantArrivalRateConfig(double Rate, TimeSpan Length, int PreVus, int MaxVus) : ExecutorConfig
{
    public const string Name = "constant-arrival-rate";

    public static ExecutorType Registration { get; } = new(Name, ["rate"], ["rate", "duration", "pre-vus", "max-vus"], Read);

    public override string Type => Name;

    /// <summary>Splitting: see <see cref="ArrivalRateVus.Split"/>; iteration n of the whole schedule starts in the segment that owns n, at its own start time.</summary>
    public override int PeakVus => ArrivalRateVus.Split(Segment, PreVus, MaxVus).MaxVus;

    public override TimeSpan Duration => Length;

    public override bool IsOpenModel => true;

    public IReadOnlyList<Stage> Stages => [new Stage(Length, Rate, Rate)];

    public static ExecutorConfig Read(ExecutorSettings settings)
    {
        var rate = settings.Rate("rate");
        var duration = settings.Duration("duration");
        var (preVus, maxVus) = ArrivalRateVus.Read(settings, rate);
        return new ConstantArrivalRateConfig(rate, duration, preVus, maxVus);
    }

    public override LoadExecutor CreateExecutor(LoadIteration iteration, ExecutorOptions options)
    {
        var (preVus, maxVus) = ArrivalRateVus.Split(Segment, PreVus, MaxVus);
        return new ConstantArrivalRateExecutor(Rate, Length, preVus, maxVus, iteration, options, Segment);
    }

    public override ExecutorConfig WarmUp(TimeSpan duration) => this with { Length = duration, GracefulStop = TimeSpan.Zero };
}

/// <summary>Runs a <see cref="ConstantArrivalRateConfig"/>.</summary>
public sealed class ConstantArrivalRateExecutor(
    double ratePerSecond,
    TimeSpan duration,
    int preAllocatedVus,
    int maxVus,
    LoadIteration iteration,
    ExecutorOptions? options = null,
    ExecutionSegment? segment = null)
    : ArrivalRateExecutor([new Stage(duration, ratePerSecond, ratePerSecond)], preAllocatedVus, maxVus, iteration, options, segment)
{
    public double RatePerSecond { get; } = ratePerSecond > 0
        ? ratePerSecond
        : throw new ArgumentOutOfRangeException(nameof(ratePerSecond), ratePerSecond, "The rate must be positive.");
}
