using System.Globalization;
using Pacer.Load.Results;
using Pacer.Load.Runtime;

namespace Pacer.Distributed.Coordinator;

/// <summary>
/// The one result of a distributed run: the agents' results merged by <see cref="LoadResultMerger"/>
/// (exactly what <c>pacer merge</c> of their own files gives: histograms added, thresholds judged on
/// the sum), with what only the coordinator knows laid over it: the setup it ran, the exact per-second
/// series, why it stopped, and which segments finished or were lost.
/// </summary>
internal static class DistributedResult
{
    /// <summary>Every agent's latest result merged, or null before any arrived.</summary>
    public static LoadResult? MergeLatest(IReadOnlyList<AgentSlotView> views)
    {
        var parts = views.Where(v => v.Latest is not null).ToList();
        return parts.Count == 0 ? null : LoadResultMerger.Merge([.. parts.Select(v => v.Latest!)], [.. parts.Select(v => v.Slot.Describe())]);
    }

    public static LoadResult Build(AgentRoster roster, LoadRunSettings whole, DateTimeOffset startedAt, DateTimeOffset endedAt, IReadOnlyList<SetupStepResult> setup, string? stopReason)
    {
        var views = roster.View();
        var segments = views.Select(v => Segment(v, stopReason)).ToList();
        var unfinished = segments.Where(s => s.State != "finished").ToList();
        var partial = unfinished.Count > 0;
        var reason = stopReason ?? (partial
            ? "partial: " + string.Join("; ", unfinished.Select(s => $"segment {s.Segment} {s.State}{(s.LostAtSeconds is { } at ? $" at {at.ToString("0.0", CultureInfo.InvariantCulture)}s" : "")} ({s.Reason})"))
            : null);
        var distributed = new LoadDistributedInfo { Agents = views.Count, Partial = partial, Segments = segments };
        if (MergeLatest(views) is not { } merged)
        {
            return LoadSetup.ResultWithoutLoad(whole, startedAt, reason ?? "no agent sent a result", setup) with { Distributed = distributed };
        }

        var executor = new Dictionary<string, string>(merged.Executor.Settings, StringComparer.Ordinal);
        executor.Remove("merged_files");
        executor["agents"] = views.Count.ToString(CultureInfo.InvariantCulture);
        return merged with
        {
            StartedAt = startedAt,
            EndedAt = endedAt,
            Flows = [.. whole.Flows.Select(f => f.DisplayPath)],
            Executor = merged.Executor with { Settings = executor },
            Setup = setup,
            TimeSeries = roster.Seconds.Points(),
            Aborted = reason,
            Passed = reason is null && merged.Thresholds.All(t => t.Passed) && setup.All(s => s.Passed),
            Distributed = distributed,
        };
    }

    private static LoadSegmentInfo Segment(AgentSlotView view, string? stopReason)
    {
        var slot = view.Slot;
        var (state, reason) = view.State switch
        {
            AgentState.Finished when view.Latest?.Aborted is { } aborted && aborted != stopReason => ("stopped", aborted),
            AgentState.Finished => ("finished", null),
            AgentState.Lost => ("lost", slot.Problem),
            _ => ("missing", slot.Problem ?? "it never sent a result"),
        };
        return new LoadSegmentInfo
        {
            Segment = slot.Segment.ToString(),
            Agent = slot.Name,
            State = state,
            LostAtSeconds = slot.LostAt?.TotalSeconds,
            LastHeardSeconds = view.LastHeard?.TotalSeconds,
            Reason = reason,
            Requests = view.Latest?.Summary.Requests ?? 0,
        };
    }
}
