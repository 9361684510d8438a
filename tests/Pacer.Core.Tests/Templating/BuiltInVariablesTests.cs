using System.Text.Json;
using System.Text.RegularExpressions;
using Pacer.Core.Templating;
using Pacer.Core.Tests.Templating.Support;
using Xunit;

namespace Pacer.Core.Tests.Templating;

public partial class BuiltInVariablesTests
{
    private static TemplateResult Render(string raw, BuiltInVariables? builtIns = null) =>
        TemplateRenderer.RenderText(Templates.Parse(raw), new VariableScope(), builtIns ?? Scopes.BuiltIns());

    private static string RenderOk(string raw, BuiltInVariables? builtIns = null)
    {
        var result = Render(raw, builtIns);
        Assert.True(result.Succeeded, result.Error?.Message);
        return result.Text!;
    }

    [Fact]
    public void Timestamp_is_unix_seconds_from_the_injected_clock()
    {
        Assert.Equal("1795341600", RenderOk("{{$timestamp}}"));
        Assert.Equal(Scopes.Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), RenderOk("{{$timestamp}}"));
    }

    [Theory]
    [InlineData("{{$timestampMs}}")]
    [InlineData("{{$unixMs}}")]
    public void Timestamp_ms_and_unix_ms_are_unix_milliseconds(string raw)
    {
        Assert.Equal("1795341600123", RenderOk(raw));
    }

    [Fact]
    public void Iso_date_is_utc_with_milliseconds_and_z()
    {
        Assert.Equal("2026-11-22T10:00:00.123Z", RenderOk("{{$isoDate}}"));
    }

    [Fact]
    public void Iso_date_converts_a_non_utc_clock_to_utc()
    {
        var clock = new FixedTimeProvider(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(2)));
        var builtIns = new BuiltInVariables(clock, new Random(1), _ => null);

        Assert.Equal("2026-01-02T01:04:05.000Z", RenderOk("{{$isoDate}}", builtIns));
    }

    [Fact]
    public void Uuid_is_a_version_4_uuid()
    {
        Assert.Matches(UuidV4(), RenderOk("{{$uuid}}"));
    }

    [Fact]
    public void Each_uuid_occurrence_in_one_template_gets_a_fresh_value()
    {
        var parts = RenderOk("{{$uuid}} {{$uuid}} {{$uuid}}").Split(' ');

        Assert.Equal(3, parts.Distinct().Count());
    }

    [Fact]
    public void Same_seed_gives_the_same_random_values()
    {
        const string raw = "{{$uuid}} {{$randomInt}} {{$randomString}} {{$randomEmail}}";

        Assert.Equal(RenderOk(raw, Scopes.BuiltIns(seed: 7)), RenderOk(raw, Scopes.BuiltIns(seed: 7)));
        Assert.NotEqual(RenderOk(raw, Scopes.BuiltIns(seed: 7)), RenderOk(raw, Scopes.BuiltIns(seed: 8)));
    }

    [Fact]
    public void Random_int_without_arguments_is_between_0_and_10000()
    {
        var builtIns = Scopes.BuiltIns();
        for (var i = 0; i < 200; i++)
        {
            var value = int.Parse(RenderOk("{{$randomInt}}", builtIns), System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(value, 0, 10000);
        }
    }

    [Fact]
    public void Random_int_with_bounds_includes_both_bounds()
    {
        var builtIns = Scopes.BuiltIns();
        var seen = Enumerable.Range(0, 300).Select(_ => RenderOk("{{$randomInt(3, 5)}}", builtIns)).ToHashSet();

        Assert.Equal(["3", "4", "5"], seen.Order());
    }

    [Fact]
    public void Random_int_with_equal_bounds_and_negative_bounds_work()
    {
        Assert.Equal("5", RenderOk("{{$randomInt(5,5)}}"));
        Assert.InRange(int.Parse(RenderOk("{{$randomInt(-10, -8)}}"), System.Globalization.CultureInfo.InvariantCulture), -10, -8);
    }

    [Theory]
    [InlineData("{{$randomInt(5,1)}}", "greater than the maximum")]
    [InlineData("{{$randomInt(a,b)}}", "must be integers")]
    [InlineData("{{$randomInt(1.5,3)}}", "must be integers")]
    [InlineData("{{$randomInt(1)}}", "takes no arguments or two")]
    [InlineData("{{$randomString(x)}}", "length must be an integer")]
    [InlineData("{{$randomString(-1)}}", "length must be an integer")]
    [InlineData("{{$uuid(3)}}", "takes no arguments")]
    [InlineData("{{$nosuch}}", "unknown built-in variable $nosuch")]
    public void Bad_built_in_arguments_are_template_errors_not_exceptions(string raw, string message)
    {
        var result = Render(raw);

        Assert.False(result.Succeeded);
        Assert.Contains(message, result.Error!.Message, StringComparison.Ordinal);
        Assert.StartsWith("$", result.Error.VariableName, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_string_defaults_to_8_alphanumeric_characters()
    {
        Assert.Matches("^[A-Za-z0-9]{8}$", RenderOk("{{$randomString}}"));
    }

    [Fact]
    public void Random_string_takes_a_length()
    {
        Assert.Matches("^[A-Za-z0-9]{32}$", RenderOk("{{$randomString(32)}}"));
        Assert.Equal("", RenderOk("{{$randomString(0)}}"));
    }

    [Fact]
    public void Random_email_looks_like_an_email_and_varies()
    {
        var first = RenderOk("{{$randomEmail}}");
        var both = RenderOk("{{$randomEmail}} {{$randomEmail}}").Split(' ');

        Assert.Matches("^user_[a-z0-9]{10}@example\\.com$", first);
        Assert.NotEqual(both[0], both[1]);
    }

    [Fact]
    public void Env_reads_the_injected_environment()
    {
        var builtIns = Scopes.BuiltIns(environment: new Dictionary<string, string> { ["API_KEY"] = "s3cret" });

        Assert.Equal("key=s3cret", RenderOk("key={{$env.API_KEY}}", builtIns));
    }

    [Fact]
    public void Unset_env_variable_is_an_error_naming_it()
    {
        var result = Render("key={{$env.API_KEY}}");

        Assert.False(result.Succeeded);
        Assert.Equal("$env.API_KEY", result.Error!.VariableName);
        Assert.Contains("API_KEY is not set", result.Error.Message, StringComparison.Ordinal);
        Assert.Equal(Templates.DefaultStart.Column + 4, result.Error.Span.Column);
    }

    [Fact]
    public void Built_in_names_are_case_insensitive()
    {
        Assert.Equal(RenderOk("{{$timestamp}}"), RenderOk("{{$TimeStamp}}"));
    }

    [Fact]
    public void Resolve_gives_numbers_for_timestamps_and_random_ints_and_strings_for_the_rest()
    {
        var builtIns = Scopes.BuiltIns();

        Assert.Equal(JsonValueKind.Number, builtIns.Resolve("timestamp", []).Value!.GetValueKind());
        Assert.Equal(JsonValueKind.Number, builtIns.Resolve("randomInt", []).Value!.GetValueKind());
        Assert.Equal(JsonValueKind.String, builtIns.Resolve("uuid", []).Value!.GetValueKind());
        Assert.Equal(JsonValueKind.String, builtIns.Resolve("isoDate", []).Value!.GetValueKind());
    }

    [GeneratedRegex("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")]
    private static partial Regex UuidV4();
}
