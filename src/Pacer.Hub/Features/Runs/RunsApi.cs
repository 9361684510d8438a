using System.Net.ServerSentEvents;
using Microsoft.EntityFrameworkCore;
using Pacer.Hub.Features.Projects;
using Pacer.Hub.Infrastructure.Api;
using Pacer.Hub.Infrastructure.Auth;
using Pacer.Hub.Infrastructure.Database;

namespace Pacer.Hub.Features.Runs;

/// <summary>
/// <c>/projects/{id}/runs</c>: upload a finished result, or open a live run, stream its progress and
/// finish it with its result; list, read (with SLA and regression verdicts), download, delete; the baseline.
/// </summary>
public static class RunsApi
{
    public static IServiceCollection AddRunsFeature(this IServiceCollection services) =>
        services.AddSingleton<RunProgressBroker>().AddScoped<RunIngest>().AddScoped<RunDetails>();

    public static RouteGroupBuilder MapRunsApi(this RouteGroupBuilder project)
    {
        ArgumentNullException.ThrowIfNull(project);
        project.MapGet("/runs", ListAsync).RequireProjectRole(ProjectRole.Read);
        project.MapPost("/runs", UploadAsync).RequireProjectRole(ProjectRole.Write);
        project.MapPost("/runs/live", StartLiveAsync).RequireProjectRole(ProjectRole.Write);
        project.MapGet("/runs/{runId:long}", GetAsync).RequireProjectRole(ProjectRole.Read);
        project.MapDelete("/runs/{runId:long}", DeleteAsync).RequireProjectRole(ProjectRole.Write);
        project.MapGet("/runs/{runId:long}/result", DownloadAsync).RequireProjectRole(ProjectRole.Read);
        project.MapPut("/runs/{runId:long}/result", FinishLiveAsync).RequireProjectRole(ProjectRole.Write);
        project.MapPost("/runs/{runId:long}/progress", ProgressAsync).RequireProjectRole(ProjectRole.Write);
        project.MapGet("/runs/{runId:long}/events", Events).RequireProjectRole(ProjectRole.Read);
        project.MapPut("/baseline", SetBaselineAsync).RequireProjectRole(ProjectRole.Admin);
        return project;
    }

    public sealed record LiveRunRequest(string? Kind, IReadOnlyList<string>? Flows, string? Label, string? Environment);

    public sealed record BaselineRequest(long? RunId);

    public sealed record UploadResponse(long Id, string Kind, bool? Passed, string Url);

    private static async Task<IResult> ListAsync(ProjectScope scope, HubDbContext db, int? page, int? perPage, string? kind, CancellationToken cancellationToken)
    {
        var paging = PageRequest.From(page, perPage);
        var query = db.Set<Run>().AsNoTracking().Where(r => r.ProjectId == scope.ProjectId);
        if (!string.IsNullOrEmpty(kind))
        {
            query = query.Where(r => r.Kind == kind);
        }

        var baseline = await db.Set<Project>().Where(p => p.Id == scope.ProjectId).Select(p => p.BaselineRunId).FirstAsync(cancellationToken);
        var total = await query.CountAsync(cancellationToken);
        var runs = await query.OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id).Skip(paging.Skip).Take(paging.PerPage)
            .Select(r => new Run
            {
                Id = r.Id,
                ProjectId = r.ProjectId,
                Kind = r.Kind,
                Status = r.Status,
                Label = r.Label,
                Environment = r.Environment,
                Flows = r.Flows,
                UploadedBy = r.UploadedBy,
                StartedAt = r.StartedAt,
                EndedAt = r.EndedAt,
                DurationSeconds = r.DurationSeconds,
                Passed = r.Passed,
                Requests = r.Requests,
                Failures = r.Failures,
                ErrorRate = r.ErrorRate,
                Rps = r.Rps,
                P50Ms = r.P50Ms,
                P95Ms = r.P95Ms,
                P99Ms = r.P99Ms,
            })
            .ToListAsync(cancellationToken);
        return ApiResults.Ok(new Paged<RunDetails.RunSummary>([.. runs.Select(r => RunDetails.SummaryOf(r, baseline))], new PageMeta(total, paging.Page, paging.PerPage)));
    }

    private static async Task<IResult> UploadAsync(HttpRequest request, ProjectScope scope, RunIngest ingest, string? kind, string? label, string? environment,
        CancellationToken cancellationToken)
    {
        if (kind is not (null or "load" or "run" or "monitor"))
        {
            return ApiResults.Invalid("kind", "load, run or monitor (default: from the file)");
        }

        var json = await ReadBodyAsync(request, cancellationToken);
        var run = new Run { ProjectId = scope.ProjectId, Kind = kind ?? "", Status = RunStatus.Completed };
        if (await ingest.IngestAsync(run, json, new RunIngest.Metadata(kind, label, environment, scope.Actor), cancellationToken) is { } error)
        {
            return ApiResults.Problem(StatusCodes.Status422UnprocessableEntity, "Not a Pacer result", error);
        }

        return ApiResults.Created(new UploadResponse(run.Id, run.Kind, run.Passed, $"/api/v1/projects/{scope.ProjectId}/runs/{run.Id}"), "uploaded");
    }

    private static async Task<IResult> StartLiveAsync(LiveRunRequest request, ProjectScope scope, HubDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var kind = request.Kind ?? "load";
        if (kind is not ("load" or "run" or "monitor"))
        {
            return ApiResults.Invalid("kind", "load, run or monitor");
        }

        var now = time.UtcNowForStorage();
        var run = new Run
        {
            ProjectId = scope.ProjectId,
            Kind = kind,
            Status = RunStatus.Running,
            Label = request.Label,
            Environment = request.Environment,
            Flows = string.Join(", ", request.Flows ?? []),
            StartedAt = now,
            UploadedAt = now,
            UploadedBy = scope.Actor,
        };
        db.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        return ApiResults.Created(new UploadResponse(run.Id, run.Kind, null, $"/api/v1/projects/{scope.ProjectId}/runs/{run.Id}"), "live run started");
    }

    private static async Task<IResult> ProgressAsync(long runId, ProgressPoint point, ProjectScope scope, HubDbContext db, RunProgressBroker broker, CancellationToken cancellationToken)
    {
        var status = await db.Set<Run>().Where(r => r.Id == runId && r.ProjectId == scope.ProjectId).Select(r => r.Status).FirstOrDefaultAsync(cancellationToken);
        if (status is null)
        {
            return ApiResults.NotFound("run");
        }

        if (status != RunStatus.Running)
        {
            return ApiResults.Conflict("the run has finished; progress is only taken while it runs");
        }

        broker.Publish(runId, point);
        return ApiResults.Done("recorded");
    }

    private static async Task<IResult> FinishLiveAsync(long runId, HttpRequest request, ProjectScope scope, HubDbContext db, RunIngest ingest, CancellationToken cancellationToken)
    {
        var run = await db.Set<Run>().FirstOrDefaultAsync(r => r.Id == runId && r.ProjectId == scope.ProjectId, cancellationToken);
        if (run is null)
        {
            return ApiResults.NotFound("run");
        }

        var json = await ReadBodyAsync(request, cancellationToken);
        if (await ingest.IngestAsync(run, json, new RunIngest.Metadata(run.Kind, run.Label, run.Environment, scope.Actor), cancellationToken) is { } error)
        {
            return ApiResults.Problem(StatusCodes.Status422UnprocessableEntity, "Not a Pacer result", error);
        }

        return ApiResults.Ok(new UploadResponse(run.Id, run.Kind, run.Passed, $"/api/v1/projects/{scope.ProjectId}/runs/{run.Id}"), "completed");
    }

    private static async Task<IResult> GetAsync(long runId, ProjectScope scope, RunDetails details, CancellationToken cancellationToken)
    {
        var view = await details.LoadAsync(scope.ProjectId, runId, cancellationToken);
        return view is null ? ApiResults.NotFound("run") : ApiResults.Ok(view);
    }

    private static async Task<IResult> DownloadAsync(long runId, ProjectScope scope, HubDbContext db, CancellationToken cancellationToken)
    {
        var json = await db.Set<Run>().Where(r => r.Id == runId && r.ProjectId == scope.ProjectId).Select(r => new { r.ResultJson }).FirstOrDefaultAsync(cancellationToken);
        if (json is null)
        {
            return ApiResults.NotFound("run");
        }

        return json.ResultJson is null
            ? ApiResults.Conflict("the run is still in progress; its result is not in yet")
            : Results.Text(json.ResultJson, "application/json");
    }

    private static async Task<IResult> DeleteAsync(long runId, ProjectScope scope, HubDbContext db, CancellationToken cancellationToken)
    {
        await db.Set<Project>().Where(p => p.Id == scope.ProjectId && p.BaselineRunId == runId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.BaselineRunId, (long?)null), cancellationToken);
        var deleted = await db.Set<Run>().Where(r => r.Id == runId && r.ProjectId == scope.ProjectId).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? ApiResults.NotFound("run") : ApiResults.Done("deleted");
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ServerSentEventsResult<ProgressEvent> Events(long runId, ProjectScope scope, RunProgressBroker broker, CancellationToken cancellationToken) =>
        TypedResults.ServerSentEvents(Stream(broker, runId, cancellationToken));

    public static async IAsyncEnumerable<SseItem<ProgressEvent>> Stream(RunProgressBroker broker, long runId,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(broker);
        // Sent at once, so a follower knows it is connected before the first second of progress arrives.
        yield return new SseItem<ProgressEvent>(new ProgressEvent("following", null, null), "following");
        await foreach (var item in broker.FollowAsync(runId, cancellationToken))
        {
            yield return new SseItem<ProgressEvent>(item, item.Type);
        }
    }

    private static async Task<IResult> SetBaselineAsync(BaselineRequest request, ProjectScope scope, HubDbContext db, CancellationToken cancellationToken)
    {
        if (request.RunId is { } runId && !await db.Set<Run>().AnyAsync(r => r.Id == runId && r.ProjectId == scope.ProjectId && r.Status == RunStatus.Completed, cancellationToken))
        {
            return ApiResults.NotFound("run");
        }

        await db.Set<Project>().Where(p => p.Id == scope.ProjectId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.BaselineRunId, request.RunId), cancellationToken);
        return ApiResults.Ok(new { run_id = request.RunId }, request.RunId is null ? "baseline cleared" : "baseline set");
    }

    private static async Task<string> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body);
        return await reader.ReadToEndAsync(cancellationToken);
    }
}
