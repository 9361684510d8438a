using Pacer.Load.Runtime;
using Xunit;

namespace Pacer.Load.Tests.Runtime;

public sealed class LoadProfileTests
{
    [Theory]
    [InlineData("vus=8 duration=2s", LoadProfile.ConstantVus)]
    [InlineData("duration=2s", LoadProfile.ConstantVus)]
    [InlineData("stages=\"1s:0->10, 1s:10\"", LoadProfile.RampingVus)]
    [InlineData("rate=200/s duration=1m max-vus=50", LoadProfile.ConstantArrivalRate)]
    [InlineData("rate-stages=\"1m:100/s->500/s\"", LoadProfile.RampingArrivalRate)]
    [InlineData("iterations=100 vus=4", LoadProfile.SharedIterations)]
    [InlineData("", LoadProfile.SharedIterations)]
    public void Picks_the_executor_from_the_settings_given(string directive, string type)
    {
        var settings = new LoadSettings();
        settings.AddDirective(directive);

        Assert.Equal(type, LoadProfile.From(settings).Type);
    }

    [Theory]
    [InlineData("vus=8 duration=2m", LoadProfile.ConstantVus, 8, 0)]
    [InlineData("iterations=100 vus=4", LoadProfile.ConstantVus, 4, 0)]
    [InlineData("stages=\"1m:0->50, 1m:50\"", LoadProfile.ConstantVus, 50, 0)]
    [InlineData("stages=\"1m:10->50\"", LoadProfile.ConstantVus, 10, 0)]
    [InlineData("rate=2000/s duration=1m max-vus=500", LoadProfile.ConstantArrivalRate, 1, 2000)]
    [InlineData("rate-stages=\"1m:0/s->500/s, 1m:500/s\"", LoadProfile.ConstantArrivalRate, 1, 500)]
    [InlineData("rate-stages=\"1m:100/s->500/s\"", LoadProfile.ConstantArrivalRate, 1, 100)]
    public void A_warm_up_runs_the_same_kind_of_load_at_its_starting_level(string directive, string type, int vus, double rate)
    {
        var settings = new LoadSettings();
        settings.AddDirective(directive);
        var profile = LoadProfile.From(settings);

        var warmUp = profile.WarmUp(TimeSpan.FromSeconds(3));

        Assert.Equal(type, warmUp.Type);
        Assert.Equal(TimeSpan.FromSeconds(3), warmUp.Duration);
        Assert.Equal(TimeSpan.Zero, warmUp.GracefulStop);
        if (warmUp.IsOpenModel)
        {
            Assert.Equal(rate, Assert.Single(warmUp.Stages).From);
            Assert.Equal(profile.MaxVus, warmUp.MaxVus);
            Assert.Equal(TimeSpan.FromSeconds(3), warmUp.CreateExecutor((_, _) => ValueTask.CompletedTask, new Pacer.Load.Executors.ExecutorOptions()).TotalDuration);
        }
        else
        {
            Assert.Equal(vus, warmUp.Vus);
        }
    }

    [Fact]
    public void The_command_line_chooses_the_executor_over_the_flows_load_line_and_keeps_its_other_settings()
    {
        var own = new LoadSettings();
        own.AddDirective("stages=\"30s:0->25, 1m:25->100\" think=1s");
        var commandLine = new LoadSettings();
        commandLine.Set("rate-stages", "10s:5/s->40/s", fromCommandLine: true);
        commandLine.Set("max-vus", "60", fromCommandLine: true);

        var merged = own.With(commandLine);

        Assert.Equal(LoadProfile.RampingArrivalRate, LoadProfile.From(merged).Type);
        Assert.False(merged.Has("stages"));
        Assert.Equal("1s", merged["think"]);
    }

    [Fact]
    public void A_command_line_duration_alone_keeps_the_flows_executor()
    {
        var own = new LoadSettings();
        own.AddDirective("vus=7 duration=1m");
        var commandLine = new LoadSettings();
        commandLine.Set("duration", "10s", fromCommandLine: true);

        var merged = own.With(commandLine);

        Assert.Equal("7", merged["vus"]);
        Assert.Equal("10s", merged["duration"]);
    }

    [Fact]
    public void Nothing_given_is_a_single_smoke_iteration()
    {
        var profile = LoadProfile.From(new LoadSettings());

        Assert.Equal(1, profile.Iterations);
        Assert.Equal(1, profile.Vus);
    }

    [Fact]
    public void Command_line_numbers_are_split_between_flows_and_a_flows_own_are_not()
    {
        var commandLine = new LoadSettings();
        commandLine.Set("vus", "5", fromCommandLine: true);
        commandLine.Set("duration", "10s", fromCommandLine: true);
        var own = new LoadSettings();
        own.AddDirective("vus=7");
        var durationOnly = new LoadSettings();
        durationOnly.Set("duration", "10s", fromCommandLine: true);

        Assert.Equal([3, 2], new[] { 0, 1 }.Select(i => LoadProfile.From(commandLine, i, 2).Vus));
        Assert.Equal(7, LoadProfile.From(own.With(durationOnly), 1, 2).Vus);
    }

    [Fact]
    public void Command_line_wins_over_the_flow_name_by_name()
    {
        var own = new LoadSettings();
        own.AddDirective("vus=50 duration=1m");
        var commandLine = new LoadSettings();
        commandLine.Set("duration", "5s", fromCommandLine: true);

        var profile = LoadProfile.From(own.With(commandLine));

        Assert.Equal(50, profile.Vus);
        Assert.Equal(TimeSpan.FromSeconds(5), profile.Duration);
    }

    [Fact]
    public void Rate_is_split_and_arrival_rate_gets_default_vus()
    {
        var settings = new LoadSettings();
        settings.Set("rate", "2000/s", fromCommandLine: true);
        settings.Set("duration", "1s", fromCommandLine: true);

        var profile = LoadProfile.From(settings, 0, 2);

        Assert.Equal(1000, profile.Rate);
        Assert.Equal(1000, profile.MaxVus);
        Assert.True(profile.IsOpenModel);
        Assert.Equal(2, LoadProfile.ParseRate("120/m"));
    }

    [Theory]
    [InlineData("rate=10/s stages=1s:5 duration=1s", "choose one")]
    [InlineData("vus=10", "--duration is needed")]
    [InlineData("vus=zero duration=1s", "whole number")]
    [InlineData("rate=10/s duration=1s pre-vus=9 max-vus=3", "cannot be more than")]
    [InlineData("duration=fast", "--duration")]
    public void Contradictory_or_bad_settings_are_refused_with_the_reason(string directive, string message)
    {
        var settings = new LoadSettings();
        settings.AddDirective(directive);

        var exception = Assert.Throws<LoadSettingsException>(() => LoadProfile.From(settings));

        Assert.Contains(message, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_stages_report_their_column()
    {
        var settings = new LoadSettings();
        settings.AddDirective("stages=\"1s:0->5, x:3\"");

        var exception = Assert.Throws<LoadSyntaxException>(() => LoadProfile.From(settings));

        Assert.True(exception.Column > 1);
    }

    [Fact]
    public void A_load_line_without_pairs_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new LoadSettings().AddDirective("fifty users"));
        Assert.Throws<ArgumentException>(() => new LoadSettings().AddDirective("users=50"));
    }
}
