using System.Globalization;
using Pacer.Contracts.Probing.Checks;

namespace Pacer.Contracts.Probing.Reports;

/// <summary>The probe report for a terminal: each finding with its evidence, confirmation and curl line, then notes and a summary.</summary>
public static class ProbeConsoleReport
{
    public static void Write(TextWriter output, ProbeReport report)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(report);
        foreach (var finding in report.Findings)
        {
            output.WriteLine($"[{finding.Severity.ToString().ToUpperInvariant()}] {finding.Category.Code()} {finding.Check} {finding.Operation}: {finding.Title}");
            output.WriteLine($"  expected {finding.Expected}, got {finding.Got}");
            output.WriteLine($"  confirmed: {finding.Confirmation.How}");
            output.WriteLine($"  {finding.Curl(report.BaseUrl)}");
            output.WriteLine();
        }

        foreach (var note in report.Notes)
        {
            output.WriteLine($"note: {note}");
        }

        var cost = string.Create(CultureInfo.InvariantCulture, $"{report.OperationsProbed} operations, {report.RequestsSent} requests in {report.Duration.TotalSeconds:F1} s, {report.Checks.Count} checks");
        output.WriteLine(report.Clean ? $"No findings: {cost}." : $"{report.Findings.Count} finding(s): {cost}.");
    }

    /// <summary>Every check with its category and what it does, for <c>pacer probe --list-checks</c>.</summary>
    public static void WriteChecks(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        foreach (var check in ProbeCheckCatalog.Create())
        {
            output.WriteLine($"{check.Name,-28} {check.Category.Code(),-10} {check.Description}");
        }
    }
}
