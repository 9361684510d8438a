using System.Net.Sockets;

namespace Pacer.Core.Http.Engine;

/// <summary>Maps socket-level exceptions to the failure kinds load metrics report.</summary>
internal static class SocketFailureClassifier
{
    public static HttpFailureKind Classify(Exception exception, bool timedOut, bool canceled) => exception switch
    {
        _ when canceled => HttpFailureKind.Canceled,
        _ when timedOut => HttpFailureKind.Timeout,
        SocketException { SocketErrorCode: SocketError.ConnectionRefused } => HttpFailureKind.Refused,
        SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain } => HttpFailureKind.HostNotFound,
        SocketException { SocketErrorCode: SocketError.TimedOut } => HttpFailureKind.Timeout,
        SocketException { SocketErrorCode: SocketError.Shutdown or SocketError.NotConnected } => HttpFailureKind.Closed,
        SocketException => HttpFailureKind.Reset,
        ObjectDisposedException => HttpFailureKind.Closed,
        OperationCanceledException => HttpFailureKind.Timeout,
        _ => HttpFailureKind.Reset,
    };
}
