using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Pacer.Core.Execution;

namespace Pacer.Reports;

/// <summary>
/// JUnit XML (<c>--report junit=PATH</c>) in the shape CI systems read: a <c>testsuite</c> per
/// flow file, a <c>testcase</c> per step, <c>failure</c> with the reason and failed assertions,
/// <c>skipped</c> with why; soft-assertion warnings go to <c>system-out</c>.
/// </summary>
public sealed class JUnitReportWriter : IReportWriter
{
    public string Format => "junit";

    public void Write(RunResult run, Stream destination)
    {
        var steps = run.Steps.ToList();
        var root = new XElement(
            "testsuites",
            new XAttribute("name", "pacer"),
            new XAttribute("tests", steps.Count),
            new XAttribute("failures", steps.Count(s => s.Status == StepStatus.Failed)),
            new XAttribute("errors", 0),
            new XAttribute("skipped", steps.Count(s => s.Status == StepStatus.Skipped)),
            new XAttribute("time", ReportFormatting.Seconds(run.Duration)),
            run.Flows.Select(Suite));

        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), CheckCharacters = false };
        using var writer = XmlWriter.Create(destination, settings);
        new XDocument(new XDeclaration("1.0", "utf-8", null), root).Save(writer);
    }

    private static XElement Suite(FlowRunResult flow) => new(
        "testsuite",
        new XAttribute("name", flow.Name),
        new XAttribute("tests", flow.Steps.Count),
        new XAttribute("failures", flow.FailedCount),
        new XAttribute("errors", 0),
        new XAttribute("skipped", flow.SkippedCount),
        new XAttribute("time", ReportFormatting.Seconds(flow.Duration)),
        new XAttribute("timestamp", flow.StartedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)),
        new XAttribute("file", flow.Path),
        flow.Steps.Select(step => Case(flow, step)));

    private static XElement Case(FlowRunResult flow, StepResult step)
    {
        var element = new XElement(
            "testcase",
            new XAttribute("name", $"{step.Number}. {step.Step.Name}"),
            new XAttribute("classname", flow.Path),
            new XAttribute("time", ReportFormatting.Seconds(step.Duration)),
            new XAttribute("file", flow.Path),
            new XAttribute("line", step.Step.Span.Line));

        switch (step.Status)
        {
            case StepStatus.Failed:
                element.Add(new XElement(
                    "failure",
                    new XAttribute("message", Clean(step.Reason ?? "failed")),
                    new XAttribute("type", step.Response is null ? "RequestFailure" : "AssertionFailure"),
                    Clean(FailureDetails(step))));
                break;
            case StepStatus.Skipped:
                element.Add(new XElement("skipped", new XAttribute("message", Clean(step.Reason ?? "skipped"))));
                break;
        }

        var warnings = step.Warnings.Select(w => $"warning (soft): {w.Assertion.Text}: expected {w.Expected}, actual {w.Actual} at {ReportFormatting.Location(w.Assertion.Span)}").ToList();
        if (warnings.Count > 0)
        {
            element.Add(new XElement("system-out", Clean(string.Join("\n", warnings))));
        }

        return element;
    }

    private static string FailureDetails(StepResult step)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{ReportFormatting.Method(step)} {ReportFormatting.Url(step)} -> {step.Response?.Status.ToString(CultureInfo.InvariantCulture) ?? "no response"}");
        text.AppendLine(step.Reason);
        foreach (var failed in step.FailedAssertions)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{failed.Assertion.Text} at {ReportFormatting.Location(failed.Assertion.Span)}: expected {failed.Expected}, actual {failed.Actual}");
        }

        if (step.Response is { BodyText.Length: > 0 } response)
        {
            text.AppendLine("response body:");
            text.AppendLine(ReportFormatting.Body(response.BodyText, 4000));
        }

        return text.ToString();
    }

    /// <summary>XML 1.0 cannot carry most control characters; a response body may contain them.</summary>
    private static string Clean(string text) =>
        new(text.Where(c => XmlConvert.IsXmlChar(c) || char.IsSurrogate(c)).ToArray());
}
