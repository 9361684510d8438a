using System.Threading.Channels;
using Pacer.Distributed.Protocol;
using Pacer.Load.Metrics;
using Pacer.Load.Results;
using Pacer.Load.Runtime;

namespace Pacer.Distributed.Agent;

/// <summary>
/// What an agent's run tells the coordinator: each tick's cumulative result and the seconds closed
/// since, posted by one sender loop so a slow coordinator never holds up the run's ticker. Seconds
/// stay queued until a post that carried them succeeded; the result is cumulative, so a failed post
/// loses nothing.
/// </summary>
internal sealed class SnapshotStream(CoordinatorClient client, string agentId, Action<string> log) : ILoadSnapshotObserver, IDisposable
{
    private readonly Lock _lock = new();
    private readonly List<TimeSeriesSecond> _pending = [];
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly SemaphoreSlim _sending = new(1, 1);
    private LoadResult? _latest;
    private int _activeVus;
    private long _sequence;

    public void OnProgress(LoadProgress progress)
    {
    }

    public void Dispose() => _sending.Dispose();

    public void OnMessage(string message) => log(message);

    public void OnSnapshot(LoadResult soFar, int activeVus)
    {
        lock (_lock)
        {
            _latest = soFar;
            _activeVus = activeVus;
        }

        _wake.Writer.TryWrite(true);
    }

    public void OnSecondClosed(TimeSeriesSecond second)
    {
        lock (_lock)
        {
            _pending.Add(second);
        }
    }

    /// <summary>Posts the latest snapshot whenever there is a new one, until cancelled.</summary>
    public async Task SendLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await _wake.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                _wake.Reader.TryRead(out _);
                await SendAsync(null, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The run ended; the final snapshot follows.
        }
    }

    /// <summary>The last snapshot, with the whole result; tried until it is delivered or <paramref name="within"/> has passed.</summary>
    public async Task<bool> SendFinalAsync(LoadResult result, TimeSpan within)
    {
        using var limit = new CancellationTokenSource(within);
        while (!limit.IsCancellationRequested)
        {
            if (await SendAsync(result, limit.Token).ConfigureAwait(false))
            {
                return true;
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), limit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return false;
    }

    private async Task<bool> SendAsync(LoadResult? final, CancellationToken cancellationToken)
    {
        await _sending.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            AgentSnapshot snapshot;
            lock (_lock)
            {
                if ((final ?? _latest) is not { } result)
                {
                    return true;
                }

                snapshot = new AgentSnapshot
                {
                    Sequence = ++_sequence,
                    Final = final is not null,
                    ActiveVus = final is null ? _activeVus : 0,
                    Result = result,
                    Seconds = [.. _pending],
                };
            }

            try
            {
                await client.SendSnapshotAsync(agentId, snapshot, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException exception)
            {
                log($"agent: a snapshot did not reach the coordinator ({exception.Message}); the next one carries it");
                return false;
            }

            lock (_lock)
            {
                _pending.RemoveRange(0, snapshot.Seconds.Count);
            }

            return true;
        }
        finally
        {
            _sending.Release();
        }
    }
}
