namespace Pacer.Load.Results;

/// <summary>
/// Aligns the time series of several result files by wall clock (started_at + second, to the
/// nearest second). Points in the same second add requests, errors, VUs, iterations, dropped
/// iterations and target rates (concurrent runs, e.g. agents of one distributed test, add up);
/// the files keep no per-second histograms, so their percentiles are combined as request-weighted
/// means (approximate). Steps' series are aligned the same way.
/// </summary>
internal static class LoadTimeSeriesMerger
{
    public static List<LoadTimePoint> Merge(IEnumerable<LoadResult> results, DateTimeOffset start)
    {
        var points = results
            .SelectMany(r => r.TimeSeries.Select(p => p with { Second = p.Second + Offset(r, start) }))
            .GroupBy(p => p.Second)
            .OrderBy(g => g.Key);
        return [.. points.Select(group =>
        {
            var requests = group.Sum(p => p.Requests);
            double Weighted(Func<LoadTimePoint, double> value) =>
                requests == 0 ? group.Max(value) : group.Sum(p => value(p) * p.Requests) / requests;
            var targets = group.Select(p => p.TargetRate).OfType<double>().ToList();
            return new LoadTimePoint
            {
                Second = group.Key,
                Requests = requests,
                Errors = group.Sum(p => p.Errors),
                P50Ms = Weighted(p => p.P50Ms),
                P95Ms = Weighted(p => p.P95Ms),
                P99Ms = Weighted(p => p.P99Ms),
                Vus = group.Sum(p => p.Vus),
                Iterations = group.Sum(p => p.Iterations),
                Dropped = group.Sum(p => p.Dropped),
                TargetRate = targets.Count == 0 ? null : targets.Sum(),
                LengthSeconds = group.Max(p => p.LengthSeconds),
            };
        })];
    }

    /// <summary>One step's series from every file that has the step, aligned as <see cref="Merge"/> aligns the run's.</summary>
    public static List<LoadStepTimePoint> MergeStep(IEnumerable<(LoadResult Result, LoadStepResult Step)> parts, DateTimeOffset start) =>
        [.. parts
            .SelectMany(part => part.Step.TimeSeries.Select(p => p with { Second = p.Second + Offset(part.Result, start) }))
            .GroupBy(p => p.Second)
            .OrderBy(g => g.Key)
            .Select(group =>
            {
                var requests = group.Sum(p => p.Requests);
                double Weighted(Func<LoadStepTimePoint, double> value) =>
                    requests == 0 ? group.Max(value) : group.Sum(p => value(p) * p.Requests) / requests;
                return new LoadStepTimePoint
                {
                    Second = group.Key,
                    Requests = requests,
                    Errors = group.Sum(p => p.Errors),
                    P50Ms = Weighted(p => p.P50Ms),
                    P95Ms = Weighted(p => p.P95Ms),
                    P99Ms = Weighted(p => p.P99Ms),
                };
            })];

    private static long Offset(LoadResult result, DateTimeOffset start) => (long)Math.Round((result.StartedAt - start).TotalSeconds);
}
