using Pacer.Load.Metrics;
using Pacer.Reports.Html.Charts;
using Xunit;

namespace Pacer.Reports.Tests.Html;

public sealed class LatencyDistributionTests
{
    [Fact]
    public void Every_recorded_request_lands_in_exactly_one_bar()
    {
        var histogram = new LatencyHistogram();
        var random = new Random(7);
        for (var i = 0; i < 10_000; i++)
        {
            histogram.RecordNanoseconds((long)(2e6 * Math.Exp(random.NextDouble() * 4)));
        }

        var distribution = LatencyDistribution.From(histogram.ToData());

        Assert.Equal(LatencyDistribution.TargetBins, distribution.Bins.Count);
        Assert.Equal(10_000, distribution.Total);
        Assert.Equal(10_000, distribution.Bins.Sum(b => b.Count));
        Assert.True(distribution.Logarithmic);
        Assert.All(distribution.Bins.Zip(distribution.Bins.Skip(1)), pair => Assert.Equal(pair.First.ToMs, pair.Second.FromMs, 9));
        Assert.Equal(histogram.Min / 1e6, distribution.Bins[0].FromMs, 9);
        Assert.Equal(histogram.Max / 1e6, distribution.Bins[^1].ToMs, 9);
    }

    [Fact]
    public void Markers_are_the_histograms_own_percentiles()
    {
        var histogram = new LatencyHistogram();
        for (var ms = 1; ms <= 1000; ms++)
        {
            histogram.RecordNanoseconds(ms * 1_000_000L);
        }

        var markers = LatencyDistribution.From(histogram.ToData()).Markers.ToDictionary(m => m.Name, m => m.Ms);

        Assert.Equal(histogram.ValueAtPercentile(50) / 1e6, markers["p50"]);
        Assert.Equal(histogram.ValueAtPercentile(95) / 1e6, markers["p95"]);
        Assert.Equal(histogram.ValueAtPercentile(99) / 1e6, markers["p99"]);
        Assert.InRange(markers["p95"], 945, 955);
    }

    [Fact]
    public void Narrow_latencies_use_a_linear_axis_and_an_empty_histogram_no_bars()
    {
        var histogram = new LatencyHistogram();
        for (var i = 0; i < 100; i++)
        {
            histogram.RecordNanoseconds(10_000_000 + (i * 10_000));
        }

        Assert.False(LatencyDistribution.From(histogram.ToData()).Logarithmic);
        Assert.Empty(LatencyDistribution.From(new LatencyHistogram().ToData()).Bins);
        Assert.Empty(LatencyDistribution.From(null).Bins);
    }
}
