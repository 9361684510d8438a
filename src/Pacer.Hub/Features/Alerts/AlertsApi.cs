using Microsoft.EntityFrameworkCore;
using Pacer.Hub.Features.Projects;
using Pacer.Hub.Infrastructure.Api;
using Pacer.Hub.Infrastructure.Auth;
using Pacer.Hub.Infrastructure.Database;

namespace Pacer.Hub.Features.Alerts;

/// <summary><c>/projects/{id}/alert-channels</c> (where alerts go) and <c>/projects/{id}/alerts</c> (what fired, with each alert's history).</summary>
public static class AlertsApi
{
    public static RouteGroupBuilder MapAlertsApi(this RouteGroupBuilder project)
    {
        ArgumentNullException.ThrowIfNull(project);
        project.MapGet("/alert-channels", ListChannelsAsync).RequireProjectRole(ProjectRole.Read);
        project.MapPost("/alert-channels", CreateChannelAsync).RequireProjectRole(ProjectRole.Write);
        project.MapDelete("/alert-channels/{channelId:long}", DeleteChannelAsync).RequireProjectRole(ProjectRole.Write);
        project.MapGet("/alerts", ListAlertsAsync).RequireProjectRole(ProjectRole.Read);
        project.MapGet("/alerts/{alertId:long}", GetAlertAsync).RequireProjectRole(ProjectRole.Read);
        return project;
    }

    public sealed record ChannelRequest(string? Name, string? Kind, string? Target);

    public sealed record ChannelResponse(long Id, string Name, string Kind, string Target, DateTime CreatedAt);

    public sealed record AlertResponse(long Id, long MonitorId, string Monitor, string Rule, string Status, DateTime FiredAt, DateTime? ResolvedAt,
        string Detail, int FailingChecks, IReadOnlyList<EventResponse>? History);

    public sealed record EventResponse(DateTime At, string Kind, string? Channel, string Detail);

    private static async Task<IResult> ListChannelsAsync(ProjectScope scope, HubDbContext db, CancellationToken cancellationToken)
    {
        var channels = await db.Set<AlertChannel>().AsNoTracking().Where(c => c.ProjectId == scope.ProjectId).OrderBy(c => c.Name).ToListAsync(cancellationToken);
        return ApiResults.Ok(Paged.All([.. channels.Select(c => new ChannelResponse(c.Id, c.Name, c.Kind, c.Target, c.CreatedAt))]));
    }

    private static async Task<IResult> CreateChannelAsync(ChannelRequest request, ProjectScope scope, HubDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 100)
        {
            errors["name"] = ["1-100 characters"];
        }

        var kind = request.Kind?.Trim().ToLowerInvariant();
        if (kind is not (AlertChannel.Webhook or AlertChannel.Slack or AlertChannel.Email))
        {
            errors["kind"] = ["webhook, slack or email"];
        }
        else if (kind == AlertChannel.Email ? !IsAddress(request.Target) : !IsHttpUrl(request.Target))
        {
            errors["target"] = [kind == AlertChannel.Email ? "an e-mail address" : "an absolute http(s) URL"];
        }

        if (errors.Count > 0)
        {
            return ApiResults.Invalid(errors);
        }

        var channel = new AlertChannel { ProjectId = scope.ProjectId, Name = request.Name!.Trim(), Kind = kind!, Target = request.Target!.Trim(), CreatedAt = time.UtcNowForStorage() };
        db.Add(channel);
        await db.SaveChangesAsync(cancellationToken);
        return ApiResults.Created(new ChannelResponse(channel.Id, channel.Name, channel.Kind, channel.Target, channel.CreatedAt));
    }

    private static async Task<IResult> DeleteChannelAsync(long channelId, ProjectScope scope, HubDbContext db, CancellationToken cancellationToken)
    {
        var deleted = await db.Set<AlertChannel>().Where(c => c.Id == channelId && c.ProjectId == scope.ProjectId).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? ApiResults.NotFound("alert channel") : ApiResults.Done("deleted");
    }

    private static async Task<IResult> ListAlertsAsync(ProjectScope scope, HubDbContext db, string? status, int? page, int? perPage, CancellationToken cancellationToken)
    {
        var paging = PageRequest.From(page, perPage);
        var query = db.Set<Alert>().AsNoTracking().Where(a => a.ProjectId == scope.ProjectId && (status == null || a.Status == status));
        var total = await query.CountAsync(cancellationToken);
        var alerts = await query.OrderByDescending(a => a.FiredAt).ThenByDescending(a => a.Id).Skip(paging.Skip).Take(paging.PerPage)
            .Select(a => new { Alert = a, Monitor = a.Monitor!.Name }).ToListAsync(cancellationToken);
        return ApiResults.Ok(new Paged<AlertResponse>([.. alerts.Select(a => ResponseOf(a.Alert, a.Monitor, null))], new PageMeta(total, paging.Page, paging.PerPage)));
    }

    private static async Task<IResult> GetAlertAsync(long alertId, ProjectScope scope, HubDbContext db, CancellationToken cancellationToken)
    {
        var alert = await db.Set<Alert>().AsNoTracking().Where(a => a.Id == alertId && a.ProjectId == scope.ProjectId)
            .Select(a => new { Alert = a, Monitor = a.Monitor!.Name }).FirstOrDefaultAsync(cancellationToken);
        if (alert is null)
        {
            return ApiResults.NotFound("alert");
        }

        var history = await HistoryAsync(db, alertId, cancellationToken);
        return ApiResults.Ok(ResponseOf(alert.Alert, alert.Monitor, history));
    }

    public static async Task<IReadOnlyList<EventResponse>> HistoryAsync(HubDbContext db, long alertId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Set<AlertEvent>().AsNoTracking().Where(e => e.AlertId == alertId).OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new EventResponse(e.At, e.Kind, e.Channel, e.Detail)).ToListAsync(cancellationToken);
    }

    public static AlertResponse ResponseOf(Alert a, string monitor, IReadOnlyList<EventResponse>? history)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new(a.Id, a.MonitorId, monitor, a.Rule, a.Status, a.FiredAt, a.ResolvedAt, a.Detail, a.FailingChecks, history);
    }

    private static bool IsHttpUrl(string? text) => Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    private static bool IsAddress(string? text) => System.Net.Mail.MailAddress.TryCreate(text, out _);
}
