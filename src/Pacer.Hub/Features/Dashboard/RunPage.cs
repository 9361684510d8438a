using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Pacer.Hub.Features.ApiSpecs;
using Pacer.Hub.Features.Runs;
using Pacer.Hub.Infrastructure.Database;
using Pacer.Reports.Html;

namespace Pacer.Hub.Features.Dashboard;

/// <summary>
/// A run's page: each step against its endpoint's SLA, the regression verdict against the baseline,
/// then — for a load run — the HTML report itself (Pacer.Reports' own code: the same cards and charts).
/// A run still in progress follows its live progress over SSE.
/// </summary>
internal static class RunPage
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/p/{slug}/runs/{runId:long}", ShowAsync);
        app.MapGet("/p/{slug}/runs/{runId:long}/events", EventsAsync);
    }

    public static string SlaText(ApiSpecsApi.ApiSpecResponse spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var parts = new List<string>();
        if (spec.SlaP50Ms is { } p50)
        {
            parts.Add(FormattableString.Invariant($"p50<{p50:0.##}ms"));
        }

        if (spec.SlaP95Ms is { } p95)
        {
            parts.Add(FormattableString.Invariant($"p95<{p95:0.##}ms"));
        }

        if (spec.SlaP99Ms is { } p99)
        {
            parts.Add(FormattableString.Invariant($"p99<{p99:0.##}ms"));
        }

        if (spec.SlaErrorRate is { } errors)
        {
            parts.Add(FormattableString.Invariant($"errors<{errors * 100:0.##}%"));
        }

        return parts.Count == 0 ? "–" : string.Join(", ", parts);
    }

    private static async Task<IResult> ShowAsync(string slug, long runId, HttpContext http, HubDbContext db, RunDetails details)
    {
        if (await DashboardAccess.ProjectAsync(http, db, slug) is not var (project, _))
        {
            return DashboardPage.NotFound(http, "This project");
        }

        var view = await details.LoadAsync(project.Id, runId, http.RequestAborted);
        if (view is null)
        {
            return DashboardPage.NotFound(http, $"Run {runId}");
        }

        var run = view.Run;
        var html = new StringBuilder(64 * 1024);
        html.Append(CultureInfo.InvariantCulture, $"<header class=\"top\"><div class=\"grow\"><h1>Run #{run.Id} · {DashboardPage.Escape(run.Kind)}</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"sub\">{DashboardPage.When(run.StartedAt)} · {DashboardPage.Escape(run.Flows)}{(run.Label is null ? "" : " · " + DashboardPage.Escape(run.Label))}{(run.UploadedBy is null ? "" : " · by " + DashboardPage.Escape(run.UploadedBy))}</div></div>");
        html.Append(CultureInfo.InvariantCulture, $"<span data-run-status=\"{run.Status}\">{(run.Status == RunStatus.Running ? DashboardPage.Pill("running") : DashboardPage.Pill(run.Passed == true ? "passed" : "failed"))}</span></header>\n");
        if (run.Status == RunStatus.Running)
        {
            WriteLive(html, slug, run.Id);
            return DashboardPage.Render(http, $"Run #{run.Id}", html.ToString(), new ProjectTabs(slug, project.Name, "runs"));
        }

        WriteSla(html, view);
        WriteRegression(html, view);
        var json = await db.Set<Run>().AsNoTracking().Where(r => r.Id == runId).Select(r => r.ResultJson).FirstAsync(http.RequestAborted);
        if (run.Kind == "load" && json is not null)
        {
            html.Append("<h2>Report</h2>\n<section class=\"embedded-report\">").Append(EmbeddedReport.LoadBody(RunDetails.Read(json))).Append("</section>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<p><a class=\"button\" href=\"/api/v1/projects/{project.Id}/runs/{run.Id}/result\">Result file (JSON)</a></p>");
        return DashboardPage.Render(http, $"Run #{run.Id}", html.ToString(), new ProjectTabs(slug, project.Name, "runs"));
    }

    private static async Task<IResult> EventsAsync(string slug, long runId, HttpContext http, HubDbContext db, RunProgressBroker broker)
    {
        if (await DashboardAccess.ProjectAsync(http, db, slug) is not var (project, _)
            || !await db.Set<Run>().AnyAsync(r => r.Id == runId && r.ProjectId == project.Id, http.RequestAborted))
        {
            return Results.NotFound();
        }

        return TypedResults.ServerSentEvents(RunsApi.Stream(broker, runId, http.RequestAborted));
    }

    private static void WriteSla(StringBuilder html, RunDetails.View view)
    {
        html.Append("<h2>Steps against their SLA</h2><table class=\"sla\"><thead><tr><th>Step</th><th>Endpoint</th><th class=\"num\">Requests</th><th class=\"num\">p50</th><th class=\"num\">p95</th><th class=\"num\">p99</th><th class=\"num\">errors</th><th>SLA</th><th>Verdict</th></tr></thead><tbody>");
        foreach (var step in view.Steps)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr data-step=\"{DashboardPage.Escape(step.Name)}\"><td>{DashboardPage.Escape(step.Name)}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td>{(step.Spec is null ? $"<span class=\"muted\">{DashboardPage.Escape(step.Method)} {DashboardPage.Escape(step.Url)}</span>" : $"<code>{DashboardPage.Escape(step.Spec.Method)} {DashboardPage.Escape(step.Spec.Path)}</code>")}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{PageNumbers.Count(step.Requests)}</td><td class=\"num\" data-field=\"p50\">{DashboardPage.Ms(step.P50Ms)}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td class=\"num\" data-field=\"p95\" data-value=\"{(step.P95Ms is { } p95 ? PageNumbers.Exact(p95) : "")}\">{DashboardPage.Ms(step.P95Ms)}</td><td class=\"num\">{DashboardPage.Ms(step.P99Ms)}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{PageNumbers.Percent(step.ErrorRate)}</td><td>{(step.Spec is null ? "–" : DashboardPage.Escape(SlaText(step.Spec)))}</td>");
            var missed = step.SlaMissed.Count == 0 ? "" : " " + DashboardPage.Escape(string.Join("; ", step.SlaMissed));
            html.Append(CultureInfo.InvariantCulture, $"<td data-sla-verdict=\"{step.SlaVerdict}\">{DashboardPage.Pill(step.SlaVerdict)}<span class=\"muted\">{missed}</span></td></tr>");
        }

        html.Append("</tbody></table>\n");
    }

    private static void WriteRegression(StringBuilder html, RunDetails.View view)
    {
        html.Append("<h2>Against the baseline</h2>");
        if (view.Comparison is not { } comparison)
        {
            html.Append("<p class=\"empty-state\" data-regression=\"none\">").Append(DashboardPage.Escape(view.ComparisonNote)).Append("</p>");
            return;
        }

        html.Append(CultureInfo.InvariantCulture, $"<p data-regression=\"{comparison.Verdict}\">{DashboardPage.Pill(comparison.Verdict)} against run #{comparison.BaselineRunId}, tolerance {comparison.Tolerance * 100:0.#}% (the rule of <code>pacer compare</code>)</p>");
        html.Append("<table class=\"comparison\"><thead><tr><th>Step</th><th>Metric</th><th class=\"num\">Baseline</th><th class=\"num\">This run</th><th class=\"num\">Change</th><th>Verdict</th></tr></thead><tbody>");
        foreach (var step in comparison.Steps)
        {
            foreach (var metric in step.Metrics.Where(m => m.Current is not null))
            {
                var unit = metric.Metric.StartsWith('p') ? "ms" : metric.Metric == "rps" ? "/s" : "";
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{DashboardPage.Escape(step.Name)}</td><td>{metric.Metric}</td><td class=\"num\">{Value(metric.Baseline, unit)}</td><td class=\"num\">{Value(metric.Current, unit)}</td>");
                html.Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{(metric.ChangePercent is { } change ? $"{change:+0.#;-0.#;0}%" : "–")}</td><td>{DashboardPage.Pill(metric.Verdict)}</td></tr>");
            }
        }

        html.Append("</tbody></table>\n");
    }

    private static string Value(double? value, string unit) => value switch
    {
        null => "–",
        { } v when unit == "ms" => PageNumbers.Milliseconds(v),
        { } v when unit == "/s" => PageNumbers.Rate(v),
        { } v => PageNumbers.Percent(v),
    };

    private static void WriteLive(StringBuilder html, string slug, long runId)
    {
        html.Append(CultureInfo.InvariantCulture, $"<section data-events=\"/p/{Uri.EscapeDataString(slug)}/runs/{runId}/events\"><p class=\"live-status\" data-live-status>connecting…</p>");
        html.Append("<table><thead><tr><th class=\"num\">second</th><th class=\"num\">requests</th><th class=\"num\">errors</th><th class=\"num\">p50 ms</th><th class=\"num\">p95 ms</th><th class=\"num\">p99 ms</th><th class=\"num\">VUs</th></tr></thead><tbody data-live-points></tbody></table></section>");
    }
}
