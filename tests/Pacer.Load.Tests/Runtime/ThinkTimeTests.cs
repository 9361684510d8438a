using Pacer.Load.Runtime;
using Xunit;

namespace Pacer.Load.Tests.Runtime;

public sealed class ThinkTimeTests
{
    [Fact]
    public void Fixed_think_time_is_always_the_same()
    {
        var think = ThinkTime.Parse("1s");

        Assert.Equal(TimeSpan.FromSeconds(1), think.Next(new Random(1)));
        Assert.Equal("1s", think.ToString());
    }

    [Fact]
    public void Range_draws_uniformly_between_its_bounds()
    {
        var think = ThinkTime.Parse("500ms..2s");
        var random = new Random(7);

        var draws = Enumerable.Range(0, 2000).Select(_ => think.Next(random)).ToList();

        Assert.All(draws, d => Assert.InRange(d, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2)));
        Assert.InRange(draws.Average(d => d.TotalMilliseconds), 1150, 1350);
    }

    [Theory]
    [InlineData("2s..1s")]
    [InlineData("soon")]
    [InlineData("1s..2s..3s")]
    public void Bad_think_time_is_refused(string text) =>
        Assert.Throws<LoadSettingsException>(() => ThinkTime.Parse(text));
}
