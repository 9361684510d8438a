using System.Runtime.InteropServices;

namespace Pacer.Bench;

/// <summary>
/// The Linux calls <see cref="PreciseHoldServer"/> needs and .NET does not expose: epoll to wait on
/// every connection and a timer at once, and a timerfd so that wait ends on the nanosecond a held
/// answer is due (epoll_wait's own timeout counts in whole milliseconds).
/// </summary>
internal static unsafe partial class HoldServerNative
{
    public const int EpollAdd = 1;
    public const int EpollDelete = 2;
    public const uint Readable = 0x001;
    private const int MonotonicClock = 1; // CLOCK_MONOTONIC, the clock Stopwatch reads on Linux
    private const int AbsoluteTime = 1; // TFD_TIMER_ABSTIME
    private const int NonBlocking = 0x800; // TFD_NONBLOCK
    private const int CloseOnExec = 0x80000;

    /// <summary>The kernel's struct epoll_event, packed (12 bytes) on x86-64.</summary>
    [StructLayout(LayoutKind.Sequential, Pack = 1)]
    public struct EpollEvent
    {
        public uint Events;
        public ulong Data;
    }

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

    [LibraryImport("libc", EntryPoint = "epoll_create1", SetLastError = true)]
    private static partial int EpollCreate(int flags);

    [LibraryImport("libc", EntryPoint = "epoll_ctl", SetLastError = true)]
    private static partial int EpollControl(int epollFd, int operation, int fd, ref EpollEvent value);

    [LibraryImport("libc", EntryPoint = "epoll_wait", SetLastError = true)]
    private static partial int EpollWait(int epollFd, EpollEvent* events, int maxEvents, int timeoutMilliseconds);

    [LibraryImport("libc", EntryPoint = "timerfd_create", SetLastError = true)]
    private static partial int TimerCreate(int clock, int flags);

    [LibraryImport("libc", EntryPoint = "timerfd_settime", SetLastError = true)]
    private static partial int TimerSet(int fd, int flags, ref TimerSpec value, nint oldValue);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    private static partial nint Read(int fd, byte* buffer, nint count);

    public static int CreateEpoll() => Check(EpollCreate(CloseOnExec), "epoll_create1");

    public static int CreateTimer() => Check(TimerCreate(MonotonicClock, NonBlocking | CloseOnExec), "timerfd_create");

    public static void Watch(int epollFd, int fd, ulong data)
    {
        var value = new EpollEvent { Events = Readable, Data = data };
        Check(EpollControl(epollFd, EpollAdd, fd, ref value), "epoll_ctl(add)");
    }

    public static void Unwatch(int epollFd, int fd)
    {
        var unused = default(EpollEvent);
        _ = EpollControl(epollFd, EpollDelete, fd, ref unused);
    }

    /// <summary>Waits for readiness (or a signal: then 0 events); fills <paramref name="events"/>.</summary>
    public static int Wait(int epollFd, Span<EpollEvent> events)
    {
        fixed (EpollEvent* pointer = events)
        {
            var count = EpollWait(epollFd, pointer, events.Length, -1);
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

    /// <summary>Consumes a fired timer's expiry count so level-triggered epoll stops reporting it.</summary>
    public static void Acknowledge(int timerFd)
    {
        ulong expirations;
        _ = Read(timerFd, (byte*)&expirations, sizeof(ulong));
    }

    private static int Check(int result, string call) =>
        result >= 0 ? result : throw new InvalidOperationException($"{call} failed: errno {Marshal.GetLastPInvokeError()}");
}
