using Pacer.Core.Plan;
using Pacer.Load.Executors;

namespace Pacer.Load.Runtime;

/// <summary>
/// The iterations per second a run's arrival-rate flows ask for, over time: the target line of the
/// report's throughput chart and of the live panel. Within a stage the rate moves linearly, so the
/// iterations due between two instants are the integral of the rate, exactly what the executors'
/// <see cref="ArrivalSchedule"/> starts. Closed-model flows have no target.
/// </summary>
internal sealed class LoadSchedule
{
    private readonly List<IReadOnlyList<Stage>> _flows;

    private LoadSchedule(List<IReadOnlyList<Stage>> flows) => _flows = flows;

    /// <summary>True when at least one flow runs the open model (its iterations start on a schedule).</summary>
    public bool IsOpenModel => _flows.Count > 0;

    public static LoadSchedule Of(IEnumerable<ExecutorConfig> profiles) =>
        new([.. profiles.Select(RateStages).OfType<IReadOnlyList<Stage>>()]);

    /// <summary>
    /// Iterations per second due on average between <paramref name="fromSeconds"/> and <paramref name="toSeconds"/>,
    /// all open-model flows together; null for a closed-model run, and once every schedule is over
    /// (the last iterations finishing after it have no target).
    /// </summary>
    public double? Target(double fromSeconds, double toSeconds)
    {
        if (!IsOpenModel || fromSeconds >= _flows.Max(stages => stages.Sum(s => s.Duration.TotalSeconds)))
        {
            return null;
        }

        if (toSeconds <= fromSeconds)
        {
            return 0;
        }

        return _flows.Sum(stages => Due(stages, fromSeconds, toSeconds)) / (toSeconds - fromSeconds);
    }

    private static IReadOnlyList<Stage>? RateStages(ExecutorConfig profile) => profile switch
    {
        ConstantArrivalRateConfig constant => constant.Stages,
        RampingArrivalRateConfig ramping => ramping.RateStages,
        _ => null,
    };

    /// <summary>The integral of the stages' rate over [from, to): iterations due in that window.</summary>
    private static double Due(IReadOnlyList<Stage> stages, double from, double to)
    {
        double due = 0, stageStart = 0;
        foreach (var stage in stages)
        {
            var length = stage.Duration.TotalSeconds;
            var start = Math.Max(from, stageStart);
            var end = Math.Min(to, stageStart + length);
            if (end > start && length > 0)
            {
                // Linear rate: the integral is the window's length times the rate at its middle.
                var middle = ((start + end) / 2) - stageStart;
                due += (end - start) * (stage.From + ((stage.To - stage.From) * middle / length));
            }

            stageStart += length;
        }

        return due;
    }
}
