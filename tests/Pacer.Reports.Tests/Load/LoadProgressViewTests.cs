using Pacer.Load.Results;
using Pacer.Load.Runtime;
using Pacer.Reports.Load;
using Spectre.Console;
using Xunit;

namespace Pacer.Reports.Tests.Load;

/// <summary>
/// The live panel and the plain progress lines as a user reads them: every figure says whether it is
/// the last second or the whole run, a rate run shows busy VUs and its target, and the last frame of
/// a run that ran its course is full.
/// </summary>
public sealed class LoadProgressViewTests
{
    private static readonly TimeSpan Total = TimeSpan.FromSeconds(20);

    [Fact]
    public void Before_the_first_second_ends_rate_and_p95_are_not_shown_as_zero()
    {
        var frame = Frame(elapsed: 0.9, requests: 2_321) with { RequestsPerSecond = null, P95Ms = null, LastSecond = null };

        var panel = Render(frame);
        var line = PlainProgressLines.Line(frame, "ok");

        Assert.Contains("first second not over", panel, StringComparison.Ordinal);
        Assert.Contains("—", panel, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(?<![\d.])0(/s|ms)", panel);
        Assert.Contains("2,321", panel, StringComparison.Ordinal);
        Assert.Contains("rps=- p95=-", line, StringComparison.Ordinal);
    }

    [Fact]
    public void The_headline_says_it_is_the_last_second_and_the_thresholds_say_whole_run_so_far()
    {
        var frame = Frame(elapsed: 12.3, requests: 24_000) with { LastSecond = 11, RequestsPerSecond = 2_003, P95Ms = 4.25 };

        var panel = Render(frame);

        Assert.Contains("last second (11-12s)", panel, StringComparison.Ordinal);
        Assert.Contains("2003/s", panel, StringComparison.Ordinal);
        Assert.Contains("4.25ms", panel, StringComparison.Ordinal);
        Assert.Contains("thresholds (whole run so far)", panel, StringComparison.Ordinal);
        Assert.Contains("whole run so far", panel.Split("thresholds")[0], StringComparison.Ordinal); // over requests, errors, dropped
        Assert.Contains("p95 so far", panel, StringComparison.Ordinal); // the step table is cumulative
        Assert.Matches(@"VUs\s+requests/s", panel);
        Assert.DoesNotContain("target", panel, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rate_run_shows_its_busy_vus_and_the_target_rate()
    {
        var frame = Frame(elapsed: 5.2, requests: 2_500) with { OpenModel = true, ActiveVus = 14, LastSecond = 4, RequestsPerSecond = 498, P95Ms = 2.1, TargetRate = 500 };

        var panel = Render(frame);
        var line = PlainProgressLines.Line(frame, "ok");

        Assert.Matches(@"busy VUs\s+requests/s\s+p95\s+target", panel);
        Assert.Matches(@"14\s+498/s\s+2\.1ms\s+500/s", panel);
        Assert.Contains("vus=14 rps=498/s p95=2.1ms target=500/s", line, StringComparison.Ordinal);
    }

    [Fact]
    public void The_final_frame_of_a_completed_run_is_full_and_says_whole_run()
    {
        // The last tick came at 19.6 s; the schedule ran its 20 s course.
        var done = Frame(elapsed: 19.6, requests: 40_000) with { Final = true, Completed = true, ActiveVus = 64, RequestsPerSecond = 2_000, P95Ms = 5 };
        var stopped = done with { Completed = false, Elapsed = TimeSpan.FromSeconds(9.4) };

        var panel = Render(done);

        Assert.Contains("20s / 20s", panel, StringComparison.Ordinal);
        Assert.Contains("100%  done", panel, StringComparison.Ordinal);
        Assert.Contains(new string('█', 30), panel, StringComparison.Ordinal);
        Assert.Contains("peak VUs", panel, StringComparison.Ordinal);
        Assert.Contains("thresholds (whole run)", panel, StringComparison.Ordinal);
        Assert.DoesNotContain("last second", panel, StringComparison.Ordinal);
        Assert.StartsWith("progress done 20s/20s", PlainProgressLines.Line(done, "ok"), StringComparison.Ordinal);
        Assert.EndsWith("47%  stopped", LoadProgressView.TimeLine(stopped), StringComparison.Ordinal);
        Assert.StartsWith("9s / 20s", LoadProgressView.TimeLine(stopped), StringComparison.Ordinal);
    }

    private static LoadProgress Frame(double elapsed, long requests) =>
        new(TimeSpan.FromSeconds(elapsed), Total, 8, null, null, requests, requests / 100, 0,
            [new LoadProgressStep("Login", requests, 4.5, 0.01, 0)],
            [new ThresholdOutcome { Text = "p95<150ms", Metric = "p95", Passed = true, Actual = 4.5, ActualText = "4.5ms" }]);

    private static string Render(LoadProgress progress)
    {
        using var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 140;
        console.Write(LoadProgressView.Render(progress));
        return output.ToString();
    }
}
