using Microsoft.EntityFrameworkCore;
using Pacer.Hub.Infrastructure.Api;
using Pacer.Hub.Infrastructure.Database;

namespace Pacer.Hub.Features.Health;

/// <summary><c>GET /api/v1/health</c>: up, and whether the database answers (503 when it does not).</summary>
public static class HealthApi
{
    public sealed record HealthResponse(string Status, string Database, string Version);

    public static RouteGroupBuilder MapHealthApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/health", CheckAsync).AllowAnonymous();
        return api;
    }

    private static async Task<IResult> CheckAsync(HubDbContext db, HubDatabase database, CancellationToken cancellationToken)
    {
        var version = typeof(HealthApi).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        bool reachable;
        try
        {
            reachable = await db.Database.CanConnectAsync(cancellationToken);
        }
        catch (InvalidOperationException)
        {
            reachable = false;
        }

        return reachable
            ? ApiResults.Ok(new HealthResponse("ok", database.ProviderName, version), "healthy")
            : ApiResults.Problem(StatusCodes.Status503ServiceUnavailable, "Service Unavailable", $"the {database.ProviderName} database does not answer");
    }
}
