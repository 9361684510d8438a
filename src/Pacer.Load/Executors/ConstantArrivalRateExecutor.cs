namespace Pacer.Load.Executors;

/// <summary>Starts <c>rate</c> iterations per second for <c>duration</c> (k6's constant-arrival-rate).</summary>
public sealed class ConstantArrivalRateExecutor(
    double ratePerSecond,
    TimeSpan duration,
    int preAllocatedVus,
    int maxVus,
    LoadIteration iteration,
    ExecutorOptions? options = null)
    : ArrivalRateExecutor([new Stage(duration, ratePerSecond, ratePerSecond)], preAllocatedVus, maxVus, iteration, options)
{
    public double RatePerSecond { get; } = ratePerSecond > 0
        ? ratePerSecond
        : throw new ArgumentOutOfRangeException(nameof(ratePerSecond), ratePerSecond, "The rate must be positive.");
}
