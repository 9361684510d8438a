using Pacer.Core.Http.Engine.Transport;

namespace Pacer.Core.Http.Engine;

/// <summary>
/// Lets a caller start work on the engine's event-loop threads. A load generator's scheduler
/// starts open-model iterations this way: the iteration then sends, waits and finishes on one
/// thread, so the pooled state of its async methods is returned where it is taken and a run
/// allocates nothing per request (started on the scheduler's own thread, every iteration left
/// its state on the loop's thread and allocated anew: about 700 bytes, and a GC pause every few
/// seconds at 20,000 requests a second).
/// </summary>
public static class EngineLoops
{
    /// <summary>
    /// Queues <paramref name="work"/> on the loop chosen by <paramref name="affinity"/> (the same
    /// one for the same value); false where the engine has no event loop (not Linux x86-64), and
    /// the caller runs the work itself.
    /// </summary>
    public static bool TryPost(int affinity, IThreadPoolWorkItem work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (!EpollNative.IsSupported)
        {
            return false;
        }

        EventLoop.For(affinity).Post(work);
        return true;
    }
}
