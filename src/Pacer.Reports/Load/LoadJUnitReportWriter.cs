using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Pacer.Load.Results;

namespace Pacer.Reports.Load;

/// <summary>
/// JUnit XML for a load run (<c>--report junit=PATH</c>), reading the run's one verdict: it has a
/// failure exactly when the run failed. A <c>thresholds</c> suite has a testcase per threshold (the
/// implicit <c>checks==100%</c> included; a failure says actual vs limit and which steps' checks
/// failed), a <c>setup</c> suite a testcase per <c>@once</c> step, and a run that stopped early a
/// failed <c>run</c> testcase saying why. Step budgets are reported in the <c>sla</c> suite's
/// output: a missed budget fails the run through the checks threshold, not a second time here.
/// </summary>
public sealed class LoadJUnitReportWriter : ILoadReportWriter
{
    public string Format => "junit";

    public void Write(LoadResult result, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(result);
        var suites = new[] { ThresholdSuite(result), SetupSuite(result), SlaSuite(result) };
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
            var testcase = Case(LoadFormatting.ThresholdText(threshold), "pacer.load.thresholds", result.DurationSeconds);
            if (!threshold.Passed)
            {
                var actual = threshold.ActualText.Length == 0 ? "no data" : threshold.ActualText;
                testcase.Add(new XElement(
                    "failure",
                    new XAttribute("message", Clean($"{threshold.Text}: actual {actual}, limit {LoadFormatting.Limit(threshold)}")),
                    new XAttribute("type", "ThresholdBreached"),
                    Clean($"metric {threshold.Metric}{(threshold.Step is null ? "" : $" of step {threshold.Step}")}: actual {actual}, required {LoadFormatting.Limit(threshold)}{FailedChecks(result, threshold)}")));
            }

            suite.Add(testcase);
        }

        if (result.Aborted is { } aborted)
        {
            var run = Case("run completed", "pacer.load.run", result.DurationSeconds);
            run.Add(new XElement("failure", new XAttribute("message", Clean($"run stopped early: {aborted}")), new XAttribute("type", "RunAborted")));
            suite.Add(run);
            suite.SetAttributeValue("tests", result.Thresholds.Count + 1);
            suite.SetAttributeValue("failures", result.Thresholds.Count(t => !t.Passed) + 1);
        }

        return suite;
    }

    private static XElement SetupSuite(LoadResult result)
    {
        var suite = Suite("setup", result, result.Setup.Count, result.Setup.Count(s => !s.Passed));
        foreach (var step in result.Setup)
        {
            var testcase = Case($"@once {step.Name}", "pacer.load.setup", step.DurationMs / 1000);
            if (!step.Passed)
            {
                testcase.Add(new XElement("failure", new XAttribute("message", Clean(step.Reason ?? "failed")), new XAttribute("type", step.Failure ?? "SetupFailed")));
            }

            suite.Add(testcase);
        }

        return suite;
    }

    /// <summary>For a checks threshold: which steps' checks did not pass, and why, so the failure says where to look.</summary>
    private static string FailedChecks(LoadResult result, ThresholdOutcome threshold)
    {
        if (threshold.Metric != "checks")
        {
            return "";
        }

        var failing = result.Steps
            .Where(s => (threshold.Step is null || s.Name == threshold.Step) && s.Checks.Passed < s.Checks.Total)
            .Select(s => $"step {s.Name}: {LoadFormatting.Count(s.Checks.Total - s.Checks.Passed)} of {LoadFormatting.Count(s.Checks.Total)} did not pass ({LoadFormatting.FailureKinds(WithSkips(s))})")
            .ToList();
        return failing.Count == 0 ? "" : "\n" + string.Join("\n", failing);
    }

    private static Dictionary<string, long> WithSkips(LoadStepResult step)
    {
        var kinds = new Dictionary<string, long>(step.FailuresByKind, StringComparer.Ordinal);
        if (step.Checks.Skipped > 0)
        {
            kinds["skipped"] = step.Checks.Skipped;
        }

        return kinds;
    }

    private static XElement SlaSuite(LoadResult result)
    {
        var steps = result.Steps.Where(s => s.Sla is not null).ToList();
        var suite = Suite("sla", result, steps.Count, failures: 0);
        foreach (var step in steps)
        {
            var sla = step.Sla!;
            var testcase = Case($"step[{step.Name}] duration < {LoadFormatting.Milliseconds(sla.BudgetMs)}", step.Flow.Length == 0 ? "pacer.load.sla" : step.Flow, result.DurationSeconds);
            var share = step.Requests == 0 ? 0 : (double)sla.Violations / step.Requests;
            testcase.Add(new XElement(
                "system-out",
                Clean($"{LoadFormatting.Sla(sla)}: {LoadFormatting.Count(sla.Violations)} of {LoadFormatting.Count(step.Requests)} requests ({LoadFormatting.Percent(share)}) slower; " +
                      $"{step.Method} {step.Url}: p95 {LoadFormatting.Milliseconds(step.LatencyMs.P95)}, p99 {LoadFormatting.Milliseconds(step.LatencyMs.P99)}, max {LoadFormatting.Milliseconds(step.LatencyMs.Max)}")));
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
