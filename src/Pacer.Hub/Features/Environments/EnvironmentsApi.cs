using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pacer.Hub.Features.Projects;
using Pacer.Hub.Infrastructure.Api;
using Pacer.Hub.Infrastructure.Auth;
using Pacer.Hub.Infrastructure.Database;

namespace Pacer.Hub.Features.Environments;

/// <summary><c>/projects/{id}/environments</c>: named base URLs and variables for a project's flows and monitors.</summary>
public static class EnvironmentsApi
{
    public static RouteGroupBuilder MapEnvironmentsApi(this RouteGroupBuilder project)
    {
        ArgumentNullException.ThrowIfNull(project);
        project.MapGet("/environments", ListAsync).RequireProjectRole(ProjectRole.Read);
        project.MapPost("/environments", CreateAsync).RequireProjectRole(ProjectRole.Write);
        project.MapGet("/environments/{environmentId:long}", GetAsync).RequireProjectRole(ProjectRole.Read);
        project.MapPut("/environments/{environmentId:long}", UpdateAsync).RequireProjectRole(ProjectRole.Write);
        project.MapDelete("/environments/{environmentId:long}", DeleteAsync).RequireProjectRole(ProjectRole.Write);
        return project;
    }

    public sealed record EnvironmentRequest(string? Name, string? BaseUrl, Dictionary<string, JsonElement>? Variables);

    public sealed record EnvironmentResponse(long Id, long ProjectId, string Name, string? BaseUrl, JsonElement Variables, DateTime CreatedAt, DateTime UpdatedAt);

    private static async Task<IResult> ListAsync(ProjectScope scope, HubDbContext db, CancellationToken cancellationToken)
    {
        var environments = await db.Set<ProjectEnvironment>().AsNoTracking().Where(e => e.ProjectId == scope.ProjectId).OrderBy(e => e.Name).ToListAsync(cancellationToken);
        return ApiResults.Ok(Paged.All<EnvironmentResponse>([.. environments.Select(ResponseOf)]));
    }

    private static async Task<IResult> CreateAsync(EnvironmentRequest request, ProjectScope scope, HubDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.UtcNowForStorage();
        var environment = new ProjectEnvironment { ProjectId = scope.ProjectId, Name = "", CreatedAt = now, UpdatedAt = now };
        if (Apply(environment, request, creating: true) is { } errors)
        {
            return ApiResults.Invalid(errors);
        }

        db.Add(environment);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return ApiResults.Conflict($"an environment named {environment.Name} exists");
        }

        return ApiResults.Created(ResponseOf(environment));
    }

    private static async Task<IResult> GetAsync(long environmentId, ProjectScope scope, HubDbContext db, CancellationToken cancellationToken)
    {
        var environment = await db.Set<ProjectEnvironment>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == environmentId && e.ProjectId == scope.ProjectId, cancellationToken);
        return environment is null ? ApiResults.NotFound("environment") : ApiResults.Ok(ResponseOf(environment));
    }

    private static async Task<IResult> UpdateAsync(long environmentId, EnvironmentRequest request, ProjectScope scope, HubDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var environment = await db.Set<ProjectEnvironment>().FirstOrDefaultAsync(e => e.Id == environmentId && e.ProjectId == scope.ProjectId, cancellationToken);
        if (environment is null)
        {
            return ApiResults.NotFound("environment");
        }

        if (Apply(environment, request, creating: false) is { } errors)
        {
            return ApiResults.Invalid(errors);
        }

        environment.UpdatedAt = time.UtcNowForStorage();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return ApiResults.Conflict($"an environment named {environment.Name} exists");
        }

        return ApiResults.Ok(ResponseOf(environment), "updated");
    }

    private static async Task<IResult> DeleteAsync(long environmentId, ProjectScope scope, HubDbContext db, CancellationToken cancellationToken)
    {
        var deleted = await db.Set<ProjectEnvironment>().Where(e => e.Id == environmentId && e.ProjectId == scope.ProjectId).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? ApiResults.NotFound("environment") : ApiResults.Done("deleted");
    }

    private static Dictionary<string, string[]>? Apply(ProjectEnvironment environment, EnvironmentRequest request, bool creating)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Name is not null || creating)
        {
            if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 100)
            {
                errors["name"] = ["1-100 characters"];
            }
            else
            {
                environment.Name = request.Name.Trim();
            }
        }

        if (request.BaseUrl is { } baseUrl)
        {
            if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                errors["base_url"] = ["an absolute http(s) URL"];
            }
            else
            {
                environment.BaseUrl = baseUrl;
            }
        }

        if (request.Variables is { } variables)
        {
            environment.VariablesJson = JsonSerializer.Serialize(variables);
        }

        return errors.Count == 0 ? null : errors;
    }

    private static EnvironmentResponse ResponseOf(ProjectEnvironment e)
    {
        using var variables = JsonDocument.Parse(e.VariablesJson);
        return new(e.Id, e.ProjectId, e.Name, e.BaseUrl, variables.RootElement.Clone(), e.CreatedAt, e.UpdatedAt);
    }
}
