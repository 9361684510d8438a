using Pacer.Core.Judge;
using Pacer.Load.Executors;
using Pacer.Load.Metrics;
using Pacer.Load.Results;

namespace Pacer.Reports.Tests.Html;

/// <summary>
/// An open-model run recorded through the load runtime's own recorders (<see cref="StepRecorder"/>,
/// <see cref="TimeSeries"/>) on a stepped clock and built by <see cref="LoadResultBuilder"/>, as
/// <c>pacer load --rate 200/s</c> builds its result: 30 s at 200 iterations/s of Login then Browse,
/// a stall from second 12 to 14 (latency to ~800 ms, VUs run out, iterations dropped, Browse answers
/// 503), a few 429s at Login, and a last second that lasted 0.4 s.
/// </summary>
internal static class SampleRateLoad
{
    public const int Seconds = 30;
    public const double Rate = 200;
    public const double LastSecondLength = 0.4;
    public const int MaxVus = 60;

    public static LoadResult Create()
    {
        var clock = new SteppedClock();
        var random = new Random(14);
        var metrics = new LoadMetrics();
        var series = new TimeSeries(clock);
        var login = (Recorder: metrics.Step("Login"), Channel: series.Channel("Login"));
        var browse = (Recorder: metrics.Step("Browse"), Channel: series.Channel("Browse"));
        var iterations = new LatencyHistogram();
        long started = 0, dropped = 0;
        var peak = 0;
        for (var second = 0; second <= Seconds; second++)
        {
            var length = second == Seconds ? LastSecondLength : 1;
            var stall = second is >= 12 and < 15;
            var due = second == Seconds ? 4 : (int)Rate;
            var busy = stall ? MaxVus : 2 + random.Next(3);
            peak = Math.Max(peak, busy);
            clock.At(second, 0.05);
            series.Flush(); // the run's ticker: closes the seconds that ended
            series.SampleActiveVus(busy);
            for (var i = 0; i < due; i++)
            {
                clock.At(second, length * i / due);
                if (stall && i % 5 == 0)
                {
                    series.RecordDropped();
                    metrics.RecordDroppedIteration();
                    dropped++;
                    continue;
                }

                series.RecordIterationStarted();
                started++;
                var loginMs = Latency(random, stall ? 600 : 6);
                Request(login, clock, loginMs, random.Next(100) == 0 ? 429 : 200);
                var browseMs = Latency(random, stall ? 800 : 3);
                Request(browse, clock, browseMs, stall && random.Next(4) == 0 ? 503 : 200);
                iterations.RecordNanoseconds((long)((loginMs + browseMs) * 1e6));
            }
        }

        clock.At(Seconds, LastSecondLength);
        series.Complete();
        var elapsed = TimeSpan.FromSeconds(Seconds + LastSecondLength);
        var summary = metrics.Snapshot(elapsed);
        return new LoadResultBuilder
        {
            StartedAt = new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero),
            EndedAt = new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero) + elapsed,
            Summary = summary,
            Flows = ["examples/storefront/browse.flow.md"],
            Executor = new LoadExecutorInfo { Type = "constant-arrival-rate", Settings = new Dictionary<string, string> { ["rate"] = "200/s", ["duration"] = "30s", ["max-vus"] = "60" } },
            Client = new LoadClientInfo { Readied = new ReadiedPath { Ms = 180.5, RehearsedRequests = 48, Connections = 10, ConnectionsTried = 10 } },
            Steps =
            [
                new StepDescription("Login", "examples/storefront/browse.flow.md", "POST", "{{base}}/api/auth/login", null),
                new StepDescription("Browse", "examples/storefront/browse.flow.md", "GET", "{{base}}/api/products", null),
            ],
            TimeSeries = series.Points,
            StepTimeSeries = series.StepPoints,
            TargetRate = (second, _) => second < Seconds ? Rate : null,
            IterationDurations = iterations,
            Iterations = new ExecutorResult(started, started, 0, dropped, peak, elapsed),
        }.Build();
    }

    private static void Request((StepRecorder Recorder, TimeSeriesChannel Channel) step, SteppedClock clock, double ms, int status)
    {
        var failure = status switch { 429 => FailureKind.ClientError4xx, 503 => FailureKind.ServerError5xx, _ => (FailureKind?)null };
        var nanoseconds = (long)(ms * 1e6);
        step.Recorder.RecordNanoseconds(nanoseconds, failure);
        step.Recorder.RecordStatus(status);
        step.Recorder.RecordCheck(failure is null);
        step.Channel.RecordNanoseconds(nanoseconds, failure is not null, clock.GetTimestamp());
    }

    private static double Latency(Random random, double medianMs)
    {
        var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return medianMs * Math.Exp(0.4 * normal);
    }

    /// <summary>A clock the sample sets to any instant of the run: the series reads only timestamps.</summary>
    private sealed class SteppedClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void At(int second, double fraction) => _ticks = (long)((second + fraction) * TimeSpan.TicksPerSecond);
    }
}
