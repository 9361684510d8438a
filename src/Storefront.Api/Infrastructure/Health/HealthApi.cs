using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;
using Storefront.Api.Infrastructure.Database;
using Storefront.Api.Infrastructure.Errors;

namespace Storefront.Api.Infrastructure.Health;

/// <summary>Liveness (/health, /api/v1/health) and readiness (/api/v1/health/ready: the database answers).</summary>
public static class HealthApi
{
    public static readonly string Version =
        typeof(HealthApi).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", Live).WithName("HealthAlias").WithTags("System");
        app.MapGet("/api/v1/health", Live).WithName("Health").WithTags("System");
        app.MapGet("/api/v1/health/ready", ReadyAsync).WithName("HealthReady").WithTags("System")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static Ok<HealthResponse> Live() => TypedResults.Ok(new HealthResponse("ok", Version, null));

    private static async Task<Results<Ok<HealthResponse>, ProblemHttpResult>> ReadyAsync(
        StorefrontDbContext db, StorefrontDatabase database, CancellationToken cancellationToken)
    {
        bool reachable;
        try
        {
            reachable = await db.Database.CanConnectAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            reachable = false;
        }

        return reachable
            ? TypedResults.Ok(new HealthResponse("ready", Version, database.ProviderName))
            : StorefrontProblems.ServiceUnavailable("The database is not reachable.", "database_unavailable");
    }
}

public sealed record HealthResponse(string Status, string Version, string? Database);
