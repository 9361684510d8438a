using Pacer.Core.Plan;
using Pacer.Load.Executors;

namespace Pacer.Load.Tests.Segments;

/// <summary>Random executor profiles and segment sequences for the segment properties, from a seed a failure names.</summary>
internal static class SegmentProfiles
{
    private static readonly int[] Denominators = [2, 3, 4, 5, 6, 8, 10, 12, 100];

    /// <summary>N equal parts half the time; otherwise random cuts of a random denominator (a few parts of unequal size).</summary>
    public static ExecutionSegmentSequence Sequence(Random random)
    {
        if (random.Next(2) == 0)
        {
            return ExecutionSegmentSequence.Equal(random.Next(1, 9));
        }

        var denominator = Denominators[random.Next(Denominators.Length)];
        var cuts = Enumerable.Range(1, denominator - 1).Where(_ => random.Next(Math.Max(2, denominator / 3)) == 0).Select(i => new Fraction(i, denominator));
        return ExecutionSegmentSequence.Of([Fraction.Zero, .. cuts, Fraction.One]);
    }

    public static TimeSpan Duration(Random random, double minSeconds, double maxSeconds) =>
        TimeSpan.FromMilliseconds(Math.Round((minSeconds + (random.NextDouble() * (maxSeconds - minSeconds))) * 1000));

    public static ConstantVusConfig ConstantVus(Random random) => new(random.Next(1, 500), Duration(random, 1, 60));

    public static RampingVusConfig RampingVus(Random random)
    {
        var stages = Enumerable.Range(0, random.Next(1, 5))
            .Select(_ => new Stage(Duration(random, 0.5, 30), random.Next(0, 300), random.Next(0, 300)))
            .ToList();
        stages[0] = stages[0] with { To = Math.Max(1, stages[0].To) };
        return new RampingVusConfig(stages);
    }

    public static SharedIterationsConfig SharedIterations(Random random) =>
        new(random.Next(1, 60), random.Next(1, 2000), TimeSpan.FromMinutes(10));

    public static ConstantArrivalRateConfig ConstantArrivalRate(Random random)
    {
        var max = random.Next(1, 200);
        return new ConstantArrivalRateConfig(Math.Round(0.5 + (random.NextDouble() * 400), 2), Duration(random, 0.2, 8), random.Next(0, max + 1), max);
    }

    public static RampingArrivalRateConfig RampingArrivalRate(Random random)
    {
        var stages = Enumerable.Range(0, random.Next(1, 5))
            .Select(_ => new Stage(Duration(random, 0.2, 4), Math.Round(random.NextDouble() * 300, 1), Math.Round(random.NextDouble() * 300, 1)))
            .ToList();
        var max = random.Next(1, 200);
        return new RampingArrivalRateConfig(stages, random.Next(0, max + 1), max);
    }

    /// <summary>Each segment of <paramref name="sequence"/> applied to <paramref name="whole"/>.</summary>
    public static List<ExecutorConfig> Split(ExecutorConfig whole, ExecutionSegmentSequence sequence) =>
        [.. sequence.Segments().Select(segment => whole with { Segment = segment })];

    public static string Describe(ExecutorConfig config, ExecutionSegmentSequence sequence) =>
        $"{config} {Stages(config)} over segments {sequence}";

    private static string Stages(ExecutorConfig config) => config switch
    {
        RampingVusConfig ramp => string.Join(", ", ramp.Stages.Select(s => $"{s.Duration.TotalMilliseconds}ms:{s.From}->{s.To}")),
        RampingArrivalRateConfig ramp => string.Join(", ", ramp.RateStages.Select(s => $"{s.Duration.TotalMilliseconds}ms:{s.From}/s->{s.To}/s")),
        _ => "",
    };
}
