using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Pacer.Load.Executors;

/// <summary>
/// Sleeps the current thread until a Stopwatch timestamp, to within tens of microseconds on
/// Linux. Timers and Thread.Sleep work in whole milliseconds, and at 20,000 iterations a second
/// the gaps between starts are 50 µs: a millisecond of lag would be reported (correctly, from
/// the scheduled start) as latency the server never caused. The thread's timer slack is set to
/// 1 ns so the kernel does not round the wake-up by its default 50 µs.
/// </summary>
internal static partial class PreciseSleep
{
    private const int SetTimerSlack = 29; // PR_SET_TIMERSLACK
    private const int MonotonicClock = 1; // CLOCK_MONOTONIC

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "prctl")]
    private static partial int Prctl(int option, nuint value, nuint arg3, nuint arg4, nuint arg5);

    [LibraryImport("libc", EntryPoint = "clock_nanosleep")]
    private static partial int ClockNanosleep(int clock, int flags, ref TimeSpec request, IntPtr remaining);

    private static bool Native => OperatingSystem.IsLinux();

    /// <summary>Call once on the sleeping thread.</summary>
    public static void PrepareThread()
    {
        if (Native)
        {
            _ = Prctl(SetTimerSlack, 1, 0, 0, 0);
        }
    }

    /// <summary>Returns at or after <paramref name="dueTimestamp"/>, or early when <paramref name="stop"/> is cancelled (checked every few ms).</summary>
    public static void Until(long dueTimestamp, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var remainingTicks = dueTimestamp - Stopwatch.GetTimestamp();
            if (remainingTicks <= 0)
            {
                return;
            }

            // Sleep at most 5 ms at a time so a stop request is noticed promptly.
            var nanoseconds = Math.Min(remainingTicks * (1_000_000_000.0 / Stopwatch.Frequency), 5_000_000);
            if (Native)
            {
                var request = new TimeSpec { Seconds = 0, Nanoseconds = (long)Math.Max(nanoseconds, 1) };
                _ = ClockNanosleep(MonotonicClock, 0, ref request, IntPtr.Zero);
            }
            else
            {
                Thread.Sleep(nanoseconds >= 1_000_000 ? (int)(nanoseconds / 1_000_000) : 0);
            }
        }
    }
}
