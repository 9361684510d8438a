using Pacer.Load.Executors;
using Xunit;

namespace Pacer.Load.Tests.Segments;

/// <summary>
/// For random profiles of every executor and random segment sequences, the segments together are
/// the whole test: the same iteration start times (each exactly once), the same VU count at every
/// moment, the same number of shared iterations. Seeded, so a failure names the case that broke.
/// </summary>
public sealed class SegmentPropertyTests
{
    private const int Cases = 150;

    [Fact]
    public void Every_item_belongs_to_exactly_one_segment_and_shares_add_up()
    {
        ForSeeds((random, note) =>
        {
            var sequence = SegmentProfiles.Sequence(random);
            note(sequence.ToString());
            var segments = sequence.Segments();
            var items = random.Next(1, 3000);
            for (var n = 0; n < Math.Min(items, 400); n++)
            {
                Assert.Equal(1, segments.Count(s => s.Owns(n)));
            }

            Assert.Equal(items, segments.Sum(s => s.Share((long)items)));
            foreach (var segment in segments)
            {
                var owned = Enumerable.Range(0, items).Where(n => segment.Owns(n)).ToList();
                Assert.Equal(owned.Count, segment.Share((long)items));
                Assert.Equal(owned, Enumerable.Range(0, owned.Count).Select(k => (int)segment.NthOwned(k)));

                // Spread evenly: never a whole item away from the segment's fair share of any prefix.
                var length = (double)(segment.End.Numerator * segment.Start.Denominator - segment.Start.Numerator * segment.End.Denominator)
                    / (segment.End.Denominator * segment.Start.Denominator);
                for (var m = 0; m <= Math.Min(items, 500); m++)
                {
                    Assert.InRange(segment.Share((long)m) - (m * length), -1.0, 1.0);
                }
            }

        });
    }

    [Fact]
    public void Constant_vus_segments_run_every_vu_once()
    {
        ForSeeds((random, note) =>
        {
            var (whole, sequence, parts) = Profile(random, SegmentProfiles.ConstantVus, note);
            Assert.Equal(whole.PeakVus, parts.Sum(p => p.PeakVus));
            Assert.Equal(Enumerable.Range(0, whole.PeakVus), GlobalVus(parts, p => p.PeakVus).Order());
            Assert.All(parts, p => Assert.Equal(whole.PeakVus, p.WholePeakVus));
            Assert.All(parts, p => Assert.Equal(whole.Duration, p.Duration));
        });
    }

    [Fact]
    public void Ramping_vus_segments_add_up_to_the_whole_vu_count_at_every_moment()
    {
        ForSeeds((random, note) =>
        {
            var (whole, sequence, parts) = Profile(random, SegmentProfiles.RampingVus, note);
            var wholeExecutor = (RampingVusExecutor)whole.CreateExecutor(Idle, new ExecutorOptions());
            var executors = parts.Select(p => (Config: p, Executor: (RampingVusExecutor)p.CreateExecutor(Idle, new ExecutorOptions()))).ToList();
            Assert.Equal(wholeExecutor.MaxVus, executors.Sum(e => e.Executor.MaxVus));
            Assert.Equal(whole.PeakVus, parts.Sum(p => p.PeakVus));
            for (var at = TimeSpan.Zero; at <= whole.Duration + TimeSpan.FromSeconds(1); at += TimeSpan.FromMilliseconds(97))
            {
                var target = wholeExecutor.TargetAt(at);
                Assert.Equal(target, executors.Sum(e => e.Executor.TargetAt(at)));

                // The same VUs, not just as many: the active ones are VUs 0 … target−1 of the whole.
                var active = executors.SelectMany(e => Enumerable.Range(0, e.Executor.TargetAt(at)).Select(e.Config.GlobalVu));
                Assert.Equal(Enumerable.Range(0, target), active.Order());
            }

        });
    }

    [Fact]
    public void Shared_iterations_segments_run_exactly_the_iterations_on_the_whole_vus()
    {
        ForSeeds((random, note) =>
        {
            var (whole, sequence, parts) = Profile(random, SegmentProfiles.SharedIterations, note);
            var shared = parts.Cast<SharedIterationsConfig>().ToList();
            Assert.Equal(whole.Iterations, shared.Sum(p => p.SegmentIterations));
            Assert.Equal(whole.PeakVus, shared.Sum(p => p.PeakVus));
            Assert.All(shared, p => Assert.True(p.SegmentIterations == 0 || p.PeakVus > 0, $"{p.SegmentIterations} iterations without a VU"));
            Assert.All(shared, p => Assert.True(p.PeakVus <= p.SegmentIterations, $"{p.PeakVus} VUs for {p.SegmentIterations} iterations"));
        });
    }

    [Fact]
    public void Constant_arrival_rate_segments_start_the_whole_schedule_once_at_the_same_times() =>
        ArrivalSegmentsPartitionTheSchedule(SegmentProfiles.ConstantArrivalRate, c => ((ConstantArrivalRateConfig)c).Stages);

    [Fact]
    public void Ramping_arrival_rate_segments_start_the_whole_schedule_once_at_the_same_times() =>
        ArrivalSegmentsPartitionTheSchedule(SegmentProfiles.RampingArrivalRate, c => ((RampingArrivalRateConfig)c).RateStages);

    private static void ArrivalSegmentsPartitionTheSchedule(Func<Random, ExecutorConfig> make, Func<ExecutorConfig, IReadOnlyList<Core.Plan.Stage>> stagesOf)
    {
        ForSeeds((random, note) =>
        {
            var (whole, sequence, parts) = Profile(random, make, note);
            var stages = stagesOf(whole);
            var schedule = new ArrivalSchedule(stages).StartOffsets().ToList();
            var pieces = parts.Select(p => new ArrivalSchedule(stages, p.Segment).StartOffsets().ToList()).ToList();
            Assert.All(pieces, piece => Assert.Equal(piece.Order(), piece));
            Assert.Equal(schedule, pieces.SelectMany(p => p).Order());
            Assert.All(parts, p => Assert.InRange(p.PeakVus, 1, Math.Max(1, whole.PeakVus)));
        });
    }

    private static (T Whole, ExecutionSegmentSequence Sequence, List<ExecutorConfig> Parts) Profile<T>(Random random, Func<Random, T> make, Action<string> note)
        where T : ExecutorConfig
    {
        var whole = make(random);
        var sequence = SegmentProfiles.Sequence(random);
        note(SegmentProfiles.Describe(whole, sequence));
        return (whole, sequence, SegmentProfiles.Split(whole, sequence));
    }

    private static IEnumerable<int> GlobalVus(List<ExecutorConfig> parts, Func<ExecutorConfig, int> count) =>
        parts.SelectMany(p => Enumerable.Range(0, count(p)).Select(p.GlobalVu));

    private static ValueTask Idle(IterationContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>Runs <paramref name="property"/> for <see cref="Cases"/> seeds; a failure says which seed and which case (what the property noted).</summary>
    private static void ForSeeds(Action<Random, Action<string>> property)
    {
        for (var seed = 1; seed <= Cases; seed++)
        {
            var described = "";
            try
            {
                property(new Random(seed), text => described = text);
            }
            catch (Xunit.Sdk.XunitException exception)
            {
                throw new Xunit.Sdk.XunitException($"seed {seed} ({described}): {exception.Message}");
            }
        }
    }
}
