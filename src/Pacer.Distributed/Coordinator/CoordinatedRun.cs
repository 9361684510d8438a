using Pacer.Application;
using Pacer.Application.Distributed;
using Pacer.Distributed.Protocol;
using Pacer.Load.Results;
using Pacer.Load.Runtime;

namespace Pacer.Distributed.Coordinator;

/// <summary>
/// <c>pacer load FLOWS --agents N --listen HOST:PORT</c>: the coordinator. It runs the flows' <c>@once</c>
/// setup once, waits for N agents, hands each the flows, data, settings, setup captures and its
/// segment, starts them together, and then, once a second, merges their snapshots exactly
/// (<see cref="LoadResultMerger"/>, the merge <c>pacer merge</c> uses, and per-second histograms),
/// shows the whole test live, judges the thresholds on the merged data, stops every agent on
/// <c>--abort-on-fail</c> or Ctrl-C, and notices lost agents (the others go on). It returns the one
/// result of the whole test.
/// </summary>
public sealed class CoordinatedRun(LoadRequest request, LoadRunSettings whole, CoordinatorSettings settings)
{
    private string? _stopReason;

    /// <summary>True when the run could not be carried out: the operator stopped it (Ctrl-C, SIGTERM), or its agents never all came.</summary>
    public bool Interrupted { get; private set; }

    /// <summary>True when a segment did not run to its end (an agent was lost or stopped on its own).</summary>
    public bool Partial { get; private set; }

    public async Task<LoadResult> RunAsync(ILoadObserver observer, CancellationToken stop, CancellationToken abort)
    {
        ArgumentNullException.ThrowIfNull(observer);
        var time = whole.Time;
        var startedAt = time.GetUtcNow();
        var roster = new AgentRoster(settings.Agents, time);
        await using var endpoint = await CoordinatorEndpoint.StartAsync(settings.Listen, roster, stop).ConfigureAwait(false);
        observer.OnMessage($"coordinator: waiting for {settings.Agents} agent(s) at {endpoint.Address} (pacer agent --coordinator {endpoint.Address})");

        LoadSetupResult setup;
        try
        {
            setup = await LoadSetup.RunAsync(whole, observer.OnMessage, stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return Cancel(roster, observer, startedAt, "interrupted", [], interrupted: true);
        }

        if (setup.Error is { } error)
        {
            return Cancel(roster, observer, startedAt, "setup failed: " + error, setup.Steps, interrupted: false);
        }

        var plan = new AgentEvent { Type = "plan", Plan = AgentBundle.Create(request, setup.Captures) };
        if (await GatherAsync(roster, plan, observer, stop).ConfigureAwait(false) is { } refused)
        {
            // Without all its agents the test cannot be carried out (exit 3), as when it is interrupted.
            return Cancel(roster, observer, startedAt, refused, setup.Steps, interrupted: true);
        }

        roster.Close("the run has started");
        roster.StartsAt(time.GetTimestamp() + (long)(settings.StartDelay.TotalSeconds * time.TimestampFrequency));
        roster.Broadcast(new AgentEvent { Type = "start", StartInMs = (int)settings.StartDelay.TotalMilliseconds, StartAt = time.GetUtcNow() + settings.StartDelay });
        observer.OnMessage($"coordinator: {settings.Agents} agent(s) ready, starting together in {settings.StartDelay.TotalSeconds:0.#}s");
        await Task.Delay(settings.StartDelay, time, CancellationToken.None).ConfigureAwait(false);

        var cpuBefore = Environment.CpuUsage.TotalTime;
        await WatchAsync(roster, observer, stop, abort).ConfigureAwait(false);
        observer.OnMessage(CostLine(roster, Environment.CpuUsage.TotalTime - cpuBefore));
        var result = DistributedResult.Build(roster, whole, startedAt, time.GetUtcNow(), setup.Steps, _stopReason);
        Partial = result.Distributed?.Partial == true;

        // Agents still reading their stream learn the run is over; then the endpoint stops.
        roster.Broadcast(new AgentEvent { Type = "cancel", Reason = "the run is over" });
        return result;
    }

    /// <summary>Sends the plan to every agent as it registers and waits until all planned their segment; returns why not, or null.</summary>
    private async Task<string?> GatherAsync(AgentRoster roster, AgentEvent plan, ILoadObserver observer, CancellationToken stop)
    {
        var sent = new HashSet<int>();
        var deadline = roster.Time.GetTimestamp() + (long)(settings.AgentTimeout.TotalSeconds * roster.Time.TimestampFrequency);
        var lastCount = -1;
        while (true)
        {
            var changed = roster.Changed;
            var view = roster.View();
            foreach (var slot in view.Where(v => v.State == AgentState.Registered && sent.Add(v.Slot.Index)))
            {
                roster.Send(slot.Slot, plan);
            }

            if (view.FirstOrDefault(v => v.State == AgentState.Failed) is { } failed)
            {
                return $"{failed.Slot.Describe()} could not plan its segment: {failed.Slot.Problem}";
            }

            var ready = view.Count(v => v.State == AgentState.Ready);
            if (ready == view.Count)
            {
                return null;
            }

            var registered = view.Count(v => v.State != AgentState.Open);
            if (registered != lastCount)
            {
                lastCount = registered;
                observer.OnMessage($"coordinator: {registered}/{view.Count} agent(s) registered, {ready} ready");
            }

            if (stop.IsCancellationRequested)
            {
                return "interrupted";
            }

            var left = roster.Time.GetElapsedTime(roster.Time.GetTimestamp(), deadline);
            if (left <= TimeSpan.Zero)
            {
                return $"only {ready} of {view.Count} agents were ready within {settings.AgentTimeout.TotalSeconds:0}s (waiting for {string.Join(", ", view.Where(v => v.State != AgentState.Ready).Select(v => v.Slot.Describe()))})";
            }

            await Task.WhenAny(changed, Task.Delay(TimeSpan.FromMilliseconds(500), roster.Time, CancellationToken.None)).ConfigureAwait(false);
        }
    }

    /// <summary>The live part: once a tick, lost agents, the merged view, thresholds, the operator's signals; until every agent is done.</summary>
    private async Task WatchAsync(AgentRoster roster, ILoadObserver observer, CancellationToken stop, CancellationToken abort)
    {
        var time = roster.Time;
        var total = whole.Flows.Max(f => f.Profile.Duration);
        var abortSent = false;
        while (true)
        {
            await Task.Delay(settings.TickInterval, time, CancellationToken.None).ConfigureAwait(false);
            var runTime = roster.RunTime();
            foreach (var view in roster.View().Where(v => v.State == AgentState.Running))
            {
                // Before its first snapshot an agent may still be warming up (no snapshots then).
                var silent = runTime - (view.LastHeard ?? (whole.Warmup ?? TimeSpan.Zero));
                var reason = !view.Connected ? "its connection closed" : silent > settings.LostAfter ? $"no snapshot for {silent.TotalSeconds:0.#}s" : null;
                if (reason is not null && roster.Lose(view.Slot, reason))
                {
                    observer.OnMessage($"lost {view.Slot.Describe()} at {runTime.TotalSeconds:0.0}s ({reason}): its numbers up to {(view.LastHeard ?? TimeSpan.Zero).TotalSeconds:0.0}s are kept, the other agents go on");
                }
            }

            if (stop.IsCancellationRequested && _stopReason is null)
            {
                Interrupted = true;
                StopAll(roster, observer, "interrupted");
            }

            if (abort.IsCancellationRequested && !abortSent)
            {
                abortSent = true;
                roster.Broadcast(new AgentEvent { Type = "abort", Reason = "interrupted" });
            }

            var views = roster.View();
            var merged = DistributedResult.MergeLatest(views);
            if (merged is not null && whole.AbortOnFail && _stopReason is null &&
                merged.Thresholds.FirstOrDefault(t => !t.Passed && t.Actual is not null && t.Metric != "rps") is { } breached)
            {
                StopAll(roster, observer, $"threshold {breached.Text} breached (actual {breached.ActualText})");
            }

            observer.OnProgress(DistributedProgress.Of(merged, roster, views, runTime, total));
            if (views.All(v => v.State is AgentState.Finished or AgentState.Lost))
            {
                return;
            }
        }
    }

    /// <summary>What watching the agents cost this process: CPU and snapshot bytes, per agent per second of load.</summary>
    private string CostLine(AgentRoster roster, TimeSpan cpu)
    {
        var seconds = Math.Max(0.001, roster.RunTime().TotalSeconds);
        var agents = settings.Agents;
        var bytes = roster.SnapshotBytes;
        return $"coordinator cost: CPU {cpu.TotalSeconds:0.00}s over {seconds:0.0}s of load ({cpu.TotalSeconds / seconds * 100:0.0}% of a core, {cpu.TotalSeconds / seconds / agents * 1000:0.0} ms per agent per second); " +
            $"snapshots {bytes / 1024.0:N0} KiB in ({bytes / seconds / agents / 1024:0.0} KiB per agent per second)";
    }

    private void StopAll(AgentRoster roster, ILoadObserver observer, string reason)
    {
        _stopReason = reason;
        if (reason != "interrupted")
        {
            observer.OnMessage("aborting: " + reason);
        }

        roster.Broadcast(new AgentEvent { Type = "stop", Reason = reason });
    }

    private LoadResult Cancel(AgentRoster roster, ILoadObserver observer, DateTimeOffset startedAt, string reason, IReadOnlyList<SetupStepResult> setup, bool interrupted)
    {
        Interrupted = interrupted;
        roster.Close(reason);
        roster.Broadcast(new AgentEvent { Type = "cancel", Reason = reason });
        observer.OnMessage(reason);
        return LoadSetup.ResultWithoutLoad(whole, startedAt, reason, setup);
    }
}
