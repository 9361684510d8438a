using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pacer.Hub.Infrastructure;
using Pacer.Hub.Infrastructure.Database;

namespace Pacer.Hub.Features.Monitors;

/// <summary>
/// Runs due monitors. Every poll it claims monitors whose next check time has come by moving that time
/// to the next cron occurrence in one conditional update (so two Hub instances never run the same
/// check), and runs them, at most <c>Hub:Monitors:MaxConcurrentChecks</c> at once and never two checks
/// of one monitor at once. A check that overran its interval is followed at once by the next; missed
/// ticks are not queued up.
/// </summary>
public sealed partial class MonitorScheduler(IServiceScopeFactory scopes, IOptions<HubOptions> options, TimeProvider time, ILogger<MonitorScheduler> logger)
    : BackgroundService
{
    private readonly ConcurrentDictionary<long, Task> _running = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value.Monitors;
        if (!settings.Enabled)
        {
            return;
        }

        using var slots = new SemaphoreSlim(Math.Max(1, settings.MaxConcurrentChecks));
        using var timer = new PeriodicTimer(settings.PollInterval, time);
        try
        {
            do
            {
                try
                {
                    await StartDueAsync(slots, stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    LogPollFailed(logger, exception);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: checks in flight see the same token and end.
        }

        await Task.WhenAll(_running.Values);
    }

    private async Task StartDueAsync(SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var due = await db.Set<HubMonitor>().AsNoTracking()
            .Where(m => m.Enabled && (m.NextCheckAt == null || m.NextCheckAt <= now))
            .OrderBy(m => m.NextCheckAt).Select(m => new { m.Id, m.Schedule, m.NextCheckAt }).Take(100).ToListAsync(stoppingToken);
        foreach (var monitor in due)
        {
            if (_running.ContainsKey(monitor.Id))
            {
                continue;
            }

            var next = MonitorSchedule.Next(monitor.Schedule, now);
            var claimed = await db.Set<HubMonitor>()
                .Where(m => m.Id == monitor.Id && m.NextCheckAt == monitor.NextCheckAt)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextCheckAt, next), stoppingToken);
            // A monitor first seen (never scheduled) waits for its first occurrence instead of running at once.
            if (claimed == 0 || monitor.NextCheckAt is null)
            {
                continue;
            }

            var check = RunOneAsync(monitor.Id, slots, stoppingToken);
            _running[monitor.Id] = check;
            _ = check.ContinueWith(done => _running.TryRemove(new KeyValuePair<long, Task>(monitor.Id, done)), CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private async Task RunOneAsync(long monitorId, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await slots.WaitAsync(stoppingToken);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<MonitorCheckRunner>().RunAsync(monitorId, stoppingToken);
            }
            finally
            {
                slots.Release();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        catch (Exception exception)
        {
            LogCheckFailed(logger, exception, monitorId);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Looking for due monitors failed")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "A check of monitor {MonitorId} failed to run")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception, long monitorId);
}
