using System.Runtime.InteropServices;

namespace Pacer.Core.Http.Engine.Transport;

/// <summary>The three epoll calls the event loop needs (Linux).</summary>
internal static partial class EpollNative
{
    public const int CtlAdd = 1;
    public const int CtlDelete = 2;
    public const int CloseOnExec = 0x80000;

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
    public static unsafe partial int Wait(int epollFd, EpollEvent* events, int maxEvents, int timeoutMilliseconds);

    public static bool IsSupported =>
        OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture == Architecture.X64;
}
