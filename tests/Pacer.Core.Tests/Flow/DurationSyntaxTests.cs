using Pacer.Core.Flow;
using Xunit;

namespace Pacer.Core.Tests.Flow;

/// <summary>The one duration grammar: flow text and command-line options read durations the same way.</summary>
public sealed class DurationSyntaxTests
{
    [Theory]
    [InlineData("500", 500)]
    [InlineData("500ms", 500)]
    [InlineData("500 ms", 500)]
    [InlineData("1.5s", 1500)]
    [InlineData("2m", 120_000)]
    [InlineData("1h", 3_600_000)]
    [InlineData("250us", 0.25)]
    [InlineData("250µs", 0.25)]
    [InlineData("0", 0)]
    [InlineData(" 30s ", 30_000)]
    [InlineData("10MS", 10)]
    public void Reads_a_number_and_an_optional_unit_with_a_bare_number_in_milliseconds(string text, double milliseconds)
    {
        Assert.True(DurationSyntax.TryParse(text, out var duration, out var error), error);
        Assert.Equal(milliseconds, duration.TotalMilliseconds, precision: 6);
    }

    [Theory]
    [InlineData("soon", "expected a duration such as 500ms")]
    [InlineData("", "expected a duration")]
    [InlineData("-5s", "cannot be negative")]
    [InlineData("5 parsecs", "unknown duration unit 'parsecs'")]
    [InlineData("1.2.3s", "expected a duration")]
    [InlineData("9999999h", "longer than the longest duration allowed")]
    public void Refuses_what_is_not_a_duration_and_says_why(string text, string reason)
    {
        Assert.False(DurationSyntax.TryParse(text, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_setting_names_itself_and_may_refuse_zero()
    {
        Assert.False(DurationSyntax.TryParseSetting("--timeout", "0", allowZero: false, out _, out var zero));
        Assert.Equal("--timeout must be more than zero, got '0'", zero);
        Assert.True(DurationSyntax.TryParseSetting("--graceful-stop", "0", allowZero: true, out var none, out _));
        Assert.Equal(TimeSpan.Zero, none);
        Assert.False(DurationSyntax.TryParseSetting("--duration", "fast", allowZero: false, out _, out var named));
        Assert.StartsWith("--duration: expected a duration", named, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(850_000, "850µs")]
    [InlineData(12_300_000, "12.3ms")]
    [InlineData(1_250_000_000, "1.25s")]
    [InlineData(90_000_000_000, "1.5m")]
    [InlineData(5_400_000_000_000, "1.5h")]
    public void Formats_the_way_people_read_durations(double nanoseconds, string text) =>
        Assert.Equal(text, DurationSyntax.Format(nanoseconds));
}
