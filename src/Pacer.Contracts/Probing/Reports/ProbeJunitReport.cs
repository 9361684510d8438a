using System.Globalization;
using System.Xml.Linq;

namespace Pacer.Contracts.Probing.Reports;

/// <summary>
/// JUnit XML for CI: one test suite per finding kind that was checked, one failed test case per
/// finding; a clean run is one passing test case, so CI shows the probe ran.
/// </summary>
public static class ProbeJunitReport
{
    public static string Write(ProbeReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var suites = new XElement("testsuites",
            new XAttribute("name", "pacer probe"),
            new XAttribute("tests", Math.Max(1, report.Findings.Count).ToString(CultureInfo.InvariantCulture)),
            new XAttribute("failures", report.Findings.Count.ToString(CultureInfo.InvariantCulture)));
        if (report.Clean)
        {
            suites.Add(new XElement("testsuite", new XAttribute("name", "probe"), new XAttribute("tests", "1"), new XAttribute("failures", "0"),
                new XElement("testcase", new XAttribute("classname", "probe"), new XAttribute("name", $"{report.OperationsProbed} operations, {report.RequestsSent} requests: no findings"))));
        }

        foreach (var group in report.Findings.GroupBy(f => f.Kind))
        {
            var suite = new XElement("testsuite",
                new XAttribute("name", group.Key.ToString()),
                new XAttribute("tests", group.Count().ToString(CultureInfo.InvariantCulture)),
                new XAttribute("failures", group.Count().ToString(CultureInfo.InvariantCulture)));
            foreach (var finding in group)
            {
                suite.Add(new XElement("testcase",
                    new XAttribute("classname", finding.Operation),
                    new XAttribute("name", finding.Title),
                    new XElement("failure",
                        new XAttribute("message", $"expected {finding.Expected}, got {finding.Got}"),
                        new XAttribute("type", finding.Severity.ToString().ToLowerInvariant()),
                        finding.Kest)));
            }

            suites.Add(suite);
        }

        return new XDocument(new XDeclaration("1.0", "utf-8", null), suites).ToString();
    }
}
