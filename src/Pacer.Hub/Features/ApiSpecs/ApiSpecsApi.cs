using Microsoft.EntityFrameworkCore;
using Pacer.Hub.Features.Projects;
using Pacer.Hub.Infrastructure.Api;
using Pacer.Hub.Infrastructure.Auth;
using Pacer.Hub.Infrastructure.Database;

namespace Pacer.Hub.Features.ApiSpecs;

/// <summary><c>/projects/{id}/api-specs</c>: a project's endpoints with their SLAs, and OpenAPI import.</summary>
public static class ApiSpecsApi
{
    public static RouteGroupBuilder MapApiSpecsApi(this RouteGroupBuilder project)
    {
        ArgumentNullException.ThrowIfNull(project);
        project.MapGet("/api-specs", ListAsync).RequireProjectRole(ProjectRole.Read);
        project.MapPost("/api-specs", CreateAsync).RequireProjectRole(ProjectRole.Write);
        project.MapPost("/api-specs/import", OpenApiImport.ImportAsync).RequireProjectRole(ProjectRole.Write);
        project.MapGet("/api-specs/{specId:long}", GetAsync).RequireProjectRole(ProjectRole.Read);
        project.MapPut("/api-specs/{specId:long}", UpdateAsync).RequireProjectRole(ProjectRole.Write);
        project.MapDelete("/api-specs/{specId:long}", DeleteAsync).RequireProjectRole(ProjectRole.Write);
        return project;
    }

    public sealed record ApiSpecRequest(string? Name, string? Method, string? Path, string? Description,
        double? SlaP50Ms, double? SlaP95Ms, double? SlaP99Ms, double? SlaErrorRate);

    public sealed record ApiSpecResponse(long Id, long ProjectId, string Name, string Method, string Path, string? Description,
        double? SlaP50Ms, double? SlaP95Ms, double? SlaP99Ms, double? SlaErrorRate, DateTime CreatedAt, DateTime UpdatedAt);

    public static ApiSpecResponse ResponseOf(ApiSpec s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.Id, s.ProjectId, s.Name, s.Method, s.Path, s.Description, s.SlaP50Ms, s.SlaP95Ms, s.SlaP99Ms, s.SlaErrorRate, s.CreatedAt, s.UpdatedAt);
    }

    private static async Task<IResult> ListAsync(ProjectScope scope, HubDbContext db, int? page, int? perPage, CancellationToken cancellationToken)
    {
        var paging = PageRequest.From(page, perPage, 100);
        var query = db.Set<ApiSpec>().AsNoTracking().Where(s => s.ProjectId == scope.ProjectId);
        var total = await query.CountAsync(cancellationToken);
        var specs = await query.OrderBy(s => s.Path).ThenBy(s => s.Method).Skip(paging.Skip).Take(paging.PerPage).ToListAsync(cancellationToken);
        return ApiResults.Ok(new Paged<ApiSpecResponse>([.. specs.Select(ResponseOf)], new PageMeta(total, paging.Page, paging.PerPage)));
    }

    private static async Task<IResult> CreateAsync(ApiSpecRequest request, ProjectScope scope, HubDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.UtcNowForStorage();
        var spec = new ApiSpec { ProjectId = scope.ProjectId, Name = "", Method = "", Path = "", CreatedAt = now, UpdatedAt = now };
        if (Apply(spec, request, creating: true) is { } errors)
        {
            return ApiResults.Invalid(errors);
        }

        db.Add(spec);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return ApiResults.Conflict($"{spec.Method} {spec.Path} already has a spec in this project");
        }

        return ApiResults.Created(ResponseOf(spec));
    }

    private static async Task<IResult> GetAsync(long specId, ProjectScope scope, HubDbContext db, CancellationToken cancellationToken)
    {
        var spec = await db.Set<ApiSpec>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == specId && s.ProjectId == scope.ProjectId, cancellationToken);
        return spec is null ? ApiResults.NotFound("API spec") : ApiResults.Ok(ResponseOf(spec));
    }

    private static async Task<IResult> UpdateAsync(long specId, ApiSpecRequest request, ProjectScope scope, HubDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var spec = await db.Set<ApiSpec>().FirstOrDefaultAsync(s => s.Id == specId && s.ProjectId == scope.ProjectId, cancellationToken);
        if (spec is null)
        {
            return ApiResults.NotFound("API spec");
        }

        if (Apply(spec, request, creating: false) is { } errors)
        {
            return ApiResults.Invalid(errors);
        }

        spec.UpdatedAt = time.UtcNowForStorage();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return ApiResults.Conflict($"{spec.Method} {spec.Path} already has a spec in this project");
        }

        return ApiResults.Ok(ResponseOf(spec), "updated");
    }

    private static async Task<IResult> DeleteAsync(long specId, ProjectScope scope, HubDbContext db, CancellationToken cancellationToken)
    {
        var deleted = await db.Set<ApiSpec>().Where(s => s.Id == specId && s.ProjectId == scope.ProjectId).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? ApiResults.NotFound("API spec") : ApiResults.Done("deleted");
    }

    /// <summary>Copies the given fields (all required when creating; only those present when updating); every problem at once, or null.</summary>
    internal static Dictionary<string, string[]>? Apply(ApiSpec spec, ApiSpecRequest request, bool creating)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Name is not null || creating)
        {
            if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200)
            {
                errors["name"] = ["1-200 characters"];
            }
            else
            {
                spec.Name = request.Name.Trim();
            }
        }

        if (request.Method is not null || creating)
        {
            var method = request.Method?.Trim().ToUpperInvariant();
            if (method is not ("GET" or "POST" or "PUT" or "PATCH" or "DELETE" or "HEAD" or "OPTIONS"))
            {
                errors["method"] = ["one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS"];
            }
            else
            {
                spec.Method = method;
            }
        }

        if (request.Path is not null || creating)
        {
            if (string.IsNullOrWhiteSpace(request.Path) || !request.Path.StartsWith('/') || request.Path.Length > 500)
            {
                errors["path"] = ["a path template starting with '/', e.g. /orders/{id}"];
            }
            else
            {
                spec.Path = request.Path.Trim();
            }
        }

        spec.Description = request.Description ?? spec.Description;
        CheckBudget(errors, "sla_p50_ms", request.SlaP50Ms, v => spec.SlaP50Ms = v);
        CheckBudget(errors, "sla_p95_ms", request.SlaP95Ms, v => spec.SlaP95Ms = v);
        CheckBudget(errors, "sla_p99_ms", request.SlaP99Ms, v => spec.SlaP99Ms = v);
        if (request.SlaErrorRate is { } rate)
        {
            if (rate is < 0 or > 1 || double.IsNaN(rate))
            {
                errors["sla_error_rate"] = ["a fraction from 0 to 1 (0.01 = 1 %)"];
            }
            else
            {
                spec.SlaErrorRate = rate;
            }
        }

        return errors.Count == 0 ? null : errors;
    }

    private static void CheckBudget(Dictionary<string, string[]> errors, string field, double? value, Action<double> set)
    {
        if (value is not { } budget)
        {
            return;
        }

        if (budget <= 0 || double.IsNaN(budget) || budget > 3_600_000)
        {
            errors[field] = ["milliseconds, more than 0"];
        }
        else
        {
            set(budget);
        }
    }
}
