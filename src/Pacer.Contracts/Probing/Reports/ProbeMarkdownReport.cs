using System.Globalization;
using System.Text;
using Pacer.Contracts.Probing.Evidence;

namespace Pacer.Contracts.Probing.Reports;

/// <summary>
/// The probe report as Markdown: a table of findings, then each finding with its evidence, its confirmation, a curl
/// line and a ```kest step whose assertions state the secure behaviour — so the report is itself a flow:
/// <c>pacer run report.md</c> fails while a flaw is there and passes once it is fixed.
/// </summary>
public static class ProbeMarkdownReport
{
    public static string Write(ProbeReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.Append("# Probe report\n\n");
        text.Append(CultureInfo.InvariantCulture, $"`{report.Source}` against `{report.BaseUrl}`: {report.OperationsProbed} operations, {report.RequestsSent} requests in {report.Duration.TotalSeconds:F1} s, ");
        text.Append(report.Clean ? "**no findings**.\n" : $"**{report.Findings.Count} finding(s)**.\n");
        if (!report.Clean)
        {
            text.Append("\n| Severity | Category | Check | Operation | Finding |\n| --- | --- | --- | --- | --- |\n");
            foreach (var finding in report.Findings)
            {
                text.Append($"| {finding.Severity} | {finding.Category.Code()} | `{finding.Check}` | `{finding.Operation}` | {Cell(finding.Title)} |\n");
            }

            foreach (var finding in report.Findings)
            {
                text.Append($"\n## {finding.Severity}: {Cell(finding.Title)}\n\n");
                text.Append($"`{finding.Operation}` — {finding.Category.Code()} {finding.Category.Title()}, check `{finding.Check}`.\n\n");
                text.Append($"- Expected: {Cell(finding.Expected)}\n- Got: {Cell(finding.Got)}\n");
                text.Append($"- Response: {Cell(Excerpt.Of(finding.Evidence.Response))}\n- Confirmed: {Cell(finding.Confirmation.How)}\n\n");
                text.Append("```sh\n").Append(finding.Curl(report.BaseUrl)).Append("\n```\n\n");
                text.Append(finding.Kest);
            }
        }

        if (report.Notes.Count > 0)
        {
            text.Append("\n## Notes\n\n");
            foreach (var note in report.Notes)
            {
                text.Append("- ").Append(Cell(note)).Append('\n');
            }
        }

        return text.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal).Replace("`", "'", StringComparison.Ordinal);
}
