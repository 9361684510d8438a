using Pacer.Load.Results;
using Pacer.Load.Runtime;

namespace Pacer.Distributed.Coordinator;

/// <summary>
/// The live panel's view of the whole distributed test, from the merged snapshots: totals and steps
/// from the merge, the current rate and p95 from the latest second every running agent has sent
/// (exact: its histograms added), VUs summed over the agents.
/// </summary>
internal static class DistributedProgress
{
    public static LoadProgress Of(LoadResult? merged, AgentRoster roster, IReadOnlyList<AgentSlotView> views, TimeSpan runTime, TimeSpan total)
    {
        var reporting = views.Where(v => v.State is AgentState.Running && v.LastSecond >= 0).ToList();
        var second = reporting.Count == 0 ? views.Max(v => v.LastSecond) : reporting.Min(v => v.LastSecond);
        var point = second >= 0 ? roster.Seconds.At(second) : null;
        if (merged is null)
        {
            return new LoadProgress(runTime, total, 0, 0, 0, 0, 0, 0, [], []);
        }

        return new LoadProgress(
            runTime,
            total,
            views.Sum(v => v.ActiveVus),
            point?.Requests ?? 0,
            point?.P95Ms ?? 0,
            merged.Summary.Requests,
            merged.Summary.Failures,
            merged.Summary.Iterations.Dropped,
            [.. merged.Steps.Select(s => new LoadProgressStep(s.Name, s.Requests, s.LatencyMs.P95, s.ErrorRate, s.Sla?.Violations ?? 0))],
            merged.Thresholds);
    }
}
