using Pacer.Load.Metrics;

namespace Pacer.Load.Results;

/// <summary>
/// Merges result files into one, exactly where the files allow it (<c>pacer merge</c>, distributed runs):
/// <list type="bullet">
/// <item>Histograms are added bucket by bucket and every percentile, min, max and mean is recomputed
/// from the merged histograms, so the merge equals one run over all requests. Files recorded with
/// different histogram schemes are refused: their buckets do not line up.</item>
/// <item>Counts (requests, failures by kind, responses by status code, bytes, iterations, SLA violations) are summed.</item>
/// <item>Duration is the union of the runs' load windows [started_at, started_at + duration_seconds]:
/// concurrent runs (a distributed test, same wall-clock window) count their shared window once, so
/// requests/s is the combined throughput; sequential runs add their durations without the gaps,
/// so requests/s is the throughput while load was applied.</item>
/// <item>Time series are aligned by wall clock (started_at + second, to the nearest second); points that
/// land in the same second add requests, errors and VUs. The files keep no per-second histograms, so
/// per-second percentiles from several files are request-weighted means: approximate, unlike the totals.</item>
/// <item>Thresholds (the union of all files' thresholds, by text) are re-evaluated over the merged data with
/// <see cref="ThresholdEvaluator"/>; one that no longer parses keeps the files' joint verdict.</item>
/// </list>
/// </summary>
public static class LoadResultMerger
{
    /// <summary>Merges <paramref name="results"/>; <paramref name="names"/> (file names) appear in error messages. Throws <see cref="InvalidDataException"/> when the files cannot be merged exactly.</summary>
    public static LoadResult Merge(IReadOnlyList<LoadResult> results, IReadOnlyList<string>? names = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (results.Count == 0)
        {
            throw new ArgumentException("Nothing to merge: give at least one result.", nameof(results));
        }

        var sources = results.Select((result, i) => new Source(names is not null && i < names.Count ? names[i] : $"result {i + 1}", result)).ToList();
        RequireOneScheme(sources);
        var start = sources.Min(s => s.Result.StartedAt);
        var duration = UnionSeconds(sources);
        var steps = MergeSteps(sources, duration, start);
        var overall = MergeHistograms(sources, s => s.Result.Histograms.Overall, s => s.Result.Summary.Requests, "histograms.overall");
        var iterations = MergeOptionalHistograms(sources.Select(s => s.Result.Histograms.Iterations));
        var timeSeries = LoadTimeSeriesMerger.Merge(sources.Select(s => s.Result), start);
        var summary = MergeSummary(sources, overall, iterations, duration, timeSeries);
        var thresholds = MergedThresholds.Evaluate(sources.SelectMany(s => s.Result.Thresholds), summary, overall, steps.ToDictionary(s => s.Result.Name, s => (s.Result, s.Histogram), StringComparer.Ordinal), duration);
        var aborted = sources.Where(s => s.Result.Aborted is not null).Select(s => $"{s.Name}: {s.Result.Aborted}").ToList();

        return new LoadResult
        {
            Version = LoadResultJson.CurrentVersion,
            StartedAt = start,
            EndedAt = sources.Max(s => s.Result.EndedAt),
            DurationSeconds = duration,
            Flows = [.. sources.SelectMany(s => s.Result.Flows).Distinct(StringComparer.Ordinal)],
            Environment = Common(sources.Select(s => s.Result.Environment)),
            Executor = MergeExecutor(sources),
            Transport = MergeTransport(sources),
            Client = new LoadClientInfo { GcCollections = sources.Sum(s => s.Result.Client.GcCollections), GcPauseMs = sources.Sum(s => s.Result.Client.GcPauseMs) },
            Aborted = aborted.Count == 0 ? null : string.Join("; ", aborted),
            Passed = thresholds.All(t => t.Passed) && sources.All(s => s.Result.Aborted is null || s.Result.Passed) && sources.All(s => s.Result.Setup.All(step => step.Passed)),
            Setup = [.. sources.SelectMany(s => s.Result.Setup)],
            Summary = summary,
            Steps = [.. steps.Select(s => s.Result)],
            Thresholds = thresholds,
            TimeSeries = timeSeries,
            Histograms = new LoadResultHistograms
            {
                Overall = overall.ToData(),
                Iterations = iterations?.ToData(),
                Steps = steps.ToDictionary(s => s.Result.Name, s => s.Histogram.ToData(), StringComparer.Ordinal),
            },
        };
    }

    private static void RequireOneScheme(List<Source> sources)
    {
        (string Name, string Scheme)? first = null;
        foreach (var source in sources)
        {
            var h = source.Result.Histograms;
            foreach (var data in new[] { h.Overall, h.Iterations }.Concat(h.Steps.Values).OfType<HistogramData>())
            {
                var scheme = $"unit {data.Unit}, {data.SubBucketBits} sub-bucket bits, highest trackable {data.HighestTrackable}";
                if (first is null)
                {
                    first = (source.Name, scheme);
                }
                else if (first.Value.Scheme != scheme)
                {
                    throw new InvalidDataException(
                        $"{source.Name}: histogram scheme ({scheme}) differs from {first.Value.Name} ({first.Value.Scheme}); results recorded with different histogram schemes cannot be merged exactly");
                }
            }
        }
    }

    /// <summary>Seconds covered by at least one run's load window.</summary>
    private static double UnionSeconds(List<Source> sources)
    {
        var windows = sources
            .Select(s => (Start: s.Result.StartedAt, End: s.Result.StartedAt.AddSeconds(Math.Max(0, s.Result.DurationSeconds))))
            .OrderBy(w => w.Start)
            .ToList();
        double total = 0;
        var (start, end) = windows[0];
        foreach (var window in windows.Skip(1))
        {
            if (window.Start > end)
            {
                total += (end - start).TotalSeconds;
                (start, end) = window;
            }
            else if (window.End > end)
            {
                end = window.End;
            }
        }

        return total + (end - start).TotalSeconds;
    }

    private static LatencyHistogram MergeHistograms(List<Source> sources, Func<Source, HistogramData?> select, Func<Source, long> requests, string what)
    {
        var merged = (LatencyHistogram?)null;
        foreach (var source in sources)
        {
            var data = select(source);
            if (data is null)
            {
                if (requests(source) > 0)
                {
                    throw new InvalidDataException($"{source.Name}: {what} is missing although it counts {requests(source)} requests; percentiles cannot be recomputed without it");
                }

                continue;
            }

            var histogram = FromData(source, data);
            if (merged is null)
            {
                merged = histogram;
            }
            else
            {
                merged.Add(histogram);
            }
        }

        return merged ?? new LatencyHistogram();
    }

    /// <summary>Iteration histograms are merged when every file has one; otherwise they are left out rather than guessed.</summary>
    private static LatencyHistogram? MergeOptionalHistograms(IEnumerable<HistogramData?> all)
    {
        var list = all.ToList();
        if (list.Any(d => d is null))
        {
            return null;
        }

        var merged = LatencyHistogram.FromData(list[0]!);
        foreach (var data in list.Skip(1))
        {
            merged.Add(LatencyHistogram.FromData(data!));
        }

        return merged;
    }

    private static LatencyHistogram FromData(Source source, HistogramData data)
    {
        try
        {
            return LatencyHistogram.FromData(data);
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException)
        {
            throw new InvalidDataException($"{source.Name}: a histogram is malformed ({exception.Message})", exception);
        }
    }

    private static List<MergedStep> MergeSteps(List<Source> sources, double duration, DateTimeOffset start)
    {
        var names = sources.SelectMany(s => s.Result.Steps.Select(step => step.Name)).Distinct(StringComparer.Ordinal).ToList();
        var merged = new List<MergedStep>();
        foreach (var name in names)
        {
            var parts = sources
                .Select(s => (Source: s, Step: s.Result.Steps.FirstOrDefault(step => step.Name == name)))
                .Where(p => p.Step is not null)
                .Select(p => (p.Source, Step: p.Step!))
                .ToList();
            var histogram = MergeHistograms(
                [.. parts.Select(p => p.Source)],
                s => s.Result.Histograms.Steps.GetValueOrDefault(name),
                s => parts.First(p => ReferenceEquals(p.Source, s)).Step.Requests,
                $"histograms.steps[{name}]");
            var first = parts[0].Step;
            var requests = parts.Sum(p => p.Step.Requests);
            var failures = parts.Sum(p => p.Step.Failures);
            var slas = parts.Select(p => p.Step.Sla).OfType<SlaResult>().ToList();
            merged.Add(new MergedStep(
                new LoadStepResult
                {
                    Name = name,
                    Flow = first.Flow,
                    Method = first.Method,
                    Url = first.Url,
                    Requests = requests,
                    Failures = failures,
                    Rps = duration <= 0 ? 0 : requests / duration,
                    ErrorRate = requests == 0 ? 0 : (double)failures / requests,
                    FailuresByKind = ResultSums.Kinds(parts.Select(p => p.Step.FailuresByKind)),
                    LatencyMs = LatencyMilliseconds.From(histogram),
                    BytesIn = parts.Sum(p => p.Step.BytesIn),
                    BytesOut = parts.Sum(p => p.Step.BytesOut),
                    Sla = slas.Count == 0 ? null : new SlaResult { BudgetMs = slas[0].BudgetMs, Violations = slas.Sum(s => s.Violations), Succeeded = ResultSums.Succeeded(slas) },
                    Warnings = parts.Sum(p => p.Step.Warnings),
                    Retries = parts.Sum(p => p.Step.Retries),
                    Checks = ResultSums.Checks(parts.Select(p => p.Step.Checks)),
                    Samples = [.. parts.SelectMany(p => p.Step.Samples).DistinctBy(sample => sample.Kind)],
                    StatusCodes = ResultSums.Statuses(parts.Select(p => p.Step.StatusCodes)),
                    TimeSeries = LoadTimeSeriesMerger.MergeStep(parts.Select(p => (p.Source.Result, p.Step)), start),
                },
                histogram));
        }

        return merged;
    }

    private static LoadResultSummary MergeSummary(List<Source> sources, LatencyHistogram overall, LatencyHistogram? iterations, double duration, List<LoadTimePoint> timeSeries)
    {
        var summaries = sources.Select(s => s.Result.Summary).ToList();
        var requests = summaries.Sum(s => s.Requests);
        var failures = summaries.Sum(s => s.Failures);
        var peakOfSums = timeSeries.Count == 0 ? 0 : timeSeries.Max(p => p.Vus);
        return new LoadResultSummary
        {
            Requests = requests,
            Failures = failures,
            Rps = duration <= 0 ? 0 : requests / duration,
            ErrorRate = requests == 0 ? 0 : (double)failures / requests,
            FailuresByKind = ResultSums.Kinds(summaries.Select(s => s.FailuresByKind)),
            LatencyMs = LatencyMilliseconds.From(overall),
            BytesIn = summaries.Sum(s => s.BytesIn),
            BytesOut = summaries.Sum(s => s.BytesOut),
            Iterations = new IterationCounts
            {
                Started = summaries.Sum(s => s.Iterations.Started),
                Completed = summaries.Sum(s => s.Iterations.Completed),
                Failed = summaries.Sum(s => s.Iterations.Failed),
                Dropped = summaries.Sum(s => s.Iterations.Dropped),
            },
            IterationDurationMs = iterations is null ? new LatencyMilliseconds() : LatencyMilliseconds.From(iterations),

            // Concurrent runs peak together (the aligned series sums them); sequential ones peak apart.
            PeakVus = Math.Max(summaries.Max(s => s.PeakVus), peakOfSums),
            SlaViolations = summaries.Sum(s => s.SlaViolations),
            Warnings = summaries.Sum(s => s.Warnings),
            Retries = summaries.Sum(s => s.Retries),
            Checks = ResultSums.Checks(summaries.Select(s => s.Checks)),
            StatusCodes = ResultSums.Statuses(summaries.Select(s => s.StatusCodes)),
        };
    }

    private static LoadExecutorInfo MergeExecutor(List<Source> sources)
    {
        var types = sources.Select(s => s.Result.Executor.Type).Distinct(StringComparer.Ordinal).ToList();
        var settings = types.Count == 1 ? new Dictionary<string, string>(sources[0].Result.Executor.Settings) : [];
        settings["merged_files"] = sources.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new LoadExecutorInfo { Type = types.Count == 1 ? types[0] : string.Join("+", types), Settings = settings };
    }

    private static LoadTransportInfo MergeTransport(List<Source> sources)
    {
        var kinds = sources.Select(s => s.Result.Transport.Kind).Distinct(StringComparer.Ordinal).ToList();
        var reasons = sources.Select(s => s.Result.Transport.Reason).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return new LoadTransportInfo
        {
            Kind = kinds.Count == 1 ? kinds[0] : "mixed",
            Reason = kinds.Count == 1
                ? (reasons.Count == 0 ? null : string.Join("; ", reasons))
                : string.Join("; ", sources.Select(s => $"{s.Name}: {s.Result.Transport.Kind}{(s.Result.Transport.Reason is { } r ? $" ({r})" : "")}")),
        };
    }

    private static string? Common(IEnumerable<string?> values)
    {
        var distinct = values.Distinct(StringComparer.Ordinal).ToList();
        return distinct.Count == 1 ? distinct[0] : null;
    }

    private sealed record Source(string Name, LoadResult Result);

    private sealed record MergedStep(LoadStepResult Result, LatencyHistogram Histogram);
}
