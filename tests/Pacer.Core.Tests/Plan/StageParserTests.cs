using Pacer.Core.Plan;
using Xunit;

namespace Pacer.Core.Tests.Plan;

public sealed class StageParserTests
{
    [Fact]
    public void Parses_vu_stages_with_ramps_and_holds()
    {
        var stages = StageParser.ParseVuStages("30s:0->500, 2m:500, 30s:500->0");

        Assert.Equal(
            [new Stage(TimeSpan.FromSeconds(30), 0, 500), new Stage(TimeSpan.FromMinutes(2), 500, 500), new Stage(TimeSpan.FromSeconds(30), 500, 0)],
            stages);
    }

    [Fact]
    public void A_bare_target_ramps_from_the_previous_level_as_in_k6_and_a_bare_first_stage_holds()
    {
        var stages = StageParser.ParseVuStages("10s:100, 10s:50");

        Assert.Equal([new Stage(TimeSpan.FromSeconds(10), 100, 100), new Stage(TimeSpan.FromSeconds(10), 100, 50)], stages);
    }

    [Fact]
    public void Parses_rate_stages_per_second_and_per_minute()
    {
        var stages = StageParser.ParseRateStages("1m:100/s->5000/s, 3m:5000/s, 1h:60/m");

        Assert.Equal(
            [new Stage(TimeSpan.FromMinutes(1), 100, 5000), new Stage(TimeSpan.FromMinutes(3), 5000, 5000), new Stage(TimeSpan.FromHours(1), 5000, 1)],
            stages);
    }

    [Theory]
    [InlineData("30s:0->500,, 2m:500", false, 12, "empty stage")]
    [InlineData("30s", false, 1, "expected duration:level")]
    [InlineData("30x:10", false, 1, "unknown duration unit 'x'")]
    [InlineData("soon:10", false, 1, "expected a duration")]
    [InlineData("30s:0->lots", false, 8, "whole number of VUs")]
    [InlineData("30s:1.5", false, 5, "whole number of VUs")]
    [InlineData("1m:100/s->5000", true, 11, "needs a unit, as in 5000/s")]
    [InlineData("1m:100/s, 2m:fast/s", true, 14, "expected a rate")]
    public void Rejects_malformed_stages_with_a_column(string text, bool rate, int column, string reason)
    {
        var error = Assert.Throws<DirectiveSyntaxException>(() => rate ? StageParser.ParseRateStages(text) : StageParser.ParseVuStages(text));

        Assert.Equal(column, error.Column);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }
}
