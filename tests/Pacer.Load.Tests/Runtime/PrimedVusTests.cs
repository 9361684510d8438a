using Pacer.Load.Executors;
using Pacer.Load.Runtime;
using Xunit;

namespace Pacer.Load.Tests.Runtime;

/// <summary>
/// Priming opens the starting VUs' connections before time zero. A segment (a distributed run's
/// agent) primes only its own VUs: priming the whole test's VUs asked a three-row --data-mode unique
/// file for a fourth row and stopped the agent.
/// </summary>
public sealed class PrimedVusTests
{
    [Fact]
    public void A_whole_test_primes_all_its_starting_vus()
    {
        var profile = new ConstantVusConfig(3, TimeSpan.FromSeconds(2));

        Assert.Equal(3, RequestPathPrimer.StartingVus(profile));
    }

    [Theory]
    [InlineData("1/3")]
    [InlineData("2/3")]
    [InlineData("3/3")]
    public void A_segment_primes_only_its_share_of_the_starting_vus(string segment)
    {
        var profile = new ConstantVusConfig(3, TimeSpan.FromSeconds(2)) { Segment = ExecutionSegment.Parse(segment) };

        Assert.Equal(1, RequestPathPrimer.StartingVus(profile));
    }

    [Fact]
    public void The_segments_together_prime_the_whole_tests_pre_allocated_vus()
    {
        var segments = new[] { "1/4", "2/4", "3/4", "4/4" }.Select(s => ExecutionSegment.Parse(s));
        var profile = new ConstantArrivalRateConfig(100, TimeSpan.FromSeconds(2), 10, 20);

        Assert.Equal(10, segments.Sum(s => RequestPathPrimer.StartingVus(profile with { Segment = s })));
    }
}
