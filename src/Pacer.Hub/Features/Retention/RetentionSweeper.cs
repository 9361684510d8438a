using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pacer.Hub.Features.Monitors;
using Pacer.Hub.Features.Projects;
using Pacer.Hub.Features.Runs;
using Pacer.Hub.Infrastructure;
using Pacer.Hub.Infrastructure.Database;

namespace Pacer.Hub.Features.Retention;

/// <summary>
/// <c>Hub:Retention</c>: deletes runs older than <c>RunDays</c> (never a project's baseline) and monitor
/// checks older than <c>CheckDays</c>, once an hour (<c>SweepInterval</c>). 0 keeps everything. Alerts and
/// their history are kept: they are small and they are the record of outages.
/// </summary>
public sealed partial class RetentionSweeper(IServiceScopeFactory scopes, IOptions<HubOptions> options, TimeProvider time, ILogger<RetentionSweeper> logger)
    : BackgroundService
{
    public sealed record Swept(int Runs, int Checks);

    public async Task<Swept> SweepAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value.Retention;
        var now = time.GetUtcNow().UtcDateTime;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var runs = 0;
        if (settings.RunDays > 0)
        {
            var before = now.AddDays(-settings.RunDays);
            var baselines = db.Set<Project>().Where(p => p.BaselineRunId != null).Select(p => p.BaselineRunId!.Value);
            runs = await db.Set<Run>().Where(r => r.StartedAt < before && r.Status == RunStatus.Completed && !baselines.Contains(r.Id))
                .ExecuteDeleteAsync(cancellationToken);
        }

        var checks = 0;
        if (settings.CheckDays > 0)
        {
            var before = now.AddDays(-settings.CheckDays);
            checks = await db.Set<MonitorCheck>().Where(c => c.StartedAt < before).ExecuteDeleteAsync(cancellationToken);
        }

        if (runs + checks > 0)
        {
            LogSwept(logger, runs, checks);
        }

        return new Swept(runs, checks);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Retention.SweepInterval, time);
        try
        {
            do
            {
                try
                {
                    await SweepAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    LogSweepFailed(logger, exception);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention removed {Runs} run(s) and {Checks} monitor check(s)")]
    private static partial void LogSwept(ILogger logger, int runs, int checks);

    [LoggerMessage(Level = LogLevel.Error, Message = "The retention sweep failed")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
