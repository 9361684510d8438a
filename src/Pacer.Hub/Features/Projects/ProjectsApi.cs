using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Pacer.Hub.Infrastructure.Api;
using Pacer.Hub.Infrastructure.Auth;
using Pacer.Hub.Infrastructure.Database;

namespace Pacer.Hub.Features.Projects;

/// <summary><c>/projects</c> (<c>?slug=</c> finds one by slug) and <c>/projects/{id}</c>: create, list, read, update, delete.</summary>
public static partial class ProjectsApi
{
    public static RouteGroupBuilder MapProjectsApi(this RouteGroupBuilder api, RouteGroupBuilder project)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(project);
        api.MapGet("/projects", ListAsync);
        api.MapPost("/projects", CreateAsync);
        project.MapGet("", GetAsync).RequireProjectRole(ProjectRole.Read);
        project.MapPut("", UpdateAsync).RequireProjectRole(ProjectRole.Admin);
        project.MapDelete("", DeleteAsync).RequireProjectRole(ProjectRole.Owner);
        return api;
    }

    public sealed record ProjectResponse(long Id, string Name, string Slug, string? Description, string Role, long? BaselineRunId,
        double RegressionTolerance, DateTime CreatedAt, DateTime UpdatedAt);

    public sealed record CreateProjectRequest(string? Name, string? Slug, string? Description);

    public sealed record UpdateProjectRequest(string? Name, string? Slug, string? Description, double? RegressionTolerance);

    public static ProjectResponse ResponseOf(Project p, ProjectRole role)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(p.Id, p.Name, p.Slug, p.Description, role.Name(), p.BaselineRunId, p.RegressionTolerance, p.CreatedAt, p.UpdatedAt);
    }

    private static async Task<IResult> ListAsync(ClaimsPrincipal user, HubDbContext db, int? page, int? perPage, string? slug, CancellationToken cancellationToken)
    {
        var paging = PageRequest.From(page, perPage);
        if (user.IsApiToken())
        {
            var projectId = long.Parse(user.FindFirstValue(HubClaims.TokenProject)!, System.Globalization.CultureInfo.InvariantCulture);
            var tokenRole = ProjectRoles.TryParse(user.FindFirstValue(HubClaims.TokenRole), out var parsed) ? parsed : ProjectRole.Read;
            var own = await db.Set<Project>().AsNoTracking().Where(p => p.Id == projectId && (slug == null || p.Slug == slug)).ToListAsync(cancellationToken);
            return ApiResults.Ok(Paged.All<ProjectResponse>([.. own.Select(p => ResponseOf(p, tokenRole))]));
        }

        var userId = user.UserIdOf();
        var query = db.Set<ProjectMember>().AsNoTracking().Where(m => m.UserId == userId && (slug == null || m.Project!.Slug == slug));
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderBy(m => m.ProjectId).Skip(paging.Skip).Take(paging.PerPage)
            .Select(m => new { m.Project, m.Role }).ToListAsync(cancellationToken);
        return ApiResults.Ok(new Paged<ProjectResponse>([.. rows.Select(r => ResponseOf(r.Project!, r.Role))], new PageMeta(total, paging.Page, paging.PerPage)));
    }

    private static async Task<IResult> CreateAsync(CreateProjectRequest request, ClaimsPrincipal user, HubDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (user.UserIdOf() is not { } userId)
        {
            return ApiResults.Forbidden("API tokens act within their project; creating projects needs a signed-in user.");
        }

        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100)
        {
            return ApiResults.Invalid("name", "1-100 characters");
        }

        var slug = string.IsNullOrWhiteSpace(request.Slug) ? SlugFrom(name) : request.Slug.Trim();
        if (!SlugPattern().IsMatch(slug))
        {
            return ApiResults.Invalid("slug", "1-50 characters: lower-case letters, digits and '-', starting with a letter or digit");
        }

        var now = time.UtcNowForStorage();
        var project = new Project { Name = name, Slug = slug, Description = request.Description, CreatedAt = now, UpdatedAt = now };
        db.Add(project);
        db.Add(new ProjectMember { Project = project, UserId = userId, Role = ProjectRole.Owner, AddedAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return ApiResults.Conflict($"the slug '{slug}' is taken");
        }

        return ApiResults.Created(ResponseOf(project, ProjectRole.Owner));
    }

    private static async Task<IResult> GetAsync(ProjectScope scope, HubDbContext db, CancellationToken cancellationToken)
    {
        var project = await db.Set<Project>().AsNoTracking().FirstAsync(p => p.Id == scope.ProjectId, cancellationToken);
        return ApiResults.Ok(ResponseOf(project, scope.Role));
    }

    private static async Task<IResult> UpdateAsync(UpdateProjectRequest request, ProjectScope scope, HubDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var project = await db.Set<Project>().FirstAsync(p => p.Id == scope.ProjectId, cancellationToken);
        if (request.Name is { } name)
        {
            if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100)
            {
                return ApiResults.Invalid("name", "1-100 characters");
            }

            project.Name = name.Trim();
        }

        if (request.Slug is { } slug)
        {
            if (!SlugPattern().IsMatch(slug))
            {
                return ApiResults.Invalid("slug", "1-50 characters: lower-case letters, digits and '-'");
            }

            project.Slug = slug;
        }

        if (request.RegressionTolerance is { } tolerance)
        {
            if (tolerance is < 0 or > 10 || double.IsNaN(tolerance))
            {
                return ApiResults.Invalid("regression_tolerance", "a fraction from 0 to 10 (0.1 = 10 %)");
            }

            project.RegressionTolerance = tolerance;
        }

        project.Description = request.Description ?? project.Description;
        project.UpdatedAt = time.UtcNowForStorage();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return ApiResults.Conflict($"the slug '{project.Slug}' is taken");
        }

        return ApiResults.Ok(ResponseOf(project, scope.Role), "updated");
    }

    private static async Task<IResult> DeleteAsync(ProjectScope scope, HubDbContext db, CancellationToken cancellationToken)
    {
        await db.Set<Project>().Where(p => p.Id == scope.ProjectId).ExecuteDeleteAsync(cancellationToken);
        return ApiResults.Done("deleted");
    }

    public static string SlugFrom(string name)
    {
        var slug = NonSlug().Replace((name ?? "").ToLowerInvariant(), "-").Trim('-');
        slug = slug.Length > 40 ? slug[..40].TrimEnd('-') : slug;
        return (slug.Length == 0 ? "project" : slug) + "-" + Guid.NewGuid().ToString("N")[..6];
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,49}$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonSlug();
}
