using System.Runtime.InteropServices;
using Pacer.Core.Http.Engine.Transport;

namespace Pacer.Bench;

/// <summary>
/// What <see cref="PreciseHoldServer"/> needs beyond the engine's epoll declarations
/// (<see cref="EpollNative"/>): a timerfd, so the loop's wait ends on the nanosecond a held answer
/// is due (epoll_wait's own timeout counts in whole milliseconds).
/// </summary>
internal static unsafe partial class HoldServerNative
{
    private const int MonotonicClock = 1; // CLOCK_MONOTONIC, the clock Stopwatch reads on Linux
    private const int AbsoluteTime = 1; // TFD_TIMER_ABSTIME

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimerSpec
    {
        public TimeSpec Interval;
        public TimeSpec Value;
    }

    [LibraryImport("libc", EntryPoint = "timerfd_create", SetLastError = true)]
    private static partial int TimerCreate(int clock, int flags);

    [LibraryImport("libc", EntryPoint = "timerfd_settime", SetLastError = true)]
    private static partial int TimerSet(int fd, int flags, ref TimerSpec value, nint oldValue);

    public static int CreateEpoll() => Check(EpollNative.Create(EpollNative.CloseOnExec), "epoll_create1");

    public static int CreateTimer() => Check(TimerCreate(MonotonicClock, EpollNative.NonBlocking | EpollNative.CloseOnExec), "timerfd_create");

    /// <summary>Level-triggered readability of <paramref name="fd"/>, reported with <paramref name="data"/>.</summary>
    public static void Watch(int epollFd, int fd, ulong data)
    {
        var value = new EpollNative.EpollEvent { Events = EpollNative.In, Data = data };
        Check(EpollNative.Control(epollFd, EpollNative.CtlAdd, fd, ref value), "epoll_ctl(add)");
    }

    public static void Unwatch(int epollFd, int fd)
    {
        var unused = default(EpollNative.EpollEvent);
        _ = EpollNative.Control(epollFd, EpollNative.CtlDelete, fd, ref unused);
    }

    /// <summary>Waits for readiness (or a signal: then 0 events); fills <paramref name="events"/>.</summary>
    public static int Wait(int epollFd, Span<EpollNative.EpollEvent> events)
    {
        fixed (EpollNative.EpollEvent* pointer = events)
        {
            var count = EpollNative.Wait(epollFd, pointer, events.Length, -1);
            return count >= 0 ? count : Marshal.GetLastPInvokeError() == 4 ? 0 : Check(count, "epoll_wait");
        }
    }

    /// <summary>Arms the timer to fire once at a Stopwatch timestamp (nanoseconds of CLOCK_MONOTONIC on Linux).</summary>
    public static void ArmAt(int timerFd, long stopwatchTimestamp)
    {
        var nanoseconds = Math.Max(stopwatchTimestamp, 1); // zero would disarm it
        var spec = new TimerSpec { Value = new TimeSpec { Seconds = nanoseconds / 1_000_000_000, Nanoseconds = nanoseconds % 1_000_000_000 } };
        Check(TimerSet(timerFd, AbsoluteTime, ref spec, 0), "timerfd_settime");
    }

    /// <summary>Consumes a fired timer's expiry count so level-triggered epoll stops reporting it (an eventfd read does the same).</summary>
    public static void Acknowledge(int timerFd) => EpollNative.Drain(timerFd);

    private static int Check(int result, string call) =>
        result >= 0 ? result : throw new InvalidOperationException($"{call} failed: errno {Marshal.GetLastPInvokeError()}");
}
