using System.Runtime.InteropServices;

namespace Pacer.Core.Http.Engine.Transport;

/// <summary>The epoll calls the event loop needs, and the eventfd that wakes it for posted work (Linux).</summary>
internal static unsafe partial class EpollNative
{
    public const int CtlAdd = 1;
    public const int CtlDelete = 2;
    public const int CloseOnExec = 0x80000;
    public const int NonBlocking = 0x800; // EFD_NONBLOCK

    public const uint In = 0x001;
    public const uint Out = 0x004;
    public const uint Error = 0x008;
    public const uint HangUp = 0x010;
    public const uint ReadHangUp = 0x2000;
    public const uint EdgeTriggered = 1u << 31;

    /// <summary>The kernel's struct epoll_event, which is packed (12 bytes) on x86-64 only; the loop runs there only.</summary>
    [StructLayout(LayoutKind.Sequential, Pack = 1)]
    public struct EpollEvent
    {
        public uint Events;
        public ulong Data;
    }

    [LibraryImport("libc", EntryPoint = "epoll_create1", SetLastError = true)]
    public static partial int Create(int flags);

    [LibraryImport("libc", EntryPoint = "epoll_ctl", SetLastError = true)]
    public static partial int Control(int epollFd, int operation, int fd, ref EpollEvent value);

    [LibraryImport("libc", EntryPoint = "epoll_wait", SetLastError = true)]
    public static partial int Wait(int epollFd, EpollEvent* events, int maxEvents, int timeoutMilliseconds);

    [LibraryImport("libc", EntryPoint = "eventfd", SetLastError = true)]
    public static partial int CreateEventFd(uint initialValue, int flags);

    [LibraryImport("libc", EntryPoint = "write")]
    private static partial nint Write(int fd, ulong* value, nint length);

    [LibraryImport("libc", EntryPoint = "read")]
    private static partial nint Read(int fd, ulong* value, nint length);

    /// <summary>Adds one to an eventfd's counter, which makes it readable.</summary>
    public static void Signal(int eventFd)
    {
        var one = 1UL;
        _ = Write(eventFd, &one, sizeof(ulong));
    }

    /// <summary>Resets a (non-blocking) eventfd's counter to zero.</summary>
    public static void Drain(int eventFd)
    {
        ulong value;
        _ = Read(eventFd, &value, sizeof(ulong));
    }

    public static bool IsSupported =>
        OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture == Architecture.X64;
}
