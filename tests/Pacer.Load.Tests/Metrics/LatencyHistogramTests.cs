using System.Text.Json;
using Pacer.Load.Metrics;
using Xunit;

namespace Pacer.Load.Tests.Metrics;

public sealed class LatencyHistogramTests
{
    private static readonly double[] Percentiles = [0, 1, 10, 25, 50, 75, 90, 95, 99, 99.9, 99.99, 100];
    private const long OneMicrosecond = 1_000;
    private const long OneHour = 3_600_000_000_000;

    public static TheoryData<string, int> Distributions => new()
    {
        { "log-uniform 1us..1h", 1 },
        { "exponential mean 20ms", 2 },
        { "lognormal median 5ms", 3 },
        { "bimodal 2ms and 900ms", 4 },
        { "uniform 1us..2us", 5 },
    };

    [Theory]
    [MemberData(nameof(Distributions))]
    public void Percentiles_are_within_one_percent_of_exact_percentiles(string distribution, int seed)
    {
        var values = Sample(distribution, seed, 200_000);
        var histogram = new LatencyHistogram();
        foreach (var value in values)
        {
            histogram.RecordNanoseconds(value);
        }

        Array.Sort(values);
        foreach (var percentile in Percentiles)
        {
            var exact = ExactPercentile(values, percentile);
            var reported = histogram.ValueAtPercentile(percentile);
            var error = Math.Abs(reported - exact) / (double)exact;
            Assert.True(error <= 0.01, $"{distribution}: p{percentile} exact {exact} ns, reported {reported} ns, error {error:P3}");
        }

        Assert.Equal(values.Length, histogram.Count);
        Assert.Equal(values[0], histogram.Min);
        Assert.Equal(values[^1], histogram.Max);
        var exactMean = values.Average(v => (double)v);
        Assert.True(Math.Abs(histogram.Mean - exactMean) / exactMean < 1e-9, "the mean is exact");
    }

    [Fact]
    public void Worst_relative_error_over_the_whole_range_is_within_the_scheme_bound()
    {
        var scheme = HistogramScheme.Default;
        var worst = 0.0;
        // Every value from 1 µs to 1 h, stepping 0.1 % so each bucket is probed several times.
        for (double value = OneMicrosecond; value <= OneHour; value *= 1.001)
        {
            var v = (long)value;
            var reported = scheme.Representative(scheme.IndexOf(v));
            worst = Math.Max(worst, Math.Abs(reported - v) / (double)v);
        }

        Assert.True(worst <= scheme.MaxRelativeError, $"worst {worst:P4}");
        Assert.True(scheme.MaxRelativeError < 0.01);
    }

    [Fact]
    public void Bucket_bounds_are_contiguous_and_cover_the_range()
    {
        var scheme = HistogramScheme.Default;
        for (var i = 1; i < scheme.BucketCount; i++)
        {
            Assert.Equal(scheme.LowerBound(i - 1) + scheme.Width(i - 1), scheme.LowerBound(i));
            Assert.Equal(i, scheme.IndexOf(scheme.LowerBound(i)));
            Assert.Equal(i - 1, scheme.IndexOf(scheme.LowerBound(i) - 1));
        }

        Assert.True(scheme.LowerBound(scheme.BucketCount - 1) <= OneHour);
        Assert.True(scheme.BucketCount < 5_000, $"{scheme.BucketCount} buckets");
    }

    [Fact]
    public void The_hot_path_bucket_mapping_matches_the_scheme()
    {
        var histogram = new LatencyHistogram();
        for (double value = 0.5; value <= OneHour; value = (value * 1.0007) + 1)
        {
            Assert.Equal(histogram.Scheme.IndexOf((long)value), histogram.IndexOf((long)value));
        }
    }

    [Fact]
    public void Merged_histograms_equal_one_histogram_over_all_values()
    {
        var a = Sample("lognormal median 5ms", 11, 50_000);
        var b = Sample("bimodal 2ms and 900ms", 12, 30_000);
        var left = Histogram(a);
        var right = Histogram(b);
        var all = Histogram([.. a, .. b]);

        left.Add(right);

        Assert.Equal(all.ToData().BucketCounts, left.ToData().BucketCounts);
        Assert.Equal(all.Summarize(), left.Summarize());
    }

    [Fact]
    public void Serialised_form_round_trips_exactly_through_json()
    {
        var original = Histogram(Sample("exponential mean 20ms", 21, 20_000));
        original.RecordNanoseconds(OneHour * 2);

        var json = JsonSerializer.Serialize(original.ToData());
        var restored = LatencyHistogram.FromData(JsonSerializer.Deserialize<HistogramData>(json)!);

        Assert.Equal(original.Summarize(), restored.Summarize());
        Assert.Equal(original.ToData().BucketIndexes, restored.ToData().BucketIndexes);
        Assert.Equal(original.ToData().BucketCounts, restored.ToData().BucketCounts);
        Assert.Equal(1, restored.Clamped);
        Assert.Equal(original.Sum, restored.Sum);
        Assert.True(original.ToData().BucketIndexes.Length < original.Scheme.BucketCount / 2, "only non-zero buckets are written");
        Assert.DoesNotContain(0, original.ToData().BucketCounts);
    }

    [Fact]
    public void Merging_two_serialised_runs_gives_the_percentiles_of_one_run_over_both()
    {
        var a = Sample("log-uniform 1us..1h", 31, 10_000);
        var b = Sample("exponential mean 20ms", 32, 10_000);
        var fromFiles = LatencyHistogram.FromData(Histogram(a).ToData());
        fromFiles.Add(LatencyHistogram.FromData(Histogram(b).ToData()));

        Assert.Equal(Histogram([.. a, .. b]).Summarize(), fromFiles.Summarize());
    }

    [Fact]
    public void Concurrent_recording_from_many_threads_loses_no_counts()
    {
        var histogram = new LatencyHistogram();
        const int Threads = 8;
        const int PerThread = 50_000;
        Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, t =>
        {
            for (var i = 0; i < PerThread; i++)
            {
                // A handful of hot buckets maximises contention on the same counters.
                histogram.RecordNanoseconds(1_000_000 + (i % 4));
            }
        });

        Assert.Equal(Threads * PerThread, histogram.Count);
        Assert.Equal((long)Threads * PerThread * 1_000_000 + (Threads * (PerThread / 4) * 6), histogram.Sum);
    }

    [Fact]
    public void Edge_values_are_recorded_and_values_past_the_range_are_clamped_and_counted()
    {
        var histogram = new LatencyHistogram();
        histogram.RecordNanoseconds(0);
        histogram.RecordNanoseconds(OneMicrosecond);
        histogram.RecordNanoseconds(OneHour);
        histogram.RecordNanoseconds(OneHour * 24);
        histogram.RecordNanoseconds(-5);

        Assert.Equal(5, histogram.Count);
        Assert.Equal(1, histogram.Clamped);
        Assert.Equal(0, histogram.Min);
        Assert.Equal(OneHour, histogram.Max);
        Assert.Equal(0, histogram.ValueAtPercentile(0));
        Assert.Equal(OneMicrosecond, histogram.ValueAtPercentile(50), OneMicrosecond / 100.0);
        Assert.Equal(OneHour, histogram.ValueAtPercentile(100));
    }

    [Fact]
    public void Empty_histogram_reports_zeros()
    {
        var summary = new LatencyHistogram().Summarize();

        Assert.Equal(new LatencySummary(0, 0, 0, 0, 0, 0, 0, 0, 0), summary);
    }

    [Fact]
    public void Histograms_with_different_schemes_do_not_merge()
    {
        var coarse = new LatencyHistogram(new HistogramScheme(6, OneHour));

        Assert.Throws<InvalidOperationException>(() => new LatencyHistogram().Add(coarse));
    }

    [Fact]
    public void Recording_does_not_allocate()
    {
        var histogram = new LatencyHistogram();
        histogram.RecordNanoseconds(1);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            histogram.RecordNanoseconds(i * 1_000L);
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    private static LatencyHistogram Histogram(long[] values)
    {
        var histogram = new LatencyHistogram();
        foreach (var value in values)
        {
            histogram.RecordNanoseconds(value);
        }

        return histogram;
    }

    private static long ExactPercentile(long[] sorted, double percentile)
    {
        var rank = (long)Math.Ceiling((percentile / 100.0 * sorted.Length) - 1e-9);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }

    private static long[] Sample(string distribution, int seed, int count)
    {
        var random = new Random(seed);
        var values = new long[count];
        for (var i = 0; i < count; i++)
        {
            double ns = distribution switch
            {
                "log-uniform 1us..1h" => Math.Exp(Math.Log(OneMicrosecond) + (random.NextDouble() * (Math.Log(OneHour) - Math.Log(OneMicrosecond)))),
                "exponential mean 20ms" => -Math.Log(1 - random.NextDouble()) * 20e6,
                "lognormal median 5ms" => Math.Exp(Math.Log(5e6) + (0.8 * Gaussian(random))),
                "bimodal 2ms and 900ms" => random.NextDouble() < 0.97 ? 2e6 + (random.NextDouble() * 1e6) : 900e6 + (random.NextDouble() * 100e6),
                "uniform 1us..2us" => OneMicrosecond + (random.NextDouble() * OneMicrosecond),
                _ => throw new ArgumentOutOfRangeException(nameof(distribution)),
            };
            values[i] = Math.Clamp((long)ns, OneMicrosecond, OneHour);
        }

        return values;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
