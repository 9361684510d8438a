using Pacer.Load.Results;
using Pacer.Reports.Html.Load;

namespace Pacer.Reports.Html;

/// <summary>
/// The HTML report's parts for pages that embed it (Pacer Hub's run page): the load report's body —
/// summary, charts over time, latency distribution, steps, errors, thresholds — and the stylesheet and
/// script it needs, to be served as files. The same code draws both, so the Hub shows exactly the report.
/// </summary>
public static class EmbeddedReport
{
    public static string Stylesheet => ReportStylesheet.Css;

    public static string Script => ReportScript.Js;

    public static string LoadBody(LoadResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return LoadReportPage.Build(result).ToString();
    }
}
