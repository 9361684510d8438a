using System.Text;

namespace Pacer.Contracts.Probing.Reports;

/// <summary>
/// The probe report as Markdown. Each finding's request is a ```kest block, so the report itself is a
/// flow: <c>pacer run report.md</c> replays every finding.
/// </summary>
public static class ProbeMarkdownReport
{
    public static string Write(ProbeReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.Append("# Probe report\n\n");
        text.Append($"`{report.Source}` against `{report.BaseUrl}`: {report.OperationsProbed} operations, {report.RequestsSent} requests, ");
        text.Append(report.Clean ? "**no findings**.\n" : $"**{report.Findings.Count} finding(s)**.\n");
        if (!report.Clean)
        {
            text.Append("\n| Severity | Kind | Operation | Finding | Expected | Got |\n| --- | --- | --- | --- | --- | --- |\n");
            foreach (var finding in report.Findings)
            {
                text.Append($"| {finding.Severity} | {finding.Kind} | `{finding.Operation}` | {Cell(finding.Title)} | {Cell(finding.Expected)} | {Cell(finding.Got)} |\n");
            }

            foreach (var finding in report.Findings)
            {
                text.Append($"\n## {finding.Severity}: {Cell(finding.Title)}\n\n`{finding.Operation}` ({finding.Kind}): expected {Cell(finding.Expected)}, got {Cell(finding.Got)}.\n\n");
                text.Append(finding.Kest);
            }
        }

        if (report.Notes.Count > 0)
        {
            text.Append("\n## Notes\n\n");
            foreach (var note in report.Notes)
            {
                text.Append("- ").Append(note).Append('\n');
            }
        }

        return text.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
