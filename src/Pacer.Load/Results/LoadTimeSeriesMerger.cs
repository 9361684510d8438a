namespace Pacer.Load.Results;

/// <summary>
/// Aligns the time series of several result files by wall clock (started_at + second, to the
/// nearest second). Points in the same second add requests, errors and VUs; the files keep no
/// per-second histograms, so their percentiles are combined as request-weighted means (approximate).
/// </summary>
internal static class LoadTimeSeriesMerger
{
    public static List<LoadTimePoint> Merge(IEnumerable<LoadResult> results, DateTimeOffset start)
    {
        var points = results
            .SelectMany(r =>
            {
                var offset = (long)Math.Round((r.StartedAt - start).TotalSeconds);
                return r.TimeSeries.Select(p => p with { Second = p.Second + offset });
            })
            .GroupBy(p => p.Second)
            .OrderBy(g => g.Key);
        return [.. points.Select(group =>
        {
            var requests = group.Sum(p => p.Requests);
            double Weighted(Func<LoadTimePoint, double> value) =>
                requests == 0 ? group.Max(value) : group.Sum(p => value(p) * p.Requests) / requests;
            return new LoadTimePoint
            {
                Second = group.Key,
                Requests = requests,
                Errors = group.Sum(p => p.Errors),
                P50Ms = Weighted(p => p.P50Ms),
                P95Ms = Weighted(p => p.P95Ms),
                P99Ms = Weighted(p => p.P99Ms),
                Vus = group.Sum(p => p.Vus),
            };
        })];
    }
}
