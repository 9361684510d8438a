using System.Globalization;
using System.Xml.Linq;

namespace Pacer.Contracts.Probing.Reports;

/// <summary>
/// JUnit XML for CI: one test suite per OWASP category, one test case per check that ran — passing when it found
/// nothing, one failed case per finding otherwise, the failure carrying the evidence, the confirmation and the curl line.
/// </summary>
public static class ProbeJunitReport
{
    public static string Write(ProbeReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var cases = new List<(OwaspCategory Category, XElement Case, bool Failed)>();
        foreach (var finding in report.Findings)
        {
            var text = $"{finding.Operation}: expected {finding.Expected}, got {finding.Got}\nconfirmed: {finding.Confirmation.How}\n{finding.Curl(report.BaseUrl)}\n\n{finding.Kest}";
            cases.Add((finding.Category, new XElement("testcase",
                new XAttribute("classname", finding.Check),
                new XAttribute("name", $"{finding.Operation}: {finding.Title}"),
                new XElement("failure",
                    new XAttribute("message", $"[{finding.Severity.ToString().ToUpperInvariant()}] {finding.Title}"),
                    new XAttribute("type", finding.Category.Code()),
                    text)), true));
        }

        foreach (var check in report.Checks.Where(c => report.Findings.All(f => f.Check != c.Name)))
        {
            cases.Add((check.Category, new XElement("testcase", new XAttribute("classname", check.Name), new XAttribute("name", $"{check.Name}: no findings")), false));
        }

        var suites = new XElement("testsuites",
            new XAttribute("name", "pacer probe"),
            new XAttribute("tests", cases.Count.ToString(CultureInfo.InvariantCulture)),
            new XAttribute("failures", report.Findings.Count.ToString(CultureInfo.InvariantCulture)),
            new XAttribute("time", report.Duration.TotalSeconds.ToString("F3", CultureInfo.InvariantCulture)));
        foreach (var group in cases.GroupBy(c => c.Category).OrderBy(g => g.Key))
        {
            suites.Add(new XElement("testsuite",
                new XAttribute("name", $"{group.Key.Code()} {group.Key.Title()}"),
                new XAttribute("tests", group.Count().ToString(CultureInfo.InvariantCulture)),
                new XAttribute("failures", group.Count(c => c.Failed).ToString(CultureInfo.InvariantCulture)),
                group.Select(c => c.Case)));
        }

        return new XDocument(new XDeclaration("1.0", "utf-8", null), suites).ToString();
    }
}
