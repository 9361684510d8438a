using System.Diagnostics;
using Pacer.Core.Http;
using Pacer.Core.Http.Engine;
using Pacer.Load.Executors;

namespace Pacer.Load.Runtime;

/// <summary>
/// Readies the request path before a run's time zero, so the generator's own start-up is not
/// measured as server latency, without sending the target a single request: the path is run once
/// against an in-process responder (<see cref="PathRehearsal"/>), which compiles it, and the VUs
/// the executors start with are made and their
/// keep-alive connections opened (resolving names on the way). An open-model VU's connection is
/// opened on its event loop, where its iterations will run. What cannot be opened (refused, no
/// such host, a failed handshake) is left for the first request, which then meets the problem as it would have.
/// </summary>
internal static class RequestPathPrimer
{
    // Opening connections is in parallel, but not 10,000 at once: the server's accept queue is finite.
    private const int ConcurrentOpens = 256;

    public static async Task<PrimingOutcome> PrimeAsync(IReadOnlyList<FlowPriming> flows, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var rehearsed = await RehearseOnceAsync(cancellationToken).ConfigureAwait(false);
        var opens = new List<Func<Task<bool>>>();
        foreach (var flow in flows)
        {
            for (var id = 0; id < flow.StartingVus; id++)
            {
                var user = flow.Users.For(id);
                foreach (var host in flow.Hosts)
                {
                    var affinity = id;
                    opens.Add(() => OpenAsync(user.Engine, host, flow.OpenModel ? affinity : null));
                }
            }
        }

        var opened = 0;
        using var gate = new SemaphoreSlim(ConcurrentOpens);
        var tasks = opens.Select(async open =>
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (await open().ConfigureAwait(false))
                {
                    Interlocked.Increment(ref opened);
                }
            }
            finally
            {
                gate.Release();
            }
        }).ToList();
        try
        {
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped before the load: what opened stays open, the run ends anyway.
        }

        return new PrimingOutcome(rehearsed, opened, opens.Count, Stopwatch.GetElapsedTime(started));
    }

    private static int _rehearsed;

    // Once per process: the second run of a process (tests, the Hub) finds everything compiled.
    private static async Task<long> RehearseOnceAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _rehearsed, 1) == 1)
        {
            return 0;
        }

        try
        {
            return (await PathRehearsal.RunAsync(cancellationToken).ConfigureAwait(false)).Requests;
        }
#pragma warning disable CA1031 // A rehearsal that cannot run (no loopback?) only means the first requests compile the path, as before.
        catch (Exception)
#pragma warning restore CA1031
        {
            return 0;
        }
    }

    /// <summary>
    /// The VUs an executor starts with: all of a closed-model run's (the first stage's for a ramp), an
    /// open-model run's pre-allocated ones; of a segment (a distributed run's agent), its share only.
    /// </summary>
    public static int StartingVus(ExecutorConfig profile) => Math.Min(profile.PeakVus, profile.Segment.Share(WholeStartingVus(profile)));

    private static int WholeStartingVus(ExecutorConfig profile) => profile switch
    {
        ConstantVusConfig constant => constant.Vus,
        RampingVusConfig ramping => (int)Math.Ceiling(ramping.Stages.Count == 0 ? 0 : ramping.Stages[0].From),
        ConstantArrivalRateConfig constant => constant.PreVus,
        RampingArrivalRateConfig ramping => ramping.PreVus,
        SharedIterationsConfig shared => shared.Vus,
        _ => 0,
    };

    /// <summary>The hosts a flow's HTTP/1.1 steps go to through the engine (plain or TLS): every literal step's, and the base URL's for templated ones.</summary>
    public static List<PrimedHost> Hosts(IEnumerable<LoadStep> steps, string? baseUrl)
    {
        var hosts = steps.Where(s => !s.Plan.Node.Options.Http2).Select(s => s.LiteralEngineRequest).OfType<EngineRequest>()
            .Select(r => new PrimedHost(r.Host, r.Port, r.Secure)).ToList();
        if (baseUrl is not null && Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) && TransportChoice.WhyNotEngine(baseUrl) is null)
        {
            var host = uri.HostNameType == UriHostNameType.IPv6 ? uri.Host.Trim('[', ']') : uri.IdnHost;
            hosts.Add(new PrimedHost(host, uri.Port, uri.Scheme == Uri.UriSchemeHttps));
        }

        return [.. hosts.Distinct()];
    }

    private static async Task<bool> OpenAsync(EngineSender engine, PrimedHost host, int? loop)
    {
        try
        {
            if (loop is { } affinity)
            {
                var work = new OpenOnLoop(engine, host);
                if (EngineLoops.TryPost(affinity, work))
                {
                    return await work.Done.ConfigureAwait(false);
                }
            }

            return await OpenAsync(engine, host).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Refused, unknown host, timeout: the first request meets it and counts it.
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
    }

    // An HTTP/1.1 connection of the VU's own; with --http2 the VU's seat is on a shared pool, which opens as it needs.
    private static async Task<bool> OpenAsync(EngineSender engine, PrimedHost host)
    {
        if (engine.ConnectionFor(host.Host, host.Port, host.Secure, http2: false) is not Http11Connection connection)
        {
            return false;
        }

        await connection.OpenAsync().ConfigureAwait(false);
        return true;
    }

    /// <summary>Opens a VU's connection from its event loop's thread, so the connection registers there.</summary>
    private sealed class OpenOnLoop(EngineSender engine, PrimedHost host) : IThreadPoolWorkItem
    {
        private readonly TaskCompletionSource<bool> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<bool> Done => _done.Task;

        public void Execute() => _ = RunAsync();

        private async Task RunAsync()
        {
            try
            {
                _done.TrySetResult(await OpenAsync(engine, host).ConfigureAwait(false));
            }
#pragma warning disable CA1031 // Handed to the waiting primer, which ignores it.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                _done.TrySetException(exception);
            }
        }
    }
}

/// <summary>One flow's part in priming: its VU pool, how many VUs it starts with, the hosts they talk to, and whether its iterations run on event loops.</summary>
internal sealed record FlowPriming(VirtualUsers Users, int StartingVus, IReadOnlyList<PrimedHost> Hosts, bool OpenModel);

/// <summary>A host a flow's VUs connect to before time zero; <see cref="Secure"/>: https, the TLS handshake done then too.</summary>
internal sealed record PrimedHost(string Host, int Port, bool Secure);

/// <summary>What priming did: requests rehearsed against the in-process responder, connections opened out of those tried, how long it took (before time zero).</summary>
public sealed record PrimingOutcome(long RehearsedRequests, int OpenedConnections, int TriedConnections, TimeSpan Elapsed);
