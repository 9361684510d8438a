using Microsoft.EntityFrameworkCore;
using Pacer.Hub.Features.Monitors;
using Pacer.Hub.Infrastructure.Database;

namespace Pacer.Hub.Features.Alerts;

/// <summary>
/// Turns a check's rule states into alerts: a rule that starts failing raises one alert (firing), a
/// firing rule that fails again only counts, a firing rule that passes resolves its alert. Each change
/// is written to the alert's history and queued for the monitor's channels. One check of a monitor runs
/// at a time (the scheduler guarantees it), so the open-alert lookup cannot race with itself.
/// </summary>
public sealed class AlertEvaluator(HubDbContext db, AlertOutbox dispatch, TimeProvider time)
{
    public async Task EvaluateAsync(HubMonitor monitor, MonitorCheck check, CheckOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(monitor);
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(outcome);
        var open = await db.Set<Alert>().Where(a => a.MonitorId == monitor.Id && a.Status == Alert.Firing).ToListAsync(cancellationToken);
        var now = time.UtcNowForStorage();
        var changes = new List<(Alert Alert, string Kind)>();
        foreach (var (rule, state) in outcome.Rules)
        {
            var alert = open.FirstOrDefault(a => a.Rule == rule);
            if (state.Failing && alert is null)
            {
                alert = new Alert
                {
                    ProjectId = monitor.ProjectId,
                    MonitorId = monitor.Id,
                    Rule = Cut(rule, 400),
                    Status = Alert.Firing,
                    FiredAt = now,
                    Detail = Cut(state.Detail, 2000),
                    FailingChecks = 1,
                    LastCheckId = check.Id,
                };
                db.Add(alert);
                changes.Add((alert, Alert.Firing));
            }
            else if (state.Failing && alert is not null)
            {
                alert.FailingChecks++;
                alert.LastCheckId = check.Id;
            }
            else if (!state.Failing && alert is not null)
            {
                alert.Status = Alert.Resolved;
                alert.ResolvedAt = now;
                alert.LastCheckId = check.Id;
                changes.Add((alert, Alert.Resolved));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var (alert, kind) in changes)
        {
            var detail = kind == Alert.Firing
                ? alert.Detail
                : $"passing again after {(now - alert.FiredAt).TotalSeconds:0} s and {alert.FailingChecks} failing check(s)";
            db.Add(new AlertEvent { AlertId = alert.Id, At = now, Kind = kind, Detail = Cut(detail, 2000) });
            dispatch.Enqueue(new AlertNotice(alert.Id, monitor.Id, monitor.ProjectId, kind, monitor.Name, alert.Rule, alert.Detail, alert.FiredAt, now, detail));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];
}
