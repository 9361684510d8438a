using Pacer.TestSupport;
using System.Globalization;
using Pacer.Load.Results;
using Pacer.Reports.Html;
using Xunit;

namespace Pacer.Reports.Tests.Html;

/// <summary>
/// Opens written reports in headless Chromium and reads back what the browser built: the charts
/// were laid out with the right number of points, and the numbers on the page are the result
/// file's. Set <c>PACER_DOCS_IMAGES</c> to docs/images to refresh the screenshots in the docs.
/// </summary>
public sealed class ChromiumReportTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("pacer-html-");

    [Fact]
    public async Task Load_report_renders_every_chart_and_card_with_the_result_files_numbers()
    {
        var result = SampleLoad.Create();
        var page = WriteLoadReport(result, "load.html");
        var screenshot = Path.Combine(_folder.FullName, "load-report.png");

        var probe = WithHoverProbe(page, second: 30);

        var dump = HeadlessChromium.DumpDomAsync(probe, TestContext.Current.CancellationToken);
        await HeadlessChromium.ScreenshotAsync(page, screenshot, 1280, 2000, TestContext.Current.CancellationToken);
        var dom = new PageDom(await dump);

        AssertCharts(dom, result);
        AssertCards(dom, result);
        AssertHoverReadout(dom, result.TimeSeries[30]);
        var png = await File.ReadAllBytesAsync(screenshot, TestContext.Current.CancellationToken);
        Assert.True(png.Length > 20_000, $"screenshot is only {png.Length} bytes");
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        CopyToDocs(screenshot, "load-report.png");
        if (DocsImages is { } docs)
        {
            await HeadlessChromium.ScreenshotAsync(page, Path.Combine(docs, "load-report-dark.png"), 1280, 1100, TestContext.Current.CancellationToken, dark: true);
        }
    }

    [Fact]
    public async Task Run_report_opens_failed_steps_and_shows_a_script_body_as_text()
    {
        var page = Path.Combine(_folder.FullName, "run.html");
        await using (var stream = File.Create(page))
        {
            new HtmlReportWriter().Write(SampleRun.Create(failedBody: """{"error":"<script>document.title='owned'</script>"}"""), stream);
        }

        var dom = new PageDom(await HeadlessChromium.DumpDomAsync(page, TestContext.Current.CancellationToken));

        // Had the body's script run, it would have renamed the page.
        Assert.Equal("Pacer run report · failed", TitleOf(dom.Html));
        Assert.Contains("&lt;script&gt;", dom.Html, StringComparison.Ordinal);
        Assert.True(dom.One("details", "data-step", "Profile").Has("open"));
        Assert.False(dom.One("details", "data-step", "Echo").Has("open"));
        if (DocsImages is { } docs)
        {
            await HeadlessChromium.ScreenshotAsync(page, Path.Combine(docs, "run-report.png"), 1280, 1400, TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public void Missing_chromium_fails_with_how_to_install_it()
    {
        var error = Assert.Throws<InvalidOperationException>(() => HeadlessChromium.Executable([null, Path.Combine(_folder.FullName, "no-chromium")]));

        Assert.Contains("scripts/chromium.sh", error.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install -y chromium", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private string WriteLoadReport(LoadResult result, string name)
    {
        var page = Path.Combine(_folder.FullName, name);
        using var stream = File.Create(page);
        new HtmlReportWriter().Write(result, stream);
        return page;
    }

    /// <summary>A copy of the page that moves the mouse over the latency chart at <paramref name="second"/> and records the read-out.</summary>
    private static string WithHoverProbe(string page, int second)
    {
        var probe = $$"""
            <script>
            var figure = document.querySelector('figure[data-chart="latency"]'), svg = figure.querySelector('svg'), box = svg.getBoundingClientRect();
            var seconds = svg.getAttribute('data-seconds').split(' ').length;
            var x = box.left + box.width * (52 + (600 - 66) * {{second}} / (seconds - 1)) / 600;
            svg.dispatchEvent(new MouseEvent('mousemove', { clientX: x, clientY: box.top + box.height / 2, bubbles: true }));
            var tip = figure.querySelector('.tip');
            document.documentElement.setAttribute('data-probe-hidden', String(tip.hidden));
            document.documentElement.setAttribute('data-probe-text', tip.textContent);
            </script>
            </body>
            """;
        var path = Path.ChangeExtension(page, ".probe.html");
        File.WriteAllText(path, File.ReadAllText(page).Replace("</body>", probe, StringComparison.Ordinal));
        return path;
    }

    private static void AssertHoverReadout(PageDom dom, LoadTimePoint point)
    {
        var html = dom.One("html", "data-probe-text");
        Assert.Equal("false", html["data-probe-hidden"]);
        var text = html["data-probe-text"];
        Assert.StartsWith(LineChartClock(point.Second), text, StringComparison.Ordinal);
        foreach (var (name, value) in new[] { ("p50", point.P50Ms), ("p95", point.P95Ms), ("p99", point.P99Ms) })
        {
            // The script rounds like JavaScript's Math.round(v * 100) / 100.
            var shown = (Math.Floor((value * 100) + 0.5) / 100).ToString(CultureInfo.InvariantCulture);
            Assert.Contains($"{name} {shown}ms", text, StringComparison.Ordinal);
        }
    }

    private static string LineChartClock(long second) => Pacer.Reports.Html.Charts.LineChart.Clock(second);

    private static void AssertCharts(PageDom dom, LoadResult result)
    {
        // The inline script ran in the browser and measured every chart it laid out: four time charts,
        // p95 by step and the distribution (a closed-model run has no dropped-iterations chart).
        Assert.Equal("6", dom.One("html", "data-charts-rendered")["data-charts-rendered"]);
        foreach (var chart in new[] { "throughput", "latency", "errors", "vus", "step-latency" })
        {
            Assert.Equal(result.TimeSeries.Count.ToString(CultureInfo.InvariantCulture), dom.One("figure", "data-chart", chart)["data-points"]);
        }

        var svgs = dom.All("svg", "data-rendered-width");
        Assert.Equal(6, svgs.Count);
        Assert.All(svgs, svg => Assert.True(int.Parse(svg["data-rendered-width"], CultureInfo.InvariantCulture) > 400, $"chart only {svg["data-rendered-width"]}px wide"));
        AssertSeries(dom, "rps", result.TimeSeries.Select(p => p.RequestsPerSecond));
        AssertSeries(dom, "p50", result.TimeSeries.Select(p => p.P50Ms));
        AssertSeries(dom, "p95", result.TimeSeries.Select(p => p.P95Ms));
        AssertSeries(dom, "p99", result.TimeSeries.Select(p => p.P99Ms));
        AssertSeries(dom, "errors", result.TimeSeries.Select(p => (double)p.Errors));
        AssertSeries(dom, "vus", result.TimeSeries.Select(p => (double)p.Vus));

        var distribution = dom.One("figure", "data-chart", "latency-distribution");
        var bars = dom.All("rect", "data-count");
        Assert.Equal(distribution["data-points"], bars.Count.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(result.Histograms.Overall!.Count, bars.Sum(b => long.Parse(b["data-count"], CultureInfo.InvariantCulture)));
        Assert.Contains(bars, b => double.Parse(b["data-rendered-height"], CultureInfo.InvariantCulture) > 50);
        Assert.Equal(result.Summary.LatencyMs.P95, Number(dom.One("line", "data-percentile", "p95")["data-ms"]));
    }

    private static void AssertCards(PageDom dom, LoadResult result)
    {
        var s = result.Summary;
        AssertCard(dom, "requests", s.Requests, "", 1);
        AssertCard(dom, "rps", s.Rps, "", 1);
        AssertCard(dom, "p95", s.LatencyMs.P95, " ms", 1);
        AssertCard(dom, "error-rate", s.ErrorRate, "%", 100);
        var thresholds = dom.One("div", "data-metric", "thresholds");
        Assert.Equal($"{result.Thresholds.Count(t => t.Passed)} / {result.Thresholds.Count}", dom.ClassText(thresholds, "value"));
        Assert.Equal(result.Thresholds.Count(t => !t.Passed).ToString(CultureInfo.InvariantCulture), thresholds["data-failed"]);
    }

    private static void AssertSeries(PageDom dom, string series, IEnumerable<double> expected)
    {
        var line = dom.One("path", "data-series", series);
        var values = expected.ToList();
        Assert.Equal(values.Count.ToString(CultureInfo.InvariantCulture), line["data-points"]);
        Assert.Equal(values, line["data-values"].Split(' ').Select(Number));
        Assert.Equal(values.Count(double.IsFinite), SvgPath.Points(line["d"]).Count);
        Assert.True(int.Parse(line["data-rendered-length"], CultureInfo.InvariantCulture) > 100, $"{series} drew only {line["data-rendered-length"]} units");
    }

    /// <summary>The card's exact value is the result's, and the number shown is that value rounded to the digits shown.</summary>
    private static void AssertCard(PageDom dom, string metric, double expected, string unit, double scale)
    {
        var card = dom.One("div", "data-metric", metric);
        Assert.Equal(expected, Number(card["data-value"]));
        var text = dom.ClassText(card, "value");
        Assert.EndsWith(unit, text, StringComparison.Ordinal);
        var digits = text[..^unit.Length];
        var decimals = digits.Contains('.', StringComparison.Ordinal) ? digits.Length - digits.IndexOf('.', StringComparison.Ordinal) - 1 : 0;
        var shown = double.Parse(digits, NumberStyles.Number, CultureInfo.InvariantCulture);
        Assert.Equal(Math.Round(expected * scale, decimals, MidpointRounding.AwayFromZero), shown, 1e-9);
    }

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private static string TitleOf(string html)
    {
        var start = html.IndexOf("<title>", StringComparison.Ordinal) + 7;
        return html[start..html.IndexOf("</title>", start, StringComparison.Ordinal)];
    }

    /// <summary>Refreshes the docs' screenshot when asked to (PACER_DOCS_IMAGES=docs/images); tests never depend on it.</summary>
    private static void CopyToDocs(string screenshot, string name)
    {
        if (DocsImages is { } folder)
        {
            File.Copy(screenshot, Path.Combine(folder, name), overwrite: true);
        }
    }

    private static string? DocsImages => Environment.GetEnvironmentVariable("PACER_DOCS_IMAGES") is { Length: > 0 } folder
        ? Directory.CreateDirectory(folder).FullName
        : null;
}
