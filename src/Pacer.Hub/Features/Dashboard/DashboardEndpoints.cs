using Pacer.Hub.Infrastructure.Auth;
using Pacer.Reports.Html;

namespace Pacer.Hub.Features.Dashboard;

/// <summary>
/// The web dashboard: server-rendered pages behind the sign-in cookie, and their stylesheets and scripts
/// served by the Hub itself (no CDN, works offline). Light and dark follow the reader's system setting.
/// </summary>
public static class DashboardEndpoints
{
    public static WebApplication MapDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var assets = app.MapGroup("/assets").AllowAnonymous();
        assets.MapGet("/report.css", () => Asset(EmbeddedReport.Stylesheet, "text/css"));
        assets.MapGet("/hub.css", () => Asset(HubStylesheet.Css, "text/css"));
        assets.MapGet("/report.js", () => Asset(EmbeddedReport.Script, "text/javascript"));
        assets.MapGet("/hub.js", () => Asset(HubScript.Js, "text/javascript"));

        SignInPages.Map(app);
        var pages = app.MapGroup("").RequireAuthorization(AuthSetup.WebPolicy);
        ProjectPages.Map(pages);
        RunPage.Map(pages);
        TrendsPage.Map(pages);
        MonitorPages.Map(pages);
        return app;
    }

    private static IResult Asset(string text, string type) => Results.Text(text, type + "; charset=utf-8");
}
