using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Pacer.Reports.Html;

namespace Pacer.Hub.Features.Dashboard;

/// <summary>
/// The frame of every dashboard page: top bar, a project's tabs, and a strict Content-Security-Policy
/// (styles and scripts only from the Hub itself, nothing from a CDN). Everything dynamic is escaped.
/// </summary>
internal static class DashboardPage
{
    public const string Policy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IResult Render(HttpContext http, string title, string body, ProjectTabs? tabs = null, int status = StatusCodes.Status200OK)
    {
        var html = new StringBuilder(body.Length + 4096);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<title>").Append(Escape(title)).Append(" · Pacer Hub</title>\n");
        html.Append("<link rel=\"stylesheet\" href=\"/assets/report.css\">\n<link rel=\"stylesheet\" href=\"/assets/hub.css\">\n</head>\n<body>\n");
        var user = http.User.Identity?.IsAuthenticated == true ? http.User.Identity.Name : null;
        html.Append("<nav class=\"hub-nav\"><a class=\"brand\" href=\"/\">Pacer Hub</a><span class=\"grow\"></span>");
        if (user is not null)
        {
            var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
            html.Append("<span data-user>").Append(Escape(user)).Append("</span>");
            html.Append("<form method=\"post\" action=\"/logout\"><input type=\"hidden\" name=\"").Append(Escape(tokens.FormFieldName))
                .Append("\" value=\"").Append(Escape(tokens.RequestToken)).Append("\"><button type=\"submit\">Sign out</button></form>");
        }

        html.Append("</nav>\n<main>\n");
        if (tabs is not null)
        {
            tabs.Write(html);
        }

        html.Append(body);
        html.Append("\n<footer>Pacer Hub</footer>\n</main>\n<script src=\"/assets/report.js\"></script>\n<script src=\"/assets/hub.js\"></script>\n</body>\n</html>\n");
        http.Response.Headers.ContentSecurityPolicy = Policy;
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.Content(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    public static IResult NotFound(HttpContext http, string what) =>
        Render(http, "Not found", $"<h1>Not found</h1><p class=\"empty-state\">{Escape(what)} does not exist, or you are not a member of its project.</p>", null, StatusCodes.Status404NotFound);

    public static string Escape(string? text) => HtmlText.Escape(text);

    public static string Ms(double? value) => value is { } ms ? PageNumbers.Milliseconds(ms) : "–";

    public static string Pill(string kind, string? text = null) => $"<span class=\"pill {Escape(kind)}\">{Escape(text ?? kind)}</span>";

    public static string When(DateTime? at) => at is { } value ? PageNumbers.Timestamp(new DateTimeOffset(value, TimeSpan.Zero)) : "–";
}

/// <summary>A project's tabs on its pages.</summary>
internal sealed record ProjectTabs(string Slug, string Name, string Current)
{
    private static readonly (string Key, string Label, string Path)[] All =
        [("overview", "Endpoints", ""), ("runs", "Runs", "/runs"), ("trends", "Trends", "/trends"), ("monitors", "Monitors", "/monitors"), ("alerts", "Alerts", "/alerts"), ("live", "Live", "/live")];

    public void Write(StringBuilder html)
    {
        html.Append("<div class=\"sub\"><a href=\"/\">Projects</a> / ").Append(DashboardPage.Escape(Name)).Append("</div><nav class=\"tabs\">");
        foreach (var (key, label, path) in All)
        {
            html.Append("<a href=\"/p/").Append(Uri.EscapeDataString(Slug)).Append(path).Append('"').Append(key == Current ? " class=\"current\"" : "").Append('>')
                .Append(label).Append("</a>");
        }

        html.Append("</nav>\n");
    }
}
