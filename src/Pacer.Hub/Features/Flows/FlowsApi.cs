using Microsoft.EntityFrameworkCore;
using Pacer.Core.Flow;
using Pacer.Core.Flow.Syntax;
using Pacer.Hub.Features.Projects;
using Pacer.Hub.Infrastructure.Api;
using Pacer.Hub.Infrastructure.Auth;
using Pacer.Hub.Infrastructure.Database;

namespace Pacer.Hub.Features.Flows;

/// <summary>
/// <c>/projects/{id}/flows</c>: <c>.flow.md</c> texts kept by name and versioned. A text is parsed with
/// Pacer.Core before it is saved; one that does not parse is refused with every diagnostic
/// (<c>name:line:column</c>), exactly as <c>pacer check</c> reports it.
/// </summary>
public static class FlowsApi
{
    public static RouteGroupBuilder MapFlowsApi(this RouteGroupBuilder project)
    {
        ArgumentNullException.ThrowIfNull(project);
        project.MapGet("/flows", ListAsync).RequireProjectRole(ProjectRole.Read);
        project.MapPost("/flows", CreateAsync).RequireProjectRole(ProjectRole.Write);
        project.MapGet("/flows/{flowId:long}", GetAsync).RequireProjectRole(ProjectRole.Read);
        project.MapPut("/flows/{flowId:long}", SaveVersionAsync).RequireProjectRole(ProjectRole.Write);
        project.MapDelete("/flows/{flowId:long}", DeleteAsync).RequireProjectRole(ProjectRole.Write);
        project.MapGet("/flows/{flowId:long}/versions", VersionsAsync).RequireProjectRole(ProjectRole.Read);
        project.MapGet("/flows/{flowId:long}/versions/{version:int}", VersionAsync).RequireProjectRole(ProjectRole.Read);
        return project;
    }

    public sealed record FlowRequest(string? Name, string? Content, string? Comment);

    public sealed record FlowResponse(long Id, long ProjectId, string Name, int Version, string? Content, int Steps, DateTime CreatedAt, DateTime UpdatedAt);

    public sealed record VersionResponse(int Version, string? Comment, long CreatedById, DateTime CreatedAt, string? Content);

    private static async Task<IResult> ListAsync(ProjectScope scope, HubDbContext db, CancellationToken cancellationToken)
    {
        var flows = await db.Set<StoredFlow>().AsNoTracking().Where(f => f.ProjectId == scope.ProjectId).OrderBy(f => f.Name).ToListAsync(cancellationToken);
        return ApiResults.Ok(Paged.All<FlowResponse>([.. flows.Select(f => new FlowResponse(f.Id, f.ProjectId, f.Name, f.LatestVersion, null, 0, f.CreatedAt, f.UpdatedAt))]));
    }

    private static async Task<IResult> CreateAsync(FlowRequest request, ProjectScope scope, HubDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 200)
        {
            return ApiResults.Invalid("name", "1-200 characters, e.g. checkout.flow.md");
        }

        if (Parse(name, request.Content) is { } refused)
        {
            return refused;
        }

        var now = time.UtcNowForStorage();
        var flow = new StoredFlow { ProjectId = scope.ProjectId, Name = name, LatestVersion = 1, CreatedAt = now, UpdatedAt = now };
        db.Add(flow);
        db.Add(new FlowVersion { Flow = flow, Version = 1, Content = request.Content!, Comment = request.Comment, CreatedById = scope.UserId ?? 0, CreatedAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return ApiResults.Conflict($"a flow named {name} exists; PUT a new version to it");
        }

        return ApiResults.Created(ResponseOf(flow, request.Content!));
    }

    private static async Task<IResult> GetAsync(long flowId, ProjectScope scope, HubDbContext db, CancellationToken cancellationToken)
    {
        var flow = await db.Set<StoredFlow>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == flowId && f.ProjectId == scope.ProjectId, cancellationToken);
        if (flow is null)
        {
            return ApiResults.NotFound("flow");
        }

        var content = await LatestContentAsync(db, flow, cancellationToken);
        return ApiResults.Ok(ResponseOf(flow, content));
    }

    private static async Task<IResult> SaveVersionAsync(long flowId, FlowRequest request, ProjectScope scope, HubDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var flow = await db.Set<StoredFlow>().FirstOrDefaultAsync(f => f.Id == flowId && f.ProjectId == scope.ProjectId, cancellationToken);
        if (flow is null)
        {
            return ApiResults.NotFound("flow");
        }

        if (Parse(flow.Name, request.Content) is { } refused)
        {
            return refused;
        }

        var now = time.UtcNowForStorage();
        flow.LatestVersion++;
        flow.UpdatedAt = now;
        db.Add(new FlowVersion { FlowId = flow.Id, Version = flow.LatestVersion, Content = request.Content!, Comment = request.Comment, CreatedById = scope.UserId ?? 0, CreatedAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ApiResults.Conflict("the flow changed meanwhile; read it again");
        }
        catch (DbUpdateException)
        {
            return ApiResults.Conflict("another version was saved at the same moment; read the flow again");
        }

        return ApiResults.Ok(ResponseOf(flow, request.Content!), $"saved version {flow.LatestVersion}");
    }

    private static async Task<IResult> DeleteAsync(long flowId, ProjectScope scope, HubDbContext db, CancellationToken cancellationToken)
    {
        var deleted = await db.Set<StoredFlow>().Where(f => f.Id == flowId && f.ProjectId == scope.ProjectId).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? ApiResults.NotFound("flow") : ApiResults.Done("deleted");
    }

    private static async Task<IResult> VersionsAsync(long flowId, ProjectScope scope, HubDbContext db, CancellationToken cancellationToken)
    {
        var versions = await db.Set<FlowVersion>().AsNoTracking().Where(v => v.FlowId == flowId && v.Flow!.ProjectId == scope.ProjectId)
            .OrderByDescending(v => v.Version).Select(v => new VersionResponse(v.Version, v.Comment, v.CreatedById, v.CreatedAt, null)).ToListAsync(cancellationToken);
        return versions.Count == 0 ? ApiResults.NotFound("flow") : ApiResults.Ok(Paged.All<VersionResponse>(versions));
    }

    private static async Task<IResult> VersionAsync(long flowId, int version, ProjectScope scope, HubDbContext db, CancellationToken cancellationToken)
    {
        var found = await db.Set<FlowVersion>().AsNoTracking().Where(v => v.FlowId == flowId && v.Version == version && v.Flow!.ProjectId == scope.ProjectId)
            .Select(v => new VersionResponse(v.Version, v.Comment, v.CreatedById, v.CreatedAt, v.Content)).FirstOrDefaultAsync(cancellationToken);
        return found is null ? ApiResults.NotFound("flow version") : ApiResults.Ok(found);
    }

    public static Task<string> LatestContentAsync(HubDbContext db, StoredFlow flow, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(flow);
        return db.Set<FlowVersion>().AsNoTracking().Where(v => v.FlowId == flow.Id && v.Version == flow.LatestVersion)
            .Select(v => v.Content).FirstAsync(cancellationToken);
    }

    private static FlowResponse ResponseOf(StoredFlow flow, string content) =>
        new(flow.Id, flow.ProjectId, flow.Name, flow.LatestVersion, content, FlowParser.Parse(flow.Name, content).Document?.Steps.Count ?? 0, flow.CreatedAt, flow.UpdatedAt);

    private static Microsoft.AspNetCore.Http.HttpResults.JsonHttpResult<ApiEnvelope<object>>? Parse(string name, string? content)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return ApiResults.Invalid("content", "the flow's Markdown text");
        }

        var parsed = FlowParser.Parse(name, content);
        if (!parsed.HasErrors)
        {
            return null;
        }

        var errors = parsed.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => $"{d.Span}: {d.Code}: {d.Message}").ToArray();
        return ApiResults.Problem(StatusCodes.Status422UnprocessableEntity, "The flow does not parse", string.Join("\n", errors),
            errors: new Dictionary<string, string[]> { ["content"] = errors });
    }
}
