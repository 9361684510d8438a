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

        // The run ends exactly at 2 s: second 2 lasted no time and gets no point.
        var points = series.Points;
        Assert.Equal(2, points.Count);
        Assert.Equal((0L, 100L, 5L, 5), (points[0].Second, points[0].Requests, points[0].Errors, points[0].ActiveVus));
        Assert.InRange(points[0].P50, 49_500_000, 50_500_000);
        Assert.InRange(points[0].P95, 94_000_000, 96_000_000);
        Assert.InRange(points[0].P99, 98_000_000, 100_000_000);
        Assert.Equal((1L, 10L, 0L, 8), (points[1].Second, points[1].Requests, points[1].Errors, points[1].ActiveVus));
        Assert.InRange(points[1].P99, 199_000_000, 201_000_000);
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
        Assert.Equal(600 - 60, series.DroppedPoints);
        Assert.All(points.SkipLast(1), p => Assert.Equal(1, p.Requests));
        Assert.InRange(points[^2].P99, 598_000_000, 602_000_000);
    }

    [Fact]
    public void A_constant_vu_run_reports_its_vus_in_every_second_its_last_included()
    {
        var clock = new ManualTimeProvider();
        var series = new TimeSeries(clock);
        for (var vus = 1; vus <= 64; vus++)
        {
            series.ObserveActiveVus(vus);
        }

        for (var second = 0; second < 10; second++)
        {
            series.Record(TimeSpan.FromMilliseconds(5), failed: false);
            clock.Advance(TimeSpan.FromSeconds(1));
            series.SampleActiveVus(64); // the run's ticker, just after the second began
            series.Flush();
        }

        // The schedule ends at 10 s; the VUs finish their last iterations and stop 200 ms later,
        // before the ticker reads the count in second 10: it starts from the last reading.
        clock.Advance(TimeSpan.FromMilliseconds(200));
        for (var vus = 63; vus >= 0; vus--)
        {
            series.ObserveActiveVus(vus);
        }

        series.Complete();

        var points = series.Points;
        Assert.Equal(11, points.Count);
        Assert.All(points, p => Assert.Equal(64, p.ActiveVus));
        Assert.All(points.SkipLast(1), p => Assert.Equal(1, p.LengthSeconds));
        Assert.Equal(0.2, points[^1].LengthSeconds, 6);
    }

    [Fact]
    public void A_reading_from_one_thread_is_not_outdone_by_changes_seen_out_of_order()
    {
        var clock = new ManualTimeProvider();
        var series = new TimeSeries(clock);

        // Open model: iterations come and go, two VUs at most; a late report of "3" from a racing
        // thread in second 0 must not carry into second 1, which the ticker read as 1.
        series.ObserveActiveVus(2);
        series.ObserveActiveVus(3);
        series.SampleActiveVus(1);
        clock.Advance(TimeSpan.FromSeconds(1));
        series.SampleActiveVus(1);
        series.ObserveActiveVus(2);
        clock.Advance(TimeSpan.FromSeconds(1));
        series.Complete();

        Assert.Equal([3, 2], series.Points.Select(p => p.ActiveVus));
    }

    [Fact]
    public void A_run_that_ends_on_a_second_boundary_leaves_no_empty_sliver()
    {
        var clock = new ManualTimeProvider();
        var series = new TimeSeries(clock);
        series.Record(TimeSpan.FromMilliseconds(5), failed: false);
        clock.Advance(TimeSpan.FromSeconds(2));

        series.Complete();

        Assert.Equal([0L, 1L], series.Points.Select(p => p.Second));
    }

    [Fact]
    public void Steps_record_into_their_own_channels_and_the_runs_second_is_them_merged_exactly()
    {
        var clock = new ManualTimeProvider();
        var series = new TimeSeries(clock);
        var login = series.Channel("Login");
        var browse = series.Channel("Browse");
        Assert.Same(login, series.Channel("Login"));

        for (var i = 0; i < 10; i++)
        {
            login.RecordNanoseconds(1_000_000, failed: i == 0, clock.GetTimestamp());
            browse.RecordNanoseconds(100_000_000, failed: false, clock.GetTimestamp());
        }

        clock.Advance(TimeSpan.FromSeconds(2));
        browse.RecordNanoseconds(100_000_000, failed: false, clock.GetTimestamp());
        clock.Advance(TimeSpan.FromSeconds(1));
        series.Complete();

        var run = series.Points;
        Assert.Equal((20L, 1L), (run[0].Requests, run[0].Errors));
        Assert.InRange(run[0].P50, 996_000, 1_004_000);
        Assert.InRange(run[0].P95, 99_600_000, 100_400_000);
        var steps = series.StepPoints;
        Assert.Equal((0L, 10L, 1L), (steps["Login"][0].Second, steps["Login"][0].Requests, steps["Login"][0].Errors));
        Assert.InRange(steps["Login"][0].P99, 996_000, 1_004_000);
        Assert.Single(steps["Login"]); // seconds without a request of the step are left out
        Assert.Equal([0L, 2L], steps["Browse"].Select(p => p.Second));
        Assert.Equal(0, run[1].Requests);
    }

    [Fact]
    public void Iterations_and_dropped_iterations_are_counted_per_second()
    {
        var clock = new ManualTimeProvider();
        var series = new TimeSeries(clock);
        for (var i = 0; i < 5; i++)
        {
            series.RecordIterationStarted();
        }

        series.RecordDropped();
        clock.Advance(TimeSpan.FromSeconds(1));
        series.RecordIterationStarted();
        clock.Advance(TimeSpan.FromSeconds(1));
        series.Complete();

        Assert.Equal([(5L, 1L), (1L, 0L)], series.Points.Select(p => (p.Iterations, p.Dropped)));
    }

    [Fact]
    public void The_second_that_just_ended_is_readable_before_it_is_closed()
    {
        var clock = new ManualTimeProvider();
        var series = new TimeSeries(clock);
        Assert.Null(series.LastSecond());
        series.ObserveActiveVus(3);
        for (var i = 0; i < 100; i++)
        {
            series.Record(TimeSpan.FromMilliseconds(i + 1), failed: false);
        }

        clock.Advance(TimeSpan.FromMilliseconds(1_050));
        series.Flush();

        Assert.Empty(series.Points);
        var last = series.LastSecond()!;
        Assert.Equal((0L, 100L, 3), (last.Second, last.Requests, last.ActiveVus));
        Assert.InRange(last.P95, 94_000_000, 96_000_000);

        // Reading it did not consume it: closing it later gives the same numbers.
        clock.Advance(TimeSpan.FromSeconds(1));
        series.Flush();
        Assert.Equal(100, Assert.Single(series.Points).Requests);
        Assert.Equal(0, series.LastSecond()!.Requests);
    }

    [Fact]
    public void Second_zero_starts_where_the_run_says_it_does()
    {
        var clock = new ManualTimeProvider();
        var series = new TimeSeries(clock);
        clock.Advance(TimeSpan.FromMilliseconds(700)); // compiling the run took 700 ms
        series.StartAt(clock.GetTimestamp());
        clock.Advance(TimeSpan.FromMilliseconds(500));
        series.Record(TimeSpan.FromMilliseconds(1), failed: false);
        clock.Advance(TimeSpan.FromMilliseconds(600));
        series.Record(TimeSpan.FromMilliseconds(1), failed: false);
        series.Complete();

        Assert.Equal([(0L, 1L), (1L, 1L)], series.Points.Select(p => (p.Second, p.Requests)));
        Assert.Equal(0.1, series.Points[1].LengthSeconds, 6);
    }
}
