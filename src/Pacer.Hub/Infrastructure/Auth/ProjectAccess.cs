using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Pacer.Hub.Features.Projects;
using Pacer.Hub.Infrastructure.Api;
using Pacer.Hub.Infrastructure.Database;

namespace Pacer.Hub.Infrastructure.Auth;

/// <summary>
/// The one gate in front of every <c>/projects/{id}/…</c> route: the caller must be a member (or hold
/// an API token of that project) with at least the role the route declares
/// (<see cref="ProjectAccessExtensions.RequireProjectRole"/>). A non-member gets 404, exactly as for a
/// project that does not exist, so other teams' projects cannot even be discovered; a member without
/// the role gets 403. A route with no declared role is refused, so forgetting one fails closed.
/// </summary>
public sealed class ProjectAccessFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var required = http.GetEndpoint()?.Metadata.GetMetadata<RequiredProjectRole>();
        if (required is null)
        {
            return ApiResults.Forbidden("This route declares no project role; refusing by default.");
        }

        var scope = await ResolveAsync(http);
        if (scope.Role == 0)
        {
            return ApiResults.NotFound("project");
        }

        if (scope.Role < required.Role)
        {
            return ApiResults.Forbidden($"This needs the {required.Role.Name()} role in the project; you have {scope.Role.Name()}.");
        }

        return await next(context);
    }

    /// <summary>
    /// Who the caller is in the route's project, looked up once per request. Handlers' parameters are
    /// bound before filters run, so binding (<see cref="ProjectScope.BindAsync"/>) and this filter share it;
    /// a caller with no role gets a scope with role 0, and the filter answers before any handler runs.
    /// </summary>
    public static async Task<ProjectScope> ResolveAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Items[typeof(ProjectScope)] is ProjectScope known)
        {
            return known;
        }

        ProjectRole? role = null;
        long.TryParse(http.GetRouteValue("id") as string, NumberStyles.None, CultureInfo.InvariantCulture, out var projectId);
        if (projectId > 0)
        {
            var db = http.RequestServices.GetRequiredService<HubDbContext>();
            role = await RoleOfAsync(db, http.User, projectId, http.RequestAborted);
        }

        var scope = new ProjectScope(projectId, http.User.UserIdOf(), role ?? 0, http.User.Identity?.Name ?? "");
        http.Items[typeof(ProjectScope)] = scope;
        return scope;
    }

    /// <summary>The caller's role in the project, or null when they have none (or it does not exist).</summary>
    public static async Task<ProjectRole?> RoleOfAsync(HubDbContext db, ClaimsPrincipal user, long projectId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        if (user.IsApiToken())
        {
            return user.FindFirstValue(HubClaims.TokenProject) == projectId.ToString(CultureInfo.InvariantCulture)
                && ProjectRoles.TryParse(user.FindFirstValue(HubClaims.TokenRole), out var tokenRole)
                    ? tokenRole
                    : null;
        }

        if (user.UserIdOf() is not { } userId)
        {
            return null;
        }

        var member = await db.Set<ProjectMember>().AsNoTracking()
            .Where(m => m.ProjectId == projectId && m.UserId == userId)
            .Select(m => (ProjectRole?)m.Role)
            .FirstOrDefaultAsync(cancellationToken);
        return member;
    }
}

/// <summary>The project a request is about and what the caller may do there; bound as a handler parameter.</summary>
public sealed record ProjectScope(long ProjectId, long? UserId, ProjectRole Role, string Actor)
{
    public static async ValueTask<ProjectScope?> BindAsync(HttpContext http) => await ProjectAccessFilter.ResolveAsync(http);
}

/// <summary>Endpoint metadata: the least role a project route needs.</summary>
public sealed record RequiredProjectRole(ProjectRole Role);

public static class ProjectAccessExtensions
{
    public static TBuilder RequireProjectRole<TBuilder>(this TBuilder builder, ProjectRole role)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequiredProjectRole(role));
}
