using System.Globalization;
using System.Text;
using Pacer.Hub.Features.Trends;
using Pacer.Hub.Infrastructure.Database;
using Pacer.Reports.Html;
using Pacer.Reports.Html.Charts;

namespace Pacer.Hub.Features.Dashboard;

/// <summary>
/// <c>/p/{slug}/trends</c>: an endpoint's or a step's p50/p95/p99 and error rate run after run, drawn
/// with the HTML report's line chart, the SLA budget as its own line, each run's verdict in the table.
/// </summary>
internal static class TrendsPage
{
    public static void Map(IEndpointRouteBuilder app) => app.MapGet("/p/{slug}/trends", ShowAsync);

    private static async Task<IResult> ShowAsync(string slug, long? spec, string? step, int? days, HttpContext http, HubDbContext db, TrendQueries trends)
    {
        if (await DashboardAccess.ProjectAsync(http, db, slug) is not var (project, _))
        {
            return DashboardPage.NotFound(http, "This project");
        }

        var window = days ?? 30;
        var html = new StringBuilder();
        var endpoints = await trends.EndpointsAsync(project.Id, http.RequestAborted);
        var steps = await trends.StepNamesAsync(project.Id, http.RequestAborted);
        html.Append("<h2>Trends</h2><p>Endpoints: ");
        html.AppendJoin(" · ", endpoints.Select(e => $"<a href=\"?spec={e.Spec.Id}&days={window}\">{DashboardPage.Escape(e.Spec.Method)} {DashboardPage.Escape(e.Spec.Path)}</a>"));
        html.Append("</p><p>Steps: ");
        html.AppendJoin(" · ", steps.Select(s => $"<a href=\"?step={Uri.EscapeDataString(s)}&days={window}\">{DashboardPage.Escape(s)}</a>"));
        html.Append("</p>");

        TrendQueries.Trend? trend = null;
        if (spec is { } specId)
        {
            trend = await trends.ForSpecAsync(project.Id, specId, window, http.RequestAborted);
        }
        else if (!string.IsNullOrEmpty(step))
        {
            trend = await trends.ForStepAsync(project.Id, step, window, http.RequestAborted);
        }

        if (trend is not null)
        {
            Write(html, trend, window);
        }

        return DashboardPage.Render(http, $"Trends · {project.Name}", html.ToString(), new ProjectTabs(slug, project.Name, "trends"));
    }

    private static void Write(StringBuilder html, TrendQueries.Trend trend, int days)
    {
        html.Append(CultureInfo.InvariantCulture, $"<h2 data-trend=\"{DashboardPage.Escape(trend.Subject)}\">{DashboardPage.Escape(trend.Subject)} · last {days} days</h2>");
        if (trend.Points.Count == 0)
        {
            html.Append("<p class=\"empty-state\">No runs in this window.</p>");
            return;
        }

        var first = trend.Points[0].StartedAt;
        var seconds = trend.Points.Select(p => (long)(p.StartedAt - first).TotalSeconds).ToList();
        var series = new List<ChartSeries>
        {
            new("p50", "p50", [.. trend.Points.Select(p => p.P50Ms ?? 0)], "tone-4"),
            new("p95", "p95", [.. trend.Points.Select(p => p.P95Ms ?? 0)], "tone-2"),
            new("p99", "p99", [.. trend.Points.Select(p => p.P99Ms ?? 0)], "tone-3"),
        };
        if (trend.Spec?.SlaP95Ms is { } budget)
        {
            series.Add(new ChartSeries("sla-p95", "p95 SLA", [.. trend.Points.Select(_ => budget)], "tone-bad"));
        }

        html.Append("<p class=\"muted\">Horizontal axis: time since the first run shown.</p><section class=\"charts\">");
        LineChart.Write(html, "trend-latency", "Latency per run", "ms", seconds, series);
        LineChart.Write(html, "trend-errors", "Error rate per run", "%", seconds, [new ChartSeries("errors", "errors %", [.. trend.Points.Select(p => p.ErrorRate * 100)], "tone-bad")], fillFirst: true);
        html.Append("</section><table class=\"trend\"><thead><tr><th>Run</th><th>Started</th><th>Step</th><th class=\"num\">Requests</th><th class=\"num\">p50</th><th class=\"num\">p95</th><th class=\"num\">p99</th><th class=\"num\">errors</th><th>SLA</th></tr></thead><tbody>");
        foreach (var p in trend.Points)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr data-run=\"{p.RunId}\"><td>#{p.RunId}</td><td>{DashboardPage.When(p.StartedAt)}</td><td>{DashboardPage.Escape(p.Step)}</td><td class=\"num\">{PageNumbers.Count(p.Requests)}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{DashboardPage.Ms(p.P50Ms)}</td><td class=\"num\">{DashboardPage.Ms(p.P95Ms)}</td><td class=\"num\">{DashboardPage.Ms(p.P99Ms)}</td><td class=\"num\">{PageNumbers.Percent(p.ErrorRate)}</td><td>{DashboardPage.Pill(p.SlaVerdict)}</td></tr>");
        }

        html.Append("</tbody></table>");
    }
}
