using Pacer.Core.Plan;
using Pacer.Load.Metrics;
using Pacer.Load.Results;
using Xunit;

namespace Pacer.Load.Tests.Results;

public sealed class LoadResultMergerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 3, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Merged_percentiles_equal_one_histogram_over_all_the_data(int seed)
    {
        var random = new Random(seed);
        var a = new ResultBuilder(T0, 10);
        var b = new ResultBuilder(T0, 10);
        var all = new LatencyHistogram();
        var login = new LatencyHistogram();
        for (var i = 0; i < 20_000; i++)
        {
            // Log-normal around 5 ms with a long tail, split at random between the two files and two steps.
            var nanoseconds = (long)(5e6 * Math.Exp(random.NextDouble() * 4 - 2) * (random.Next(100) == 0 ? 50 : 1));
            var step = random.Next(3) == 0 ? "Login" : "Browse";
            (random.Next(2) == 0 ? a : b).Request(step, nanoseconds);
            all.RecordNanoseconds(nanoseconds);
            if (step == "Login")
            {
                login.RecordNanoseconds(nanoseconds);
            }
        }

        var merged = LoadResultMerger.Merge([a.Build(), b.Build()]);

        Assert.Equal(LatencyMilliseconds.From(all), merged.Summary.LatencyMs);
        Assert.Equal(LatencyMilliseconds.From(login), merged.Steps.Single(s => s.Name == "Login").LatencyMs);
        Assert.Equal(all.ToData().BucketCounts, merged.Histograms.Overall!.BucketCounts);
        Assert.Equal(all.ToData().BucketIndexes, merged.Histograms.Overall!.BucketIndexes);
        Assert.Equal(20_000, merged.Summary.Requests);
    }

    [Fact]
    public void The_clients_garbage_collections_survive_the_file_and_add_up_in_a_merge()
    {
        var a = new ResultBuilder(T0, 5).Build() with { Client = new LoadClientInfo { GcCollections = 2, GcPauseMs = 7.5 } };
        var b = new ResultBuilder(T0, 5).Build() with { Client = new LoadClientInfo { GcCollections = 1, GcPauseMs = 3 } };

        var merged = LoadResultMerger.Merge([RoundTrip(a), RoundTrip(b)]);

        Assert.Equal(new LoadClientInfo { GcCollections = 3, GcPauseMs = 10.5 }, merged.Client);
        Assert.Contains("\"gc_pause_ms\": 7.5", System.Text.Json.JsonSerializer.Serialize(a, LoadResultJson.Options), StringComparison.Ordinal);
    }

    [Fact]
    public void A_runs_share_of_the_clients_pauses_is_the_difference_of_two_readings()
    {
        var before = new LoadClientInfo { GcCollections = 4, GcPauseMs = 12.25 };
        var after = new LoadClientInfo { GcCollections = 6, GcPauseMs = 20 };

        Assert.Equal(new LoadClientInfo { GcCollections = 2, GcPauseMs = 7.75 }, after.Since(before));
        Assert.True(LoadClientInfo.Now().GcPauseMs >= 0);
    }

    [Fact]
    public void Merging_files_read_back_from_json_gives_the_same_percentiles_as_merging_in_memory()
    {
        var random = new Random(7);
        var a = new ResultBuilder(T0, 5);
        var b = new ResultBuilder(T0, 5);
        for (var i = 0; i < 5000; i++)
        {
            (i % 2 == 0 ? a : b).Request("Get", random.NextInt64(100_000, 900_000_000));
        }

        var inMemory = LoadResultMerger.Merge([a.Build(), b.Build()]);
        var fromFiles = LoadResultMerger.Merge([RoundTrip(a.Build()), RoundTrip(b.Build())]);

        Assert.Equal(inMemory.Summary.LatencyMs, fromFiles.Summary.LatencyMs);
        Assert.Equal(inMemory.Steps[0].LatencyMs, fromFiles.Steps[0].LatencyMs);
    }

    [Fact]
    public void Counts_failures_by_kind_bytes_and_iterations_are_summed()
    {
        var a = new ResultBuilder(T0, 10).Request("Login", 1_000_000).Request("Login", 2_000_000, "5xx").Request("Cart", 3_000_000, "timeout");
        var b = new ResultBuilder(T0, 10).Request("Login", 4_000_000, "5xx").Request("Cart", 5_000_000);

        var merged = LoadResultMerger.Merge([a.Build(), b.Build()]);

        Assert.Equal(5, merged.Summary.Requests);
        Assert.Equal(3, merged.Summary.Failures);
        Assert.Equal(0.6, merged.Summary.ErrorRate, 9);
        Assert.Equal(2, merged.Summary.FailuresByKind["5xx"]);
        Assert.Equal(1, merged.Summary.FailuresByKind["timeout"]);
        Assert.Equal(500, merged.Summary.BytesIn);
        Assert.Equal(50, merged.Summary.BytesOut);
        Assert.Equal(new IterationCounts { Started = 5, Completed = 2, Failed = 3, Dropped = 2 }, merged.Summary.Iterations);
        Assert.Equal(4, merged.Summary.SlaViolations);
        var login = merged.Steps.Single(s => s.Name == "Login");
        Assert.Equal(3, login.Requests);
        Assert.Equal(2, login.Failures);
        Assert.Equal(new SlaResult { BudgetMs = 200, Violations = 2 }, login.Sla);
        Assert.Equal(1.0, merged.Summary.LatencyMs.Min, 2);
        Assert.Equal(5.0, merged.Summary.LatencyMs.Max, 2);
    }

    [Fact]
    public void Concurrent_runs_count_their_shared_window_once_so_rps_is_the_combined_throughput()
    {
        var a = Requests(new ResultBuilder(T0, 10), 1000);
        var b = Requests(new ResultBuilder(T0, 10), 3000);

        var merged = LoadResultMerger.Merge([a.Build(), b.Build()]);

        Assert.Equal(10, merged.DurationSeconds, 9);
        Assert.Equal(400, merged.Summary.Rps, 9);
        Assert.Equal(400, merged.Steps[0].Rps, 9);
    }

    [Fact]
    public void Sequential_runs_add_their_durations_without_the_gap_between_them()
    {
        var a = Requests(new ResultBuilder(T0, 10), 1000);
        var b = Requests(new ResultBuilder(T0.AddMinutes(5), 10), 1000);

        var merged = LoadResultMerger.Merge([a.Build(), b.Build()]);

        Assert.Equal(20, merged.DurationSeconds, 9);
        Assert.Equal(100, merged.Summary.Rps, 9);
        Assert.Equal(T0, merged.StartedAt);
        Assert.Equal(T0.AddMinutes(5).AddSeconds(10), merged.EndedAt);
    }

    [Fact]
    public void Partly_overlapping_runs_count_the_union_of_their_windows()
    {
        var merged = LoadResultMerger.Merge([
            Requests(new ResultBuilder(T0, 10), 10).Build(),
            Requests(new ResultBuilder(T0.AddSeconds(5), 10), 10).Build(),
        ]);

        Assert.Equal(15, merged.DurationSeconds, 9);
    }

    [Fact]
    public void Time_series_are_aligned_by_wall_clock_and_peak_vus_add_up_for_concurrent_runs()
    {
        var a = Requests(new ResultBuilder(T0, 3), 1).Second(0, 100, 4, p95Ms: 10).Second(1, 100, 4, p95Ms: 10).Second(2, 100, 4, p95Ms: 10);
        var b = Requests(new ResultBuilder(T0.AddSeconds(1), 2), 1).Second(0, 300, 6, p95Ms: 30).Second(1, 300, 6, p95Ms: 30);

        var merged = LoadResultMerger.Merge([a.Build(peakVus: 4), b.Build(peakVus: 6)]);

        Assert.Equal([0L, 1, 2], merged.TimeSeries.Select(p => p.Second));
        Assert.Equal([100L, 400, 400], merged.TimeSeries.Select(p => p.Requests));
        Assert.Equal([4, 10, 10], merged.TimeSeries.Select(p => p.Vus));

        // Request-weighted: (100 × 10 + 300 × 30) / 400.
        Assert.Equal(25, merged.TimeSeries[1].P95Ms, 9);
        Assert.Equal(10, merged.Summary.PeakVus);
    }

    [Fact]
    public void Thresholds_are_re_evaluated_over_the_merged_data()
    {
        var fast = new ResultBuilder(T0, 10).Threshold("p95<50ms").Threshold("errors<1%").Threshold("step[Login].p99<80ms").Threshold("errors<2%");
        var slow = new ResultBuilder(T0, 10).Threshold("p95<50ms");
        for (var i = 0; i < 1000; i++)
        {
            fast.Request("Login", 10_000_000);
            slow.Request("Login", 100_000_000, i < 30 ? "5xx" : null);
        }

        var merged = LoadResultMerger.Merge([fast.Build(), slow.Build()]);

        Assert.Equal(["p95<50ms", "errors<1%", "step[Login].p99<80ms", "errors<2%"], merged.Thresholds.Select(t => t.Text));
        var p95 = merged.Thresholds[0];
        Assert.False(p95.Passed);
        Assert.Equal(merged.Summary.LatencyMs.P95, p95.Actual);
        Assert.InRange(p95.Actual!.Value, 99.6, 100.4);
        Assert.EndsWith("ms", p95.ActualText, StringComparison.Ordinal);
        Assert.False(merged.Thresholds[1].Passed);
        Assert.Equal(0.015, merged.Thresholds[1].Actual!.Value, 9);
        Assert.Equal("Login", merged.Thresholds[2].Step);
        Assert.False(merged.Thresholds[2].Passed);
        Assert.True(merged.Thresholds[3].Passed);
        Assert.False(merged.Passed);
    }

    [Fact]
    public void Merged_run_passes_when_every_re_evaluated_threshold_holds()
    {
        var a = Requests(new ResultBuilder(T0, 10), 100).Threshold("p99<1s").Threshold("rps>15");
        var b = Requests(new ResultBuilder(T0, 10), 100);

        var merged = LoadResultMerger.Merge([a.Build(), b.Build()]);

        Assert.True(merged.Passed);
        Assert.Equal(20, merged.Thresholds[1].Actual!.Value, 9);
    }

    [Fact]
    public void A_threshold_this_build_cannot_parse_keeps_the_files_joint_verdict()
    {
        var a = Requests(new ResultBuilder(T0, 10), 10).Threshold("p42 ~ 3").Build();
        var b = Requests(new ResultBuilder(T0, 10), 10).Threshold("p42 ~ 3").Build();
        b = b with { Thresholds = [b.Thresholds[0] with { Passed = false }] };

        var merged = LoadResultMerger.Merge([a, b]);

        var threshold = Assert.Single(merged.Thresholds);
        Assert.False(threshold.Passed);
        Assert.Equal("not re-evaluated", threshold.ActualText);
        Assert.False(merged.Passed);
    }

    [Fact]
    public void Files_with_different_histogram_schemes_are_refused_naming_both()
    {
        var a = Requests(new ResultBuilder(T0, 10), 10);
        var b = Requests(new ResultBuilder(T0, 10, new HistogramScheme(7, HistogramScheme.Default.HighestTrackableNanoseconds)), 10);

        var error = Assert.Throws<InvalidDataException>(() => LoadResultMerger.Merge([a.Build(), b.Build()], ["a.json", "b.json"]));

        Assert.Contains("b.json: histogram scheme", error.Message, StringComparison.Ordinal);
        Assert.Contains("a.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be merged exactly", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_with_requests_but_no_histogram_is_refused_because_percentiles_cannot_be_recomputed()
    {
        var a = Requests(new ResultBuilder(T0, 10), 10).Build();
        var b = Requests(new ResultBuilder(T0, 10), 10).Build();
        b = b with { Histograms = b.Histograms with { Overall = null } };

        var error = Assert.Throws<InvalidDataException>(() => LoadResultMerger.Merge([a, b], ["a.json", "b.json"]));

        Assert.StartsWith("b.json: histograms.overall is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Aborted_runs_say_which_file_stopped_and_why()
    {
        var a = Requests(new ResultBuilder(T0, 10), 10).Build() with { Aborted = "interrupted" };
        var b = Requests(new ResultBuilder(T0, 10), 10).Build();

        var merged = LoadResultMerger.Merge([a, b], ["a.json", "b.json"]);

        Assert.Equal("a.json: interrupted", merged.Aborted);
        Assert.Equal("constant-vus", merged.Executor.Type);
        Assert.Equal("2", merged.Executor.Settings["merged_files"]);
    }

    [Fact]
    public void Iteration_durations_merge_when_every_file_has_them_and_are_left_out_rather_than_guessed_otherwise()
    {
        var a = Requests(new ResultBuilder(T0, 10), 5).Build();
        var b = Requests(new ResultBuilder(T0, 10), 5).Build();
        var first = new LatencyHistogram();
        var second = new LatencyHistogram();
        var both = new LatencyHistogram();
        for (var i = 1; i <= 100; i++)
        {
            (i % 3 == 0 ? first : second).RecordNanoseconds(i * 1_000_000L);
            both.RecordNanoseconds(i * 1_000_000L);
        }

        var merged = LoadResultMerger.Merge([
            a with { Histograms = a.Histograms with { Iterations = first.ToData() } },
            b with { Histograms = b.Histograms with { Iterations = second.ToData() } },
        ]);
        var partial = LoadResultMerger.Merge([a with { Histograms = a.Histograms with { Iterations = first.ToData() } }, b]);

        Assert.Equal(LatencyMilliseconds.From(both), merged.Summary.IterationDurationMs);
        Assert.Null(partial.Histograms.Iterations);
        Assert.Equal(new LatencyMilliseconds(), partial.Summary.IterationDurationMs);
    }

    private static ResultBuilder Requests(ResultBuilder builder, int count)
    {
        for (var i = 0; i < count; i++)
        {
            builder.Request("Get", 1_000_000 + i);
        }

        return builder;
    }

    private static LoadResult RoundTrip(LoadResult result)
    {
        using var stream = new MemoryStream();
        LoadResultJson.Write(result, stream);
        stream.Position = 0;
        return LoadResultJson.Read(stream, "memory");
    }
}
