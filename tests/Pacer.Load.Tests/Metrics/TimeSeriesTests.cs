using Pacer.Load.Metrics;
using Xunit;

namespace Pacer.Load.Tests.Metrics;

public sealed class TimeSeriesTests
{
    [Fact]
    public void Each_second_gets_its_own_counts_percentiles_and_vus()
    {
        var clock = new ManualTimeProvider();
        var series = new TimeSeries(clock);

        series.ObserveActiveVus(5);
        for (var i = 1; i <= 100; i++)
        {
            series.Record(TimeSpan.FromMilliseconds(i), failed: i > 95);
        }

        clock.Advance(TimeSpan.FromSeconds(1));
        series.ObserveActiveVus(8);
        for (var i = 0; i < 10; i++)
        {
            series.Record(TimeSpan.FromMilliseconds(200), failed: false);
        }

        clock.Advance(TimeSpan.FromSeconds(1));
        series.Complete();

        var points = series.Points;
        Assert.Equal(3, points.Count);
        Assert.Equal((0L, 100L, 5L, 5), (points[0].Second, points[0].Requests, points[0].Errors, points[0].ActiveVus));
        Assert.InRange(points[0].P50, 49_500_000, 50_500_000);
        Assert.InRange(points[0].P95, 94_000_000, 96_000_000);
        Assert.InRange(points[0].P99, 98_000_000, 100_000_000);
        Assert.Equal((1L, 10L, 0L, 8), (points[1].Second, points[1].Requests, points[1].Errors, points[1].ActiveVus));
        Assert.InRange(points[1].P99, 199_000_000, 201_000_000);
        Assert.Equal((2L, 0L, 8), (points[2].Second, points[2].Requests, points[2].ActiveVus));
    }

    [Fact]
    public void Flush_closes_only_seconds_that_ended_more_than_a_second_ago()
    {
        var clock = new ManualTimeProvider();
        var series = new TimeSeries(clock);
        series.Record(TimeSpan.FromMilliseconds(1), failed: false);

        clock.Advance(TimeSpan.FromMilliseconds(1_500));
        series.Flush();
        Assert.Empty(series.Points);

        // A late recording for second 1 is still accepted; second 0 closes once second 2 is over.
        series.Record(TimeSpan.FromMilliseconds(1), failed: false);
        clock.Advance(TimeSpan.FromMilliseconds(1_000));
        series.Flush();

        Assert.Equal([0L], series.Points.Select(p => p.Second));
        Assert.Equal(1, series.Points[0].Requests);
    }

    [Fact]
    public void Memory_is_bounded_by_the_capacity_and_slots_are_recycled()
    {
        var clock = new ManualTimeProvider();
        var series = new TimeSeries(clock, capacity: 60);

        for (var second = 0; second < 600; second++)
        {
            series.Record(TimeSpan.FromMilliseconds(second + 1), failed: false);
            clock.Advance(TimeSpan.FromSeconds(1));
            series.Flush();
        }

        series.Complete();
        var points = series.Points;
        Assert.Equal(60, points.Count);
        Assert.Equal(600 + 1 - 60, series.DroppedPoints);
        Assert.All(points.SkipLast(1), p => Assert.Equal(1, p.Requests));
        Assert.InRange(points[^2].P99, 598_000_000, 602_000_000);
    }
}
