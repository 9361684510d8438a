namespace Pacer.Load.Results;

/// <summary>How <see cref="LoadResultMerger"/> adds up the counts of several result files: exactly, key by key.</summary>
internal static class ResultSums
{
    /// <summary>Responses by status code, added code by code (exact); keys stay in status order.</summary>
    public static Dictionary<string, long> Statuses(IEnumerable<IReadOnlyDictionary<string, long>> all) =>
        Kinds(all)
            .OrderBy(pair => int.TryParse(pair.Key, System.Globalization.CultureInfo.InvariantCulture, out var status) ? status : int.MaxValue)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);

    public static Checks Checks(IEnumerable<Checks> all)
    {
        var list = all.ToList();
        return new Checks { Total = list.Sum(c => c.Total), Passed = list.Sum(c => c.Passed), Skipped = list.Sum(c => c.Skipped) };
    }

    // A version-1 file does not say how many requests succeeded (-1): the merged SLA then counts on the others.
    public static long Succeeded(List<SlaResult> slas) =>
        slas.All(s => s.Succeeded < 0) ? -1 : slas.Where(s => s.Succeeded > 0).Sum(s => s.Succeeded);

    public static Dictionary<string, long> Kinds(IEnumerable<IReadOnlyDictionary<string, long>> all)
    {
        var sum = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (kind, count) in all.SelectMany(d => d))
        {
            sum[kind] = sum.GetValueOrDefault(kind) + count;
        }

        return sum;
    }
}
