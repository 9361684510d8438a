using Pacer.Core.Execution;
using Pacer.Load.Results;
using Pacer.Reports.Html.Load;
using Pacer.Reports.Html.Run;
using Pacer.Reports.Load;

namespace Pacer.Reports.Html;

/// <summary>
/// <c>--report html=PATH</c> for <c>pacer run</c> and <c>pacer load</c>, and <c>pacer report --html</c>:
/// one self-contained page (styles, script and charts inline as SVG; no network) that a team can
/// open in any browser. Everything that came from a response is escaped. See docs/reports.md.
/// </summary>
public sealed class HtmlReportWriter : IReportWriter, ILoadReportWriter
{
    public string Format => "html";

    public void Write(RunResult run, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(destination);
        HtmlPage.Write(destination, RunReportPage.Title(run), "run", RunReportPage.Build(run));
    }

    public void Write(LoadResult result, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(destination);
        HtmlPage.Write(destination, LoadReportPage.Title(result), "load", LoadReportPage.Build(result));
    }
}
