using Pacer.Core.Plan;
namespace Pacer.Load.Executors;

/// <summary>
/// When each iteration of an open-model run is due. Within a stage the rate moves linearly from
/// r0 to r1 over D seconds, so the iterations due by t are N(t) = r0·t + (r1 − r0)·t²/(2D); the n-th
/// iteration starts where N(t) = n, solved exactly rather than by ticking, so the schedule does
/// not drift however long the run. A segment's schedule is the whole schedule's iterations that the
/// segment owns (<see cref="ExecutionSegment.Owns"/>), at the very same offsets.
/// </summary>
public sealed class ArrivalSchedule(IReadOnlyList<Stage> stages, ExecutionSegment? segment = null)
{
    private readonly ExecutionSegment _segment = segment ?? ExecutionSegment.Whole;

    public TimeSpan TotalDuration { get; } = stages.Aggregate(TimeSpan.Zero, (sum, stage) => sum + stage.Duration);

    /// <summary>The start offsets (of this segment's iterations) from the beginning of the run, in order, all before <see cref="TotalDuration"/>.</summary>
    public IEnumerable<TimeSpan> StartOffsets()
    {
        var stageStart = 0.0;
        var dueBefore = 0.0;
        long next = 0;
        foreach (var stage in stages)
        {
            var duration = stage.Duration.TotalSeconds;
            var r0 = stage.From;
            var r1 = stage.To;
            var inStage = (r0 + r1) / 2 * duration;
            for (; next < dueBefore + inStage - 1e-9; next++)
            {
                if (!_segment.Owns(next))
                {
                    continue;
                }

                var local = SolveForTime(next - dueBefore, r0, (r1 - r0) / (2 * duration));
                yield return TimeSpan.FromTicks((long)Math.Round((stageStart + local) * TimeSpan.TicksPerSecond));
            }

            stageStart += duration;
            dueBefore += inStage;
        }
    }

    // Solves r0·t + a·t² = n for the smallest t ≥ 0.
    private static double SolveForTime(double n, double r0, double a)
    {
        if (Math.Abs(a) < 1e-12)
        {
            return n / r0;
        }

        return (-r0 + Math.Sqrt(Math.Max(0, (r0 * r0) + (4 * a * n)))) / (2 * a);
    }
}
