using Pacer.Hub.Features.Projects;
using Pacer.Hub.Infrastructure.Api;
using Pacer.Hub.Infrastructure.Auth;

namespace Pacer.Hub.Features.Trends;

/// <summary>
/// <c>GET /projects/{id}/trends?spec_id=N</c> or <c>?step=NAME</c> (<c>&amp;days=30</c>): p50/p95/p99 and
/// error rate per run against the SLA. <c>GET /projects/{id}/endpoints</c>: each endpoint's latest verdict.
/// </summary>
public static class TrendsApi
{
    public static IServiceCollection AddTrendsFeature(this IServiceCollection services) => services.AddScoped<TrendQueries>();

    public static RouteGroupBuilder MapTrendsApi(this RouteGroupBuilder project)
    {
        ArgumentNullException.ThrowIfNull(project);
        project.MapGet("/trends", TrendAsync).RequireProjectRole(ProjectRole.Read);
        project.MapGet("/endpoints", EndpointsAsync).RequireProjectRole(ProjectRole.Read);
        return project;
    }

    private static async Task<IResult> TrendAsync(ProjectScope scope, TrendQueries trends, HttpRequest request, int? days, CancellationToken cancellationToken)
    {
        var window = days ?? 30;
        if (long.TryParse(request.Query["spec_id"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var specId))
        {
            var trend = await trends.ForSpecAsync(scope.ProjectId, specId, window, cancellationToken);
            return trend is null ? ApiResults.NotFound("API spec") : ApiResults.Ok(trend);
        }

        string? step = request.Query["step"];
        if (!string.IsNullOrEmpty(step))
        {
            return ApiResults.Ok(await trends.ForStepAsync(scope.ProjectId, step, window, cancellationToken));
        }

        return ApiResults.Invalid("spec_id", "give ?spec_id=N (an endpoint) or ?step=NAME (a step)");
    }

    private static async Task<IResult> EndpointsAsync(ProjectScope scope, TrendQueries trends, CancellationToken cancellationToken) =>
        ApiResults.Ok(Paged.All(await trends.EndpointsAsync(scope.ProjectId, cancellationToken)));
}
