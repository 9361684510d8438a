using Pacer.Core.Flow.Syntax;
using Pacer.Core.Plan;
using Pacer.Load.Executors;
using Xunit;

namespace Pacer.Load.Tests.Executors;

/// <summary>Which executor load settings describe, and every problem with them at once, each where it was written.</summary>
public sealed class ExecutorRegistryTests
{
    private static readonly SourceSpan Line = new("load.flow.md", 3, 7, 40);

    [Theory]
    [InlineData("vus=8 duration=2s", ConstantVusConfig.Name)]
    [InlineData("duration=2s", ConstantVusConfig.Name)]
    [InlineData("stages=\"1s:0->10, 1s:10\"", RampingVusConfig.Name)]
    [InlineData("rate=200/s duration=1m max-vus=50", ConstantArrivalRateConfig.Name)]
    [InlineData("rate-stages=\"1m:100/s->500/s\"", RampingArrivalRateConfig.Name)]
    [InlineData("iterations=100 vus=4", SharedIterationsConfig.Name)]
    [InlineData("", SharedIterationsConfig.Name)]
    [InlineData("executor=constant-vus vus=2 duration=1s", ConstantVusConfig.Name)]
    public void Picks_the_executor_from_the_settings_given(string directive, string type)
    {
        Assert.Equal(type, Resolve(Directive(directive)).Type);
    }

    [Theory]
    [InlineData("vus=8 duration=2m", ConstantVusConfig.Name, 8, 0)]
    [InlineData("iterations=100 vus=4", ConstantVusConfig.Name, 4, 0)]
    [InlineData("stages=\"1m:0->50, 1m:50\"", ConstantVusConfig.Name, 50, 0)]
    [InlineData("stages=\"1m:10->50\"", ConstantVusConfig.Name, 10, 0)]
    [InlineData("rate=2000/s duration=1m max-vus=500", ConstantArrivalRateConfig.Name, 1, 2000)]
    [InlineData("rate-stages=\"1m:0/s->500/s, 1m:500/s\"", ConstantArrivalRateConfig.Name, 1, 500)]
    [InlineData("rate-stages=\"1m:100/s->500/s\"", ConstantArrivalRateConfig.Name, 1, 100)]
    public void A_warm_up_runs_the_same_kind_of_load_at_its_starting_level(string directive, string type, int vus, double rate)
    {
        var profile = Resolve(Directive(directive));

        var warmUp = profile.WarmUp(TimeSpan.FromSeconds(3));

        Assert.Equal(type, warmUp.Type);
        Assert.Equal(TimeSpan.FromSeconds(3), warmUp.Duration);
        Assert.Equal(TimeSpan.Zero, warmUp.GracefulStop);
        if (warmUp is ConstantArrivalRateConfig open)
        {
            Assert.Equal(rate, open.Rate);
            Assert.Equal(profile.PeakVus, open.MaxVus);
            Assert.Equal(TimeSpan.FromSeconds(3), warmUp.CreateExecutor((_, _) => ValueTask.CompletedTask, new ExecutorOptions()).TotalDuration);
        }
        else
        {
            Assert.Equal(vus, warmUp.PeakVus);
        }
    }

    [Fact]
    public void The_command_line_chooses_the_executor_over_the_flows_load_line_and_keeps_its_other_settings()
    {
        var own = Directive("stages=\"30s:0->25, 1m:25->100\" think=1s");
        var commandLine = CommandLine(("rate-stages", "10s:5/s->40/s"), ("max-vus", "60"));

        var merged = own.With(commandLine);

        Assert.Equal(RampingArrivalRateConfig.Name, Resolve(merged).Type);
        Assert.False(merged.Has("stages"));
        Assert.Equal("1s", merged["think"]);
        Assert.Equal(TimeSpan.FromSeconds(1), Resolve(merged).Think!.Min);
    }

    [Fact]
    public void A_flows_duration_is_left_out_when_the_command_line_chooses_a_staged_executor()
    {
        var merged = Directive("rate=50/s duration=10s").With(CommandLine(("rate-stages", "5s:10/s->200/s, 5s:200/s")));

        var (config, errors) = ExecutorRegistry.Resolve(merged);

        Assert.Empty(errors);
        var profile = Assert.IsType<RampingArrivalRateConfig>(config);
        Assert.Equal(TimeSpan.FromSeconds(10), profile.Duration);
        Assert.False(profile.Settings.ContainsKey("duration"));
    }

    [Fact]
    public void A_command_line_setting_the_executor_does_not_take_is_still_refused()
    {
        var merged = Directive("rate=50/s duration=10s").With(CommandLine(("rate-stages", "5s:10/s->200/s"), ("duration", "10s")));

        var (config, errors) = ExecutorRegistry.Resolve(merged);

        Assert.Null(config);
        Assert.Contains(errors, e => e.Message.Contains("--duration has no meaning for ramping-arrival-rate", StringComparison.Ordinal));
    }

    [Fact]
    public void A_command_line_duration_alone_keeps_the_flows_executor()
    {
        var merged = Directive("vus=7 duration=1m").With(CommandLine(("duration", "10s")));

        var profile = Assert.IsType<ConstantVusConfig>(Resolve(merged));
        Assert.Equal(7, profile.Vus);
        Assert.Equal(TimeSpan.FromSeconds(10), profile.Duration);
    }

    [Fact]
    public void Nothing_given_is_a_single_smoke_iteration()
    {
        var profile = Assert.IsType<SharedIterationsConfig>(Resolve(new LoadSettings()));

        Assert.Equal(1, profile.Iterations);
        Assert.Equal(1, profile.Vus);
    }

    [Fact]
    public void Command_line_numbers_are_split_between_flows_and_a_flows_own_are_not()
    {
        var commandLine = CommandLine(("vus", "5"), ("duration", "10s"));
        var own = Directive("vus=7");

        Assert.Equal([3, 2], new[] { 0, 1 }.Select(i => ExecutorRegistry.Resolve(commandLine, i, 2).Config!.PeakVus));
        Assert.Equal(7, ExecutorRegistry.Resolve(own.With(CommandLine(("duration", "10s"))), 1, 2).Config!.PeakVus);
    }

    [Fact]
    public void Rate_is_split_and_arrival_rate_gets_default_vus()
    {
        var profile = Assert.IsType<ConstantArrivalRateConfig>(ExecutorRegistry.Resolve(CommandLine(("rate", "2000/s"), ("duration", "1s")), 0, 2).Config);

        Assert.Equal(1000, profile.Rate);
        Assert.Equal(1000, profile.MaxVus);
        Assert.True(profile.IsOpenModel);
    }

    [Theory]
    [InlineData("rate=10/s stages=1s:5 duration=1s", "choose one way")]
    [InlineData("vus=10", "constant-vus needs duration")]
    [InlineData("rate=10/s duration=1s pre-vus=9 max-vus=3", "cannot be more than")]
    [InlineData("vus=0 duration=1s", "@load vus must be at least 1")]
    [InlineData("vus=2 duration=1s max-vus=4", "@load max-vus has no meaning for constant-vus")]
    [InlineData("executor=constant-vu vus=1 duration=1s", "did you mean 'constant-vus'")]
    public void Contradictory_settings_are_refused_with_the_reason_at_the_flow_line(string directive, string message)
    {
        var (config, errors) = ExecutorRegistry.Resolve(Directive(directive));

        Assert.Null(config);
        var error = Assert.Single(errors, e => e.Message.Contains(message, StringComparison.Ordinal));
        Assert.Equal(Line.File, error.Span?.File);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var (_, errors) = ExecutorRegistry.Resolve(Directive("rate=10/s pre-vus=9 max-vus=3"));

        Assert.Contains(errors, e => e.Message.Contains("needs duration", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("cannot be more than", StringComparison.Ordinal));
    }

    [Fact]
    public void A_command_line_problem_names_the_option()
    {
        var (_, errors) = ExecutorRegistry.Resolve(CommandLine(("vus", "3")));

        Assert.Equal("constant-vus needs --duration (for example --duration 30s)", Assert.Single(errors).Message);
        Assert.Null(errors[0].Span);
    }

    [Theory]
    [InlineData("vus=zero", "@load vus: expected a whole number, got 'zero'", 11)]
    [InlineData("duration=fast", "@load duration: expected a duration", 16)]
    [InlineData("think=\"5 parsecs\"", "@load think: think time: unknown duration unit 'parsecs'", 14)]
    [InlineData("stages=\"1s:0->5, x:3\"", "@load stages", 24)]
    [InlineData("fifty users", "@load expects name=value pairs", 7)]
    [InlineData("users=50", "unknown setting 'users'", 7)]
    public void Bad_values_are_reported_at_their_own_column(string directive, string message, int column)
    {
        var reported = new List<(SourceSpan Span, string Message)>();
        new LoadSettings().AddDirective(directive, Line, (span, text) => reported.Add((span, text)));

        var (span, text) = reported[0];
        Assert.Contains(message, text, StringComparison.Ordinal);
        Assert.Equal(column, span.Column);
    }

    private static ExecutorConfig Resolve(LoadSettings settings)
    {
        var (config, errors) = ExecutorRegistry.Resolve(settings);
        Assert.Empty(errors);
        return config!;
    }

    private static LoadSettings Directive(string text)
    {
        var settings = new LoadSettings();
        settings.AddDirective(text, Line, (span, message) => Assert.Fail($"{span}: {message}"));
        return settings;
    }

    private static LoadSettings CommandLine(params (string Name, string Value)[] values)
    {
        var settings = new LoadSettings();
        foreach (var (name, value) in values)
        {
            settings.SetFromCommandLine(name, value);
        }

        return settings;
    }
}
