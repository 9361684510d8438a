using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Pacer.Hub.Features.Alerts;
using Pacer.Hub.Features.Monitors;
using Pacer.Hub.Infrastructure.Database;

namespace Pacer.Hub.Features.Dashboard;

/// <summary><c>/p/{slug}/monitors</c> (schedules, last checks) and <c>/p/{slug}/alerts</c> (what fired, with each alert's history).</summary>
internal static class MonitorPages
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/p/{slug}/monitors", MonitorsAsync);
        app.MapGet("/p/{slug}/alerts", AlertsAsync);
    }

    private static async Task<IResult> MonitorsAsync(string slug, HttpContext http, HubDbContext db)
    {
        if (await DashboardAccess.ProjectAsync(http, db, slug) is not var (project, _))
        {
            return DashboardPage.NotFound(http, "This project");
        }

        var monitors = await db.Set<HubMonitor>().AsNoTracking().Include(m => m.Flow).Include(m => m.Channels)
            .Where(m => m.ProjectId == project.Id).OrderBy(m => m.Name).ToListAsync(http.RequestAborted);
        var html = new StringBuilder("<h2>Monitors</h2>");
        if (monitors.Count == 0)
        {
            html.Append("<p class=\"empty-state\">No monitors. Create one with <code>POST /api/v1/projects/{id}/monitors</code>: a flow, a cron schedule, alert channels.</p>");
        }

        foreach (var m in monitors)
        {
            var checks = await db.Set<MonitorCheck>().AsNoTracking().Where(c => c.MonitorId == m.Id).OrderByDescending(c => c.StartedAt).Take(20).ToListAsync(http.RequestAborted);
            var state = m.LastPassed is null ? "none" : m.LastPassed.Value ? "passed" : "failed";
            html.Append(CultureInfo.InvariantCulture, $"<section data-monitor=\"{DashboardPage.Escape(m.Name)}\"><h3>{DashboardPage.Escape(m.Name)} {DashboardPage.Pill(state, m.LastPassed is null ? "no check yet" : state)}</h3>");
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\"><code>{DashboardPage.Escape(m.Schedule)}</code> · {DashboardPage.Escape(m.Flow?.Name)} · {(m.Enabled ? "enabled" : "paused")} · next {DashboardPage.When(m.NextCheckAt)} · alerts to {DashboardPage.Escape(m.Channels.Count == 0 ? "no channel" : string.Join(", ", m.Channels.Select(c => c.Name)))}</p>");
            html.Append("<table><thead><tr><th>Check</th><th class=\"num\">Took</th><th>Result</th><th>Summary</th></tr></thead><tbody>");
            foreach (var c in checks)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{DashboardPage.When(c.StartedAt)}</td><td class=\"num\">{DashboardPage.Ms(c.DurationMs)}</td><td>{DashboardPage.Pill(c.Passed ? "passed" : "failed")}</td><td>{DashboardPage.Escape(c.Summary)}</td></tr>");
            }

            html.Append("</tbody></table></section>");
        }

        return DashboardPage.Render(http, $"Monitors · {project.Name}", html.ToString(), new ProjectTabs(slug, project.Name, "monitors"));
    }

    private static async Task<IResult> AlertsAsync(string slug, HttpContext http, HubDbContext db)
    {
        if (await DashboardAccess.ProjectAsync(http, db, slug) is not var (project, _))
        {
            return DashboardPage.NotFound(http, "This project");
        }

        var alerts = await db.Set<Alert>().AsNoTracking().Where(a => a.ProjectId == project.Id).OrderByDescending(a => a.FiredAt).Take(100)
            .Select(a => new { Alert = a, Monitor = a.Monitor!.Name }).ToListAsync(http.RequestAborted);
        var html = new StringBuilder("<h2>Alerts</h2>");
        if (alerts.Count == 0)
        {
            html.Append("<p class=\"empty-state\">Nothing has fired.</p>");
        }
        else
        {
            html.Append("<table class=\"alerts\"><thead><tr><th>Status</th><th>Monitor</th><th>Rule</th><th>Fired</th><th>Resolved</th><th class=\"num\">Failing checks</th><th>History</th></tr></thead><tbody>");
            foreach (var a in alerts)
            {
                var history = await AlertsApi.HistoryAsync(db, a.Alert.Id, http.RequestAborted);
                html.Append(CultureInfo.InvariantCulture, $"<tr data-alert=\"{a.Alert.Id}\"><td>{DashboardPage.Pill(a.Alert.Status)}</td><td>{DashboardPage.Escape(a.Monitor)}</td><td><code>{DashboardPage.Escape(a.Alert.Rule)}</code><div class=\"muted\">{DashboardPage.Escape(a.Alert.Detail)}</div></td>");
                html.Append(CultureInfo.InvariantCulture, $"<td>{DashboardPage.When(a.Alert.FiredAt)}</td><td>{DashboardPage.When(a.Alert.ResolvedAt)}</td><td class=\"num\">{a.Alert.FailingChecks}</td><td><ol class=\"history\">");
                foreach (var e in history)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<li>{DashboardPage.When(e.At)} {DashboardPage.Escape(e.Kind)}{(e.Channel is null ? "" : " · " + DashboardPage.Escape(e.Channel))}</li>");
                }

                html.Append("</ol></td></tr>");
            }

            html.Append("</tbody></table>");
        }

        return DashboardPage.Render(http, $"Alerts · {project.Name}", html.ToString(), new ProjectTabs(slug, project.Name, "alerts"));
    }
}
