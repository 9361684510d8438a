using Pacer.Hub.Features.Alerts;
using Pacer.Hub.Features.ApiSpecs;
using Pacer.Hub.Features.Dashboard;
using Pacer.Hub.Features.Monitors;
using Pacer.Hub.Features.Auth;
using Pacer.Hub.Features.Environments;
using Pacer.Hub.Features.Flows;
using Pacer.Hub.Features.Health;
using Pacer.Hub.Features.Projects;
using Pacer.Hub.Features.Retention;
using Pacer.Hub.Features.Runs;
using Pacer.Hub.Features.Trends;
using Pacer.Hub.Features.Tokens;
using Pacer.Hub.Features.Users;
using Pacer.Hub.Infrastructure;
using Pacer.Hub.Infrastructure.Auth;

namespace Pacer.Hub;

/// <summary>
/// Composes the Hub: the platform, the API under <c>/api/v1</c>, the dashboard. <c>Program</c> runs it;
/// tests start it the same way on a real Kestrel (tests/Pacer.TestSupport/HubServer).
/// </summary>
public static class HubApp
{
    /// <param name="args">Command-line arguments; configuration keys work too (<c>--Hub:DataDirectory=/tmp/x</c>).</param>
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(HubApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.AddHubPlatform();
        builder.Services.AddAuthFeature();
        builder.Services.AddRunsFeature();
        builder.Services.AddTrendsFeature();
        builder.Services.AddMonitorsFeature();
        builder.Services.AddSingleton<RetentionSweeper>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RetentionSweeper>());

        var app = builder.Build();
        app.UseHubPlatform();

        var api = app.MapGroup("/api/v1").RequireAuthorization(AuthSetup.ApiPolicy);
        var project = api.MapGroup("/projects/{id:long}").AddEndpointFilter<ProjectAccessFilter>();
        api.MapHealthApi();
        api.MapAuthApi();
        api.MapUsersApi();
        api.MapProjectsApi(project);
        api.MapMembersApi(project);
        project.MapApiSpecsApi();
        project.MapFlowsApi();
        project.MapEnvironmentsApi();
        project.MapTokensApi();
        project.MapRunsApi();
        project.MapTrendsApi();
        project.MapMonitorsApi();
        project.MapAlertsApi();
        app.MapDashboard();
        return app;
    }
}
