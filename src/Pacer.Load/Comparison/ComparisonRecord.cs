using Pacer.Load.Results;

namespace Pacer.Load.Comparison;

/// <summary>Turns a <see cref="ComparisonResult"/> into the result file's <see cref="LoadComparison"/>.</summary>
public static class ComparisonRecord
{
    public static LoadComparison Of(ComparisonResult comparison, IReadOnlyList<LoadResult> baselines)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(baselines);
        var rows = new List<ComparedValue>();
        foreach (var step in new[] { comparison.Overall }.Concat(comparison.Steps))
        {
            if (step.Presence != StepPresence.Both)
            {
                rows.Add(new ComparedValue { Step = step.Name, Verdict = step.Presence == StepPresence.OnlyCurrent ? "new step" : "missing in current" });
                continue;
            }

            rows.AddRange(step.Metrics.Select(metric => new ComparedValue
            {
                Step = step.Name,
                Metric = metric.Metric.Label(),
                Baselines = metric.Baselines,
                Current = metric.Current,
                ChangePercent = metric.ChangePercent,
                Verdict = metric.HasData ? Word(metric.Verdict) : "no data",
            }));
        }

        return new LoadComparison
        {
            Tolerance = comparison.Tolerance,
            Verdict = Word(comparison.Verdict),
            Notes = comparison.Notes,
            Baselines = [.. baselines.Select(b => new ComparedBaseline { StartedAt = b.StartedAt, Executor = b.Executor, Requests = b.Summary.Requests, Rps = b.Summary.Rps })],
            Metrics = rows,
        };
    }

    private static string Word(ComparisonVerdict verdict) => verdict switch
    {
        ComparisonVerdict.Improved => "improved",
        ComparisonVerdict.Regressed => "regressed",
        _ => "same",
    };
}
