using System.Globalization;
using Pacer.Reports.Html;
using Pacer.TestSupport;
using Xunit;

namespace Pacer.Reports.Tests.Html;

/// <summary>
/// An open-model run's report as headless Chromium lays it out: the target-rate line, the status
/// breakdown and the per-step latency chart are drawn, not only written. Set <c>PACER_DOCS_IMAGES</c>
/// (scripts/report-screenshots.sh does) to refresh docs/images/load-rate-report.png.
/// </summary>
public sealed class ChromiumRateReportTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("pacer-html-rate-");

    [Fact]
    public async Task Rate_report_draws_the_target_line_the_status_breakdown_and_each_steps_latency()
    {
        var result = SampleRateLoad.Create();
        var page = Path.Combine(_folder.FullName, "rate.html");
        await using (var stream = File.Create(page))
        {
            new HtmlReportWriter().Write(result, stream);
        }

        var dom = new PageDom(await HeadlessChromium.DumpDomAsync(page, TestContext.Current.CancellationToken));

        // Every chart was laid out: six time charts (throughput, latency, errors, VUs, dropped, p95 by step), the distribution, the status bar.
        Assert.Equal("8", dom.One("html", "data-charts-rendered")["data-charts-rendered"]);

        // The target line is drawn across the 30 scheduled seconds (none after the schedule ended), dashed.
        var target = dom.One("path", "data-series", "target");
        Assert.Equal(SampleRateLoad.Seconds, SvgPath.Points(target["d"]).Count);
        Assert.Equal(1, SvgPath.Segments(target["d"]));
        Assert.True(Rendered(target) > 300, $"target line only {Rendered(target)} units long");
        Assert.Equal("6px, 4px", target["data-rendered-dash"]);
        Assert.Equal("none", dom.One("path", "data-series", "rps")["data-rendered-dash"]);

        // Each step's p95 line is drawn with a point for every second of the run.
        foreach (var step in result.Steps)
        {
            var line = dom.One("path", "data-series", "p95:" + step.Name);
            Assert.Equal(step.TimeSeries.Count, SvgPath.Points(line["d"]).Count);
            Assert.True(Rendered(line) > 300, $"{step.Name} drew only {Rendered(line)} units");
        }

        // The status bar: each code's part as wide on screen as its share of the responses.
        var segments = dom.All("rect", "data-status");
        var widths = segments.Select(s => double.Parse(s["data-rendered-width"], CultureInfo.InvariantCulture)).ToList();
        var total = widths.Sum();
        Assert.True(total > 600, $"status bar only {total}px wide");
        for (var i = 0; i < segments.Count; i++)
        {
            var share = (double)result.Summary.StatusCodes[segments[i]["data-status"]] / result.Summary.Requests;
            Assert.Equal(share, widths[i] / total, 0.01);
        }

        Assert.True(widths[1] > 0, "the 429s (about 1%) are visible");
        if (Environment.GetEnvironmentVariable("PACER_DOCS_IMAGES") is { Length: > 0 } docs)
        {
            await HeadlessChromium.ScreenshotAsync(page, Path.Combine(Directory.CreateDirectory(docs).FullName, "load-rate-report.png"), 1280, 3000, TestContext.Current.CancellationToken);
        }
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private static int Rendered(PageElement line) => int.Parse(line["data-rendered-length"], CultureInfo.InvariantCulture);
}
