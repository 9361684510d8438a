using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Pacer.Load.Results;

namespace Pacer.Reports.Load;

/// <summary>
/// JUnit XML for a load run (<c>--report junit=PATH</c>): a <c>thresholds</c> suite with a
/// testcase per threshold (a failure says actual vs limit) and an <c>sla</c> suite with a
/// testcase per step that has a <c>duration &lt;</c> budget (a failure says how many requests
/// missed it). An aborted run says why in the thresholds suite's <c>system-out</c>.
/// </summary>
public sealed class LoadJUnitReportWriter : ILoadReportWriter
{
    public string Format => "junit";

    public void Write(LoadResult result, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(result);
        var thresholds = ThresholdSuite(result);
        var sla = SlaSuite(result);
        var suites = new[] { thresholds, sla };
        var root = new XElement(
            "testsuites",
            new XAttribute("name", "pacer load"),
            new XAttribute("tests", suites.Sum(s => (int)s.Attribute("tests")!)),
            new XAttribute("failures", suites.Sum(s => (int)s.Attribute("failures")!)),
            new XAttribute("errors", 0),
            new XAttribute("time", Seconds(result.DurationSeconds)),
            suites);

        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) };
        using var writer = XmlWriter.Create(destination, settings);
        new XDocument(new XDeclaration("1.0", "utf-8", null), root).Save(writer);
    }

    private static XElement ThresholdSuite(LoadResult result)
    {
        var suite = Suite("thresholds", result, result.Thresholds.Count, result.Thresholds.Count(t => !t.Passed));
        foreach (var threshold in result.Thresholds)
        {
            var testcase = Case(threshold.Text, "pacer.load.thresholds", result.DurationSeconds);
            if (!threshold.Passed)
            {
                var actual = threshold.ActualText.Length == 0 ? "no data" : threshold.ActualText;
                testcase.Add(new XElement(
                    "failure",
                    new XAttribute("message", Clean($"{threshold.Text}: actual {actual}, limit {LoadFormatting.Limit(threshold)}")),
                    new XAttribute("type", "ThresholdBreached"),
                    Clean($"metric {threshold.Metric}{(threshold.Step is null ? "" : $" of step {threshold.Step}")}: actual {actual}, required {LoadFormatting.Limit(threshold)}")));
            }

            suite.Add(testcase);
        }

        if (result.Aborted is { } aborted)
        {
            suite.Add(new XElement("system-out", Clean($"run aborted: {aborted}")));
        }

        return suite;
    }

    private static XElement SlaSuite(LoadResult result)
    {
        var steps = result.Steps.Where(s => s.Sla is not null).ToList();
        var suite = Suite("sla", result, steps.Count, steps.Count(s => !s.Sla!.Met));
        foreach (var step in steps)
        {
            var sla = step.Sla!;
            var testcase = Case($"step[{step.Name}] duration < {LoadFormatting.Milliseconds(sla.BudgetMs)}", step.Flow.Length == 0 ? "pacer.load.sla" : step.Flow, result.DurationSeconds);
            if (!sla.Met)
            {
                var share = step.Requests == 0 ? 0 : (double)sla.Violations / step.Requests;
                testcase.Add(new XElement(
                    "failure",
                    new XAttribute("message", Clean($"{LoadFormatting.Count(sla.Violations)} of {LoadFormatting.Count(step.Requests)} requests ({LoadFormatting.Percent(share)}) slower than {LoadFormatting.Milliseconds(sla.BudgetMs)}")),
                    new XAttribute("type", "SlaViolated"),
                    Clean($"{step.Method} {step.Url}: p95 {LoadFormatting.Milliseconds(step.LatencyMs.P95)}, p99 {LoadFormatting.Milliseconds(step.LatencyMs.P99)}, max {LoadFormatting.Milliseconds(step.LatencyMs.Max)}")));
            }

            suite.Add(testcase);
        }

        return suite;
    }

    private static XElement Suite(string name, LoadResult result, int tests, int failures) => new(
        "testsuite",
        new XAttribute("name", name),
        new XAttribute("tests", tests),
        new XAttribute("failures", failures),
        new XAttribute("errors", 0),
        new XAttribute("skipped", 0),
        new XAttribute("time", Seconds(result.DurationSeconds)),
        new XAttribute("timestamp", result.StartedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)));

    private static XElement Case(string name, string classname, double seconds) => new(
        "testcase",
        new XAttribute("name", Clean(name)),
        new XAttribute("classname", Clean(classname)),
        new XAttribute("time", Seconds(seconds)));

    private static string Seconds(double seconds) => seconds.ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>XML 1.0 cannot carry most control characters; step names and reasons come from users.</summary>
    private static string Clean(string text) =>
        new(text.Where(c => XmlConvert.IsXmlChar(c) || char.IsSurrogate(c)).ToArray());
}
