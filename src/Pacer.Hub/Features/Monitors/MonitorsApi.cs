using Microsoft.EntityFrameworkCore;
using Pacer.Hub.Features.Alerts;
using Pacer.Hub.Features.Environments;
using Pacer.Hub.Features.Flows;
using Pacer.Hub.Features.Projects;
using Pacer.Hub.Infrastructure.Api;
using Pacer.Hub.Infrastructure.Auth;
using Pacer.Hub.Infrastructure.Database;

namespace Pacer.Hub.Features.Monitors;

/// <summary><c>/projects/{id}/monitors</c>: flows the Hub runs on a schedule; their checks; a check on demand.</summary>
public static class MonitorsApi
{
    public static IServiceCollection AddMonitorsFeature(this IServiceCollection services)
    {
        services.AddSingleton<FlowExecution>();
        services.AddScoped<MonitorCheckRunner>();
        services.AddScoped<AlertEvaluator>();
        services.AddSingleton<AlertOutbox>();
        services.AddSingleton<AlertSenders>();
        services.AddHttpClient(AlertSenders.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddHostedService<AlertDispatcher>();
        services.AddHostedService<MonitorScheduler>();
        return services;
    }

    public static RouteGroupBuilder MapMonitorsApi(this RouteGroupBuilder project)
    {
        ArgumentNullException.ThrowIfNull(project);
        project.MapGet("/monitors", ListAsync).RequireProjectRole(ProjectRole.Read);
        project.MapPost("/monitors", CreateAsync).RequireProjectRole(ProjectRole.Write);
        project.MapGet("/monitors/{monitorId:long}", GetAsync).RequireProjectRole(ProjectRole.Read);
        project.MapPut("/monitors/{monitorId:long}", UpdateAsync).RequireProjectRole(ProjectRole.Write);
        project.MapDelete("/monitors/{monitorId:long}", DeleteAsync).RequireProjectRole(ProjectRole.Write);
        project.MapGet("/monitors/{monitorId:long}/checks", ChecksAsync).RequireProjectRole(ProjectRole.Read);
        project.MapPost("/monitors/{monitorId:long}/checks", CheckNowAsync).RequireProjectRole(ProjectRole.Write);
        return project;
    }

    public sealed record MonitorRequest(string? Name, long? FlowId, long? EnvironmentId, string? BaseUrl, string? Schedule, bool? Enabled, IReadOnlyList<long>? ChannelIds);

    public sealed record MonitorResponse(long Id, long ProjectId, string Name, long FlowId, long? EnvironmentId, string? BaseUrl, string Schedule, bool Enabled,
        IReadOnlyList<long> ChannelIds, DateTime? NextCheckAt, DateTime? LastCheckAt, bool? LastPassed, DateTime CreatedAt);

    public sealed record CheckResponse(long Id, DateTime StartedAt, double DurationMs, bool Passed, string Summary, IReadOnlyList<string> FailedRules);

    public static MonitorResponse ResponseOf(HubMonitor m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return new(m.Id, m.ProjectId, m.Name, m.FlowId, m.EnvironmentId, m.BaseUrl, m.Schedule, m.Enabled, [.. m.Channels.Select(c => c.Id)],
            m.NextCheckAt, m.LastCheckAt, m.LastPassed, m.CreatedAt);
    }

    public static CheckResponse ResponseOf(MonitorCheck c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new(c.Id, c.StartedAt, c.DurationMs, c.Passed, c.Summary, c.FailedRules.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private static async Task<IResult> ListAsync(ProjectScope scope, HubDbContext db, CancellationToken cancellationToken)
    {
        var monitors = await db.Set<HubMonitor>().AsNoTracking().Include(m => m.Channels).Where(m => m.ProjectId == scope.ProjectId).OrderBy(m => m.Name).ToListAsync(cancellationToken);
        return ApiResults.Ok(Paged.All([.. monitors.Select(ResponseOf)]));
    }

    private static async Task<IResult> CreateAsync(MonitorRequest request, ProjectScope scope, HubDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.UtcNowForStorage();
        var monitor = new HubMonitor { ProjectId = scope.ProjectId, Name = "", Schedule = "", CreatedAt = now, UpdatedAt = now };
        if (await ApplyAsync(monitor, request, db, creating: true, cancellationToken) is { } errors)
        {
            return ApiResults.Invalid(errors);
        }

        monitor.NextCheckAt = MonitorSchedule.Next(monitor.Schedule, now);
        db.Add(monitor);
        await db.SaveChangesAsync(cancellationToken);
        return ApiResults.Created(ResponseOf(monitor));
    }

    private static async Task<IResult> GetAsync(long monitorId, ProjectScope scope, HubDbContext db, CancellationToken cancellationToken)
    {
        var monitor = await db.Set<HubMonitor>().AsNoTracking().Include(m => m.Channels).FirstOrDefaultAsync(m => m.Id == monitorId && m.ProjectId == scope.ProjectId, cancellationToken);
        return monitor is null ? ApiResults.NotFound("monitor") : ApiResults.Ok(ResponseOf(monitor));
    }

    private static async Task<IResult> UpdateAsync(long monitorId, MonitorRequest request, ProjectScope scope, HubDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var monitor = await db.Set<HubMonitor>().Include(m => m.Channels).FirstOrDefaultAsync(m => m.Id == monitorId && m.ProjectId == scope.ProjectId, cancellationToken);
        if (monitor is null)
        {
            return ApiResults.NotFound("monitor");
        }

        if (await ApplyAsync(monitor, request, db, creating: false, cancellationToken) is { } errors)
        {
            return ApiResults.Invalid(errors);
        }

        var now = time.UtcNowForStorage();
        monitor.UpdatedAt = now;
        monitor.NextCheckAt = MonitorSchedule.Next(monitor.Schedule, now);
        await db.SaveChangesAsync(cancellationToken);
        return ApiResults.Ok(ResponseOf(monitor), "updated");
    }

    private static async Task<IResult> DeleteAsync(long monitorId, ProjectScope scope, HubDbContext db, CancellationToken cancellationToken)
    {
        var deleted = await db.Set<HubMonitor>().Where(m => m.Id == monitorId && m.ProjectId == scope.ProjectId).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? ApiResults.NotFound("monitor") : ApiResults.Done("deleted");
    }

    private static async Task<IResult> ChecksAsync(long monitorId, ProjectScope scope, HubDbContext db, int? page, int? perPage, CancellationToken cancellationToken)
    {
        var paging = PageRequest.From(page, perPage);
        var query = db.Set<MonitorCheck>().AsNoTracking().Where(c => c.MonitorId == monitorId && c.ProjectId == scope.ProjectId);
        var total = await query.CountAsync(cancellationToken);
        var checks = await query.OrderByDescending(c => c.StartedAt).ThenByDescending(c => c.Id).Skip(paging.Skip).Take(paging.PerPage).ToListAsync(cancellationToken);
        return ApiResults.Ok(new Paged<CheckResponse>([.. checks.Select(ResponseOf)], new PageMeta(total, paging.Page, paging.PerPage)));
    }

    private static async Task<IResult> CheckNowAsync(long monitorId, ProjectScope scope, HubDbContext db, MonitorCheckRunner runner, CancellationToken cancellationToken)
    {
        if (!await db.Set<HubMonitor>().AnyAsync(m => m.Id == monitorId && m.ProjectId == scope.ProjectId, cancellationToken))
        {
            return ApiResults.NotFound("monitor");
        }

        var check = await runner.RunAsync(monitorId, cancellationToken);
        return check is null ? ApiResults.NotFound("monitor") : ApiResults.Created(ResponseOf(check), check.Passed ? "check passed" : "check failed");
    }

    private static async Task<Dictionary<string, string[]>?> ApplyAsync(HubMonitor monitor, MonitorRequest request, HubDbContext db, bool creating, CancellationToken cancellationToken)
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
                monitor.Name = request.Name.Trim();
            }
        }

        if (request.FlowId is not null || creating)
        {
            if (request.FlowId is not { } flowId || !await db.Set<StoredFlow>().AnyAsync(f => f.Id == flowId && f.ProjectId == monitor.ProjectId, cancellationToken))
            {
                errors["flow_id"] = ["a flow of this project"];
            }
            else
            {
                monitor.FlowId = flowId;
            }
        }

        if (request.EnvironmentId is { } environmentId)
        {
            if (!await db.Set<ProjectEnvironment>().AnyAsync(e => e.Id == environmentId && e.ProjectId == monitor.ProjectId, cancellationToken))
            {
                errors["environment_id"] = ["an environment of this project"];
            }
            else
            {
                monitor.EnvironmentId = environmentId;
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
                monitor.BaseUrl = baseUrl;
            }
        }

        if (request.Schedule is not null || creating)
        {
            if (!MonitorSchedule.TryParse(request.Schedule, out _, out var error))
            {
                errors["schedule"] = [error!];
            }
            else
            {
                monitor.Schedule = request.Schedule!.Trim();
            }
        }

        monitor.Enabled = request.Enabled ?? monitor.Enabled;
        if (request.ChannelIds is { } ids)
        {
            var channels = await db.Set<AlertChannel>().Where(c => ids.Contains(c.Id) && c.ProjectId == monitor.ProjectId).ToListAsync(cancellationToken);
            if (channels.Count != ids.Distinct().Count())
            {
                errors["channel_ids"] = ["alert channels of this project"];
            }
            else
            {
                monitor.Channels.Clear();
                monitor.Channels.AddRange(channels);
            }
        }

        return errors.Count == 0 ? null : errors;
    }
}
