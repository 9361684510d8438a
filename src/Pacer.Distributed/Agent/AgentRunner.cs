using Pacer.Distributed.Protocol;
using Pacer.Load.Executors;
using Pacer.Load.Results;
using Pacer.Load.Runtime;

namespace Pacer.Distributed.Agent;

/// <summary>What an agent ended with: its exit code and, when it ran, its own result (its segment only).</summary>
public sealed record AgentOutcome(int ExitCode, LoadResult? Result, string? Problem);

/// <summary>
/// <c>pacer agent --coordinator URL</c>: registers (retrying while the coordinator is not up yet),
/// receives its plan (flows, data, settings, setup captures, segment), plans its segment the one way
/// every run is planned, says it is ready, starts when told, streams snapshots while it runs, obeys
/// stop and abort, and sends its final result. Without its coordinator it stops its load rather
/// than run on blind. Exit 0: its segment ran and its result was delivered; 2: it could not plan the
/// segment; 3: no coordinator, or the run was cancelled.
/// </summary>
public sealed class AgentRunner(AgentSettings settings, Action<string> log)
{
    public async Task<AgentOutcome> RunAsync(CancellationToken stop)
    {
        using var client = new CoordinatorClient(settings.Coordinator);
        var (assignment, refusal) = await RegisterAsync(client, stop).ConfigureAwait(false);
        if (assignment is null)
        {
            return new AgentOutcome(3, null, refusal);
        }

        log($"agent: registered as segment {assignment.Segment} with {settings.Coordinator}");
        var work = Directory.CreateTempSubdirectory("pacer-agent-").FullName;
        try
        {
            return await RunSegmentAsync(client, assignment, work, stop).ConfigureAwait(false);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private async Task<AgentOutcome> RunSegmentAsync(CoordinatorClient client, AgentAssignment assignment, string work, CancellationToken stop)
    {
        var segment = ExecutionSegment.Of(assignment.SegmentIndex, int.Parse(assignment.Segment.Split('/')[1], System.Globalization.CultureInfo.InvariantCulture));
        using var streamEnd = CancellationTokenSource.CreateLinkedTokenSource(stop);
        using var stopRun = new CancellationTokenSource();
        using var abortRun = new CancellationTokenSource();
        using var stream = new SnapshotStream(client, assignment.AgentId, log);
        var started = new TaskCompletionSource<Task<LoadResult>>(TaskCreationOptions.RunContinuationsAsynchronously);
        LoadRun? run = null;

        async Task<AgentOutcome?> ReadEventsAsync()
        {
            await foreach (var message in client.EventsAsync(assignment.AgentId, streamEnd.Token).ConfigureAwait(false))
            {
                switch (message.Type)
                {
                    case "plan" when run is null && message.Plan is { } bundle:
                        var (planned, problems) = bundle.Plan(work, segment);
                        var problem = problems.Count > 0 ? string.Join("\n", problems.Select(p => p.Render())) : null;
                        try
                        {
                            run = planned is null ? null : new LoadRun(planned);
                        }
                        catch (LoadSettingsException exception)
                        {
                            problem = exception.Message;
                        }

                        await client.ReportAsync(assignment.AgentId, run is null ? problem ?? "no plan" : null, stop).ConfigureAwait(false);
                        if (run is null)
                        {
                            return new AgentOutcome(2, null, problem);
                        }

                        log($"agent: segment {segment} planned ({planned!.Flows.Sum(f => f.Profile.PeakVus)} VUs at most), ready");
                        break;
                    case "start" when run is not null && !started.Task.IsCompleted:
                        var delay = StartDelay(message);
                        started.SetResult(Task.Run(async () =>
                        {
                            await Task.Delay(delay, CancellationToken.None).ConfigureAwait(false);
                            log($"agent: segment {segment} started");
                            return await run.RunAsync(stream, stopRun.Token, abortRun.Token).ConfigureAwait(false);
                        }, CancellationToken.None));
                        break;
                    case "stop" when run is not null:
                        run.StopReason ??= message.Reason ?? "stopped by the coordinator";
                        await stopRun.CancelAsync().ConfigureAwait(false);
                        break;
                    case "abort":
                        await stopRun.CancelAsync().ConfigureAwait(false);
                        await abortRun.CancelAsync().ConfigureAwait(false);
                        break;
                    case "cancel" when !started.Task.IsCompleted:
                        return new AgentOutcome(3, null, "the coordinator cancelled the run: " + message.Reason);
                    case "cancel":
                        // The coordinator is done with this agent (the run is over, or it counted this
                        // agent lost): whatever still runs stops rather than load a test nobody watches.
                        run!.StopReason ??= "the coordinator ended the run: " + message.Reason;
                        await stopRun.CancelAsync().ConfigureAwait(false);
                        return null;
                }
            }

            return null;
        }

        var events = Task.Run(async () =>
        {
            try
            {
                return await ReadEventsAsync().ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is HttpRequestException or IOException or OperationCanceledException)
            {
                return new AgentOutcome(3, null, "lost the coordinator: " + exception.Message);
            }
        }, CancellationToken.None);

        using var operatorStop = stop.Register(() =>
        {
            stopRun.Cancel();
            started.TrySetCanceled();
        });
        await Task.WhenAny(started.Task, events).ConfigureAwait(false);
        if (!started.Task.IsCompletedSuccessfully)
        {
            await streamEnd.CancelAsync().ConfigureAwait(false);
            return await events.ConfigureAwait(false) ?? new AgentOutcome(3, null, stop.IsCancellationRequested ? "interrupted before the start" : "the coordinator closed the run before it started");
        }

        using var sending = new CancellationTokenSource();
        var sender = stream.SendLoopAsync(sending.Token);
        var running = await started.Task.ConfigureAwait(false);
        if (await Task.WhenAny(running, events).ConfigureAwait(false) == events && !running.IsCompleted && !stopRun.IsCancellationRequested)
        {
            // A load generator without its coordinator stops rather than run on blind.
            run!.StopReason ??= "lost the coordinator";
            log("agent: lost the coordinator, stopping");
            await stopRun.CancelAsync().ConfigureAwait(false);
        }

        var result = await running.ConfigureAwait(false);
        await sending.CancelAsync().ConfigureAwait(false);
        await sender.ConfigureAwait(false);
        var delivered = await stream.SendFinalAsync(result, settings.FinalTimeout).ConfigureAwait(false);
        await streamEnd.CancelAsync().ConfigureAwait(false);
        log(delivered
            ? $"agent: segment {segment} done: {result.Summary.Requests:N0} requests, result delivered"
            : $"agent: segment {segment} done: {result.Summary.Requests:N0} requests, but the coordinator did not take the result");
        return new AgentOutcome(delivered ? 0 : 3, result, delivered ? null : "the coordinator did not take the final result");
    }

    /// <summary>Until the agreed instant, but never longer than the relative delay (a clock far off waits no more than that).</summary>
    private static TimeSpan StartDelay(AgentEvent start)
    {
        var relative = TimeSpan.FromMilliseconds(start.StartInMs ?? 0);
        if (start.StartAt is not { } at)
        {
            return relative;
        }

        var left = at - DateTimeOffset.UtcNow;
        return left < TimeSpan.Zero ? TimeSpan.Zero : left > relative ? relative : left;
    }

    private async Task<(AgentAssignment? Assignment, string? Refusal)> RegisterAsync(CoordinatorClient client, CancellationToken stop)
    {
        var registration = new AgentRegistration { Name = settings.Name, SegmentIndex = settings.SegmentIndex };
        var deadline = DateTime.UtcNow + settings.ConnectTimeout;
        while (true)
        {
            try
            {
                var (assignment, refusal) = await client.RegisterAsync(registration, stop).ConfigureAwait(false);
                return (assignment, refusal is null ? null : "the coordinator refused this agent: " + refusal);
            }
            catch (HttpRequestException exception) when (DateTime.UtcNow < deadline && !stop.IsCancellationRequested)
            {
                log($"agent: coordinator not reachable yet ({exception.Message}), retrying");
            }
            catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException)
            {
                return (null, $"could not reach the coordinator at {settings.Coordinator}: {exception.Message}");
            }

            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return (null, "interrupted before registering");
            }
        }
    }
}
