namespace Pacer.Load.Executors;

/// <summary>Moves the arrival rate through stages such as <c>1m:100/s->5000/s, 3m:5000/s</c> (k6's ramping-arrival-rate).</summary>
public sealed class RampingArrivalRateExecutor(
    IReadOnlyList<Stage> stages,
    int preAllocatedVus,
    int maxVus,
    LoadIteration iteration,
    ExecutorOptions? options = null)
    : ArrivalRateExecutor(stages, preAllocatedVus, maxVus, iteration, options)
{
    public static RampingArrivalRateExecutor FromText(string stages, int preAllocatedVus, int maxVus, LoadIteration iteration, ExecutorOptions? options = null) =>
        new(StageParser.ParseRateStages(stages), preAllocatedVus, maxVus, iteration, options);
}
