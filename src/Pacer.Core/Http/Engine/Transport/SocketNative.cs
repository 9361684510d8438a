using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Pacer.Core.Http.Engine.Transport;

/// <summary>
/// send and recv on a raw descriptor (Linux). Socket.Send/Receive add a handle reference count, an
/// errno translation and a layer of checks to every call; at ~100k requests a second on one core
/// that is a measurable share of the client's time, and the event loop owns these sockets anyway.
/// </summary>
internal static unsafe partial class SocketNative
{
    private const int NoSignal = 0x4000; // MSG_NOSIGNAL: a closed peer gives EPIPE, not SIGPIPE.
    private const int Interrupted = 4; // EINTR
    private const int WouldBlock = 11; // EAGAIN (== EWOULDBLOCK on Linux)

    [LibraryImport("libc", EntryPoint = "send", SetLastError = true)]
    private static partial nint Send(int fd, byte* buffer, nint length, int flags);

    [LibraryImport("libc", EntryPoint = "recv", SetLastError = true)]
    private static partial nint Receive(int fd, byte* buffer, nint length, int flags);

    /// <summary>Bytes sent (at least one), or -1 when the send buffer is full. Failures throw SocketException.</summary>
    public static int TrySend(int fd, ReadOnlySpan<byte> bytes)
    {
        fixed (byte* pointer = bytes)
        {
            int result;
            while (!Done(Send(fd, pointer, bytes.Length, NoSignal), out result))
            {
            }

            return result;
        }
    }

    /// <summary>Bytes read, 0 at end of stream, or -1 when nothing is waiting. Failures throw SocketException.</summary>
    public static int TryReceive(int fd, Span<byte> buffer)
    {
        fixed (byte* pointer = buffer)
        {
            int result;
            while (!Done(Receive(fd, pointer, buffer.Length, 0), out result))
            {
            }

            return result;
        }
    }

    // A call's count, or -1 for EAGAIN; false (call again) only when a signal interrupted it.
    private static bool Done(nint count, out int result)
    {
        result = (int)count;
        if (count >= 0)
        {
            return true;
        }

        var errno = Marshal.GetLastPInvokeError();
        if (errno == Interrupted)
        {
            return false;
        }

        result = -1;
        return errno == WouldBlock ? true : throw Failure(errno);
    }

    // The errno values a connected TCP socket reports, as the SocketError .NET would have raised.
    private static SocketException Failure(int errno) => new((int)(errno switch
    {
        104 => SocketError.ConnectionReset, // ECONNRESET
        32 => SocketError.Shutdown, // EPIPE
        111 => SocketError.ConnectionRefused, // ECONNREFUSED
        110 => SocketError.TimedOut, // ETIMEDOUT
        107 => SocketError.NotConnected, // ENOTCONN
        103 => SocketError.ConnectionAborted, // ECONNABORTED
        113 => SocketError.HostUnreachable, // EHOSTUNREACH
        101 => SocketError.NetworkUnreachable, // ENETUNREACH
        _ => SocketError.SocketError,
    }));
}
