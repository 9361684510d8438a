using System.Diagnostics;

namespace Pacer.Load.Tests.Executors;

/// <summary>
/// Moves a <see cref="ManualTimeProvider"/> forward in small steps, letting the code under test
/// run between steps, until a condition holds. Real time only bounds a hung test; no assertion depends on it.
/// </summary>
internal static class Drive
{
    private static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(20);

    public static async Task AdvanceUntilAsync(ManualTimeProvider clock, Func<bool> done, TimeSpan step)
    {
        var watch = Stopwatch.StartNew();
        while (!done())
        {
            if (watch.Elapsed > HangLimit)
            {
                throw new TimeoutException($"Condition not reached by virtual time {clock.Elapsed}.");
            }

            clock.Advance(step);
            await SettleAsync();
        }
    }

    // Lets continuations queued by the last step run before the clock moves again, so a busy
    // machine slows the test down instead of letting virtual time race ahead of the code.
    private static async Task SettleAsync()
    {
        var watch = Stopwatch.StartNew();
        do
        {
            await Task.Delay(1, CancellationToken.None);
        }
        while (ThreadPool.PendingWorkItemCount > 0 && watch.ElapsedMilliseconds < 50);
    }

    /// <summary>Waits (without moving the clock) for work already due to settle.</summary>
    public static async Task EventuallyAsync(Func<bool> condition)
    {
        var watch = Stopwatch.StartNew();
        while (!condition() && watch.Elapsed < HangLimit)
        {
            await Task.Delay(1, CancellationToken.None);
        }
    }
}
