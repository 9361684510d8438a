using Pacer.Core.Plan;
using Xunit;

namespace Pacer.Core.Tests.Plan;

public sealed class ThinkTimeTests
{
    [Fact]
    public void Fixed_think_time_is_always_the_same()
    {
        var think = Parse("1s");

        Assert.Equal(TimeSpan.FromSeconds(1), think.Next(new Random(1)));
        Assert.Equal("1s", think.ToString());
    }

    [Theory]
    [InlineData("500ms..2s")]
    [InlineData("500ms-2s")]
    [InlineData("500 .. 2000")]
    public void Range_draws_uniformly_between_its_bounds(string text)
    {
        var think = Parse(text);
        var random = new Random(7);

        var draws = Enumerable.Range(0, 2000).Select(_ => think.Next(random)).ToList();

        Assert.All(draws, d => Assert.InRange(d, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2)));
        Assert.InRange(draws.Average(d => d.TotalMilliseconds), 1150, 1350);
    }

    [Theory]
    [InlineData("2s..1s", "upper bound is below")]
    [InlineData("soon", "expected a duration")]
    [InlineData("5 parsecs", "unknown duration unit 'parsecs'")]
    [InlineData("1s..2s..3s", "expects 1s")]
    [InlineData("", "expects 1s")]
    public void Bad_think_time_is_refused_with_the_reason(string text, string reason)
    {
        Assert.False(ThinkTime.TryParse(text, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    private static ThinkTime Parse(string text)
    {
        Assert.True(ThinkTime.TryParse(text, out var think, out var error), error);
        return think;
    }
}
