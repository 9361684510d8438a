using System.Globalization;
using System.Xml.Linq;

namespace Pacer.Contracts.Contract.Reports;

/// <summary>
/// JUnit XML for CI: one test suite per check, one test case per operation the check judged — failing with each
/// distinct violation (its case and curl line in the text) — and a passing case per operation with none.
/// </summary>
public static class ContractJunitReport
{
    public static string Write(ContractOutcome outcome, string documentName)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var checks = outcome.Checks.Count > 0 ? outcome.Checks : outcome.Violations.Select(v => v.Check).Distinct().DefaultIfEmpty("response-conformance").ToList();
        var operations = outcome.ResponsesByOperation.Keys.Concat(outcome.Violations.Select(v => v.Operation)).Distinct().Order(StringComparer.Ordinal).ToList();
        var root = new XElement("testsuites", new XAttribute("name", $"pacer contract {documentName}"));
        var total = 0;
        var failures = 0;
        foreach (var check in checks)
        {
            var suite = new XElement("testsuite", new XAttribute("name", check));
            var suiteFailures = 0;
            foreach (var operation in operations)
            {
                var found = outcome.Violations.Where(v => v.Check == check && v.Operation == operation).GroupBy(v => v.Detail).ToList();
                var testCase = new XElement("testcase", new XAttribute("classname", check), new XAttribute("name", operation));
                foreach (var same in found)
                {
                    var first = same.First();
                    testCase.Add(new XElement("failure",
                        new XAttribute("message", same.Key),
                        new XAttribute("type", check),
                        string.Join("\n", new[] { first.ToString(), first.Case is null ? null : "case: " + first.Case, first.Curl }.Where(l => l is not null))));
                }

                suiteFailures += found.Count > 0 ? 1 : 0;
                suite.Add(testCase);
            }

            suite.Add(new XAttribute("tests", operations.Count.ToString(CultureInfo.InvariantCulture)), new XAttribute("failures", suiteFailures.ToString(CultureInfo.InvariantCulture)));
            total += operations.Count;
            failures += suiteFailures;
            root.Add(suite);
        }

        root.Add(new XAttribute("tests", total.ToString(CultureInfo.InvariantCulture)), new XAttribute("failures", failures.ToString(CultureInfo.InvariantCulture)));
        if (outcome.Seed is { } seed)
        {
            root.Add(new XElement("properties", new XElement("property", new XAttribute("name", "seed"), new XAttribute("value", seed.ToString(CultureInfo.InvariantCulture)))));
        }

        return new XDocument(new XDeclaration("1.0", "utf-8", null), root).ToString();
    }
}
