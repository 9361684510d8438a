using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Pacer.Hub.Features.Alerts;
using Pacer.Hub.Features.Monitors;
using Pacer.Hub.Features.Projects;
using Pacer.Hub.Features.Runs;
using Pacer.Hub.Features.Trends;
using Pacer.Hub.Infrastructure.Auth;
using Pacer.Hub.Infrastructure.Database;
using Pacer.Reports.Html;

namespace Pacer.Hub.Features.Dashboard;

/// <summary>The projects list, a project's endpoints with their SLA status, its runs, and its live runs.</summary>
internal static class ProjectPages
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/", ProjectsAsync);
        app.MapGet("/p/{slug}", OverviewAsync);
        app.MapGet("/p/{slug}/runs", RunsAsync);
        app.MapGet("/p/{slug}/live", LiveAsync);
    }

    private static async Task<IResult> ProjectsAsync(HttpContext http, HubDbContext db)
    {
        var userId = http.User.UserIdOf();
        var projects = await db.Set<ProjectMember>().AsNoTracking().Where(m => m.UserId == userId).OrderBy(m => m.Project!.Name)
            .Select(m => new { m.Project!.Name, m.Project.Slug, m.Role }).ToListAsync(http.RequestAborted);
        var html = new StringBuilder("<header class=\"top\"><div class=\"grow\"><h1>Projects</h1></div></header>\n");
        if (projects.Count == 0)
        {
            html.Append("<p class=\"empty-state\">No projects yet. Create one with <code>POST /api/v1/projects</code>, or ask a project's admin for an invitation.</p>");
        }
        else
        {
            html.Append("<table><thead><tr><th>Project</th><th>Slug</th><th>Your role</th></tr></thead><tbody>");
            foreach (var p in projects)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr data-project=\"{DashboardPage.Escape(p.Slug)}\"><td><a href=\"/p/{Uri.EscapeDataString(p.Slug)}\">{DashboardPage.Escape(p.Name)}</a></td><td><code>{DashboardPage.Escape(p.Slug)}</code></td><td>{p.Role.Name()}</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        return DashboardPage.Render(http, "Projects", html.ToString());
    }

    private static async Task<IResult> OverviewAsync(string slug, HttpContext http, HubDbContext db, TrendQueries trends)
    {
        if (await DashboardAccess.ProjectAsync(http, db, slug) is not var (project, _))
        {
            return DashboardPage.NotFound(http, "This project");
        }

        var endpoints = await trends.EndpointsAsync(project.Id, http.RequestAborted);
        var firing = await db.Set<Alert>().AsNoTracking().CountAsync(a => a.ProjectId == project.Id && a.Status == Alert.Firing, http.RequestAborted);
        var monitors = await db.Set<HubMonitor>().AsNoTracking().CountAsync(m => m.ProjectId == project.Id, http.RequestAborted);
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<header class=\"top\"><div class=\"grow\"><h1>{DashboardPage.Escape(project.Name)}</h1><div class=\"sub\">{endpoints.Count} endpoint(s) · {monitors} monitor(s) · ");
        html.Append(firing == 0 ? "no alert firing" : $"<a href=\"/p/{Uri.EscapeDataString(slug)}/alerts\">{firing} alert(s) firing</a>").Append("</div></div></header>\n");
        html.Append("<h2>Endpoints and their SLA</h2>");
        if (endpoints.Count == 0)
        {
            html.Append("<p class=\"empty-state\">No endpoints yet: add API specs (or import an OpenAPI document) with SLA budgets, and runs that call them are judged here.</p>");
        }
        else
        {
            html.Append("<table class=\"endpoints\"><thead><tr><th>Endpoint</th><th>Name</th><th class=\"num\">p50</th><th class=\"num\">p95</th><th class=\"num\">p99</th><th class=\"num\">errors</th><th>SLA</th><th>Verdict</th><th>Runs</th></tr></thead><tbody>");
            foreach (var e in endpoints)
            {
                var latest = e.Latest;
                html.Append(CultureInfo.InvariantCulture, $"<tr data-endpoint=\"{DashboardPage.Escape(e.Spec.Method + " " + e.Spec.Path)}\"><td><code>{DashboardPage.Escape(e.Spec.Method)} {DashboardPage.Escape(e.Spec.Path)}</code></td><td>{DashboardPage.Escape(e.Spec.Name)}</td>");
                html.Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{DashboardPage.Ms(latest?.P50Ms)}</td><td class=\"num\" data-field=\"p95\">{DashboardPage.Ms(latest?.P95Ms)}</td><td class=\"num\">{DashboardPage.Ms(latest?.P99Ms)}</td>");
                html.Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{(latest is null ? "–" : PageNumbers.Percent(latest.ErrorRate))}</td><td>{DashboardPage.Escape(RunPage.SlaText(e.Spec))}</td>");
                html.Append(CultureInfo.InvariantCulture, $"<td data-sla-verdict=\"{latest?.SlaVerdict ?? "none"}\">{DashboardPage.Pill(latest?.SlaVerdict ?? "none", latest is null ? "no data" : latest.SlaVerdict)}</td>");
                html.Append(CultureInfo.InvariantCulture, $"<td><a href=\"/p/{Uri.EscapeDataString(slug)}/trends?spec={e.Spec.Id}\">{e.Runs} run(s)</a></td></tr>");
            }

            html.Append("</tbody></table>");
        }

        html.Append(await RecentRunsAsync(db, project, slug, 10, http.RequestAborted));
        return DashboardPage.Render(http, project.Name, html.ToString(), new ProjectTabs(slug, project.Name, "overview"));
    }

    private static async Task<IResult> RunsAsync(string slug, HttpContext http, HubDbContext db)
    {
        if (await DashboardAccess.ProjectAsync(http, db, slug) is not var (project, _))
        {
            return DashboardPage.NotFound(http, "This project");
        }

        return DashboardPage.Render(http, $"Runs · {project.Name}", await RecentRunsAsync(db, project, slug, 100, http.RequestAborted), new ProjectTabs(slug, project.Name, "runs"));
    }

    private static async Task<IResult> LiveAsync(string slug, HttpContext http, HubDbContext db)
    {
        if (await DashboardAccess.ProjectAsync(http, db, slug) is not var (project, _))
        {
            return DashboardPage.NotFound(http, "This project");
        }

        var running = await db.Set<Run>().AsNoTracking().Where(r => r.ProjectId == project.Id && r.Status == RunStatus.Running)
            .OrderByDescending(r => r.StartedAt).Take(50).ToListAsync(http.RequestAborted);
        var html = new StringBuilder("<h2>Runs in progress</h2>");
        if (running.Count == 0)
        {
            html.Append("<p class=\"empty-state\">Nothing is running. <code>pacer load flow.md --hub URL --project SLUG</code> streams its progress here.</p>");
        }
        else
        {
            html.Append("<ul>");
            foreach (var r in running)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"/p/{Uri.EscapeDataString(slug)}/runs/{r.Id}\">Run {r.Id}</a> · {DashboardPage.Escape(r.Kind)} · {DashboardPage.Escape(r.Flows)} · since {DashboardPage.When(r.StartedAt)}</li>");
            }

            html.Append("</ul>");
        }

        return DashboardPage.Render(http, $"Live · {project.Name}", html.ToString(), new ProjectTabs(slug, project.Name, "live"));
    }

    private static async Task<string> RecentRunsAsync(HubDbContext db, Project project, string slug, int count, CancellationToken cancellationToken)
    {
        var runs = await db.Set<Run>().AsNoTracking().Where(r => r.ProjectId == project.Id).OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id).Take(count)
            .Select(r => new { r.Id, r.Kind, r.Status, r.Label, r.Flows, r.StartedAt, r.Passed, r.Requests, r.P95Ms, r.ErrorRate }).ToListAsync(cancellationToken);
        var html = new StringBuilder("<h2>Runs</h2>");
        if (runs.Count == 0)
        {
            return html.Append("<p class=\"empty-state\">No runs yet. Upload one with <code>pacer load flow.md --hub URL --project SLUG</code> or <code>POST /api/v1/projects/{id}/runs</code>.</p>").ToString();
        }

        html.Append("<table class=\"runs\"><thead><tr><th>Run</th><th>Kind</th><th>Started</th><th>Flows</th><th>Label</th><th class=\"num\">Requests</th><th class=\"num\">p95</th><th class=\"num\">errors</th><th>Result</th></tr></thead><tbody>");
        foreach (var r in runs)
        {
            var result = r.Status == RunStatus.Running ? DashboardPage.Pill("running") : DashboardPage.Pill(r.Passed == true ? "passed" : "failed");
            html.Append(CultureInfo.InvariantCulture, $"<tr data-run=\"{r.Id}\"><td><a href=\"/p/{Uri.EscapeDataString(slug)}/runs/{r.Id}\">#{r.Id}</a>{(project.BaselineRunId == r.Id ? " <span class=\"pill none\">baseline</span>" : "")}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td>{DashboardPage.Escape(r.Kind)}</td><td>{DashboardPage.When(r.StartedAt)}</td><td>{DashboardPage.Escape(r.Flows)}</td><td>{DashboardPage.Escape(r.Label)}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{PageNumbers.Count(r.Requests)}</td><td class=\"num\">{DashboardPage.Ms(r.P95Ms)}</td><td class=\"num\">{PageNumbers.Percent(r.ErrorRate)}</td><td>{result}</td></tr>");
        }

        return html.Append("</tbody></table>").ToString();
    }
}
