using System.Threading.Tasks.Sources;

namespace Pacer.Core.Http.Engine.Transport;

/// <summary>
/// "This socket became readable (or writable)", awaited by one connection and signalled by the
/// event loop. Edge-triggered epoll reports each change once, so a signal that arrives while
/// nobody waits is remembered and the next wait returns at once; a spurious wake only costs a
/// recv that says EAGAIN. The continuation runs on the loop thread (no thread-pool hop), which is
/// the point of the loop. One instance is reused for every wait: no allocation per request.
/// </summary>
internal sealed class Readiness : IValueTaskSource<bool>
{
    private const int Idle = 0;
    private const int Waiting = 1;
    private const int Signalled = 2;

    private ManualResetValueTaskSourceCore<bool> _core; // RunContinuationsAsynchronously stays false: inline on the loop.
    private int _state;

    /// <summary>Stopwatch timestamp after which a wait ends with false; long.MaxValue for none.</summary>
    public long Deadline { get; private set; } = long.MaxValue;

    public CancellationToken Token { get; private set; }

    public bool IsWaiting => Volatile.Read(ref _state) == Waiting;

    /// <summary>True when ready; false when the deadline passed or the token was cancelled first.</summary>
    public ValueTask<bool> WaitAsync(long deadline, CancellationToken token)
    {
        if (Interlocked.CompareExchange(ref _state, Idle, Signalled) == Signalled)
        {
            return new ValueTask<bool>(true);
        }

        _core.Reset();
        Deadline = deadline;
        Token = token;
        if (Interlocked.CompareExchange(ref _state, Waiting, Idle) != Idle)
        {
            // Signalled between the two exchanges above: consume it.
            Volatile.Write(ref _state, Idle);
            return new ValueTask<bool>(true);
        }

        return new ValueTask<bool>(this, _core.Version);
    }

    /// <summary>Called by the loop when epoll reports the event.</summary>
    public void Signal()
    {
        while (true)
        {
            var state = Volatile.Read(ref _state);
            if (state == Waiting)
            {
                if (Interlocked.CompareExchange(ref _state, Idle, Waiting) == Waiting)
                {
                    _core.SetResult(true);
                    return;
                }
            }
            else if (state == Signalled || Interlocked.CompareExchange(ref _state, Signalled, Idle) == Idle)
            {
                return;
            }
        }
    }

    /// <summary>Called by the loop's periodic sweep: ends an overdue or cancelled wait with false.</summary>
    public void ExpireIfDue(long now)
    {
        if (Volatile.Read(ref _state) == Waiting && (now >= Deadline || Token.IsCancellationRequested) &&
            Interlocked.CompareExchange(ref _state, Idle, Waiting) == Waiting)
        {
            _core.SetResult(false);
        }
    }

    /// <summary>Forgets a remembered signal; for a fresh socket.</summary>
    public void Clear() => Volatile.Write(ref _state, Idle);

    public bool GetResult(short token) => _core.GetResult(token);

    public ValueTaskSourceStatus GetStatus(short token) => _core.GetStatus(token);

    public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);
}
