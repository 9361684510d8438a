using System.Net.Sockets;

namespace Pacer.Core.Http;

/// <summary>Turns transport exceptions into one line a person can act on.</summary>
public static class HttpFailureDescriber
{
    public static string Describe(Exception exception, Uri target)
    {
        var socket = FindInner<SocketException>(exception);
        var endpoint = $"{target.Host}:{target.Port}";
        if (socket is not null)
        {
            return socket.SocketErrorCode switch
            {
                SocketError.ConnectionRefused => $"connection refused to {endpoint}",
                SocketError.HostNotFound or SocketError.NoData => $"host not found: {target.Host}",
                SocketError.TimedOut => $"connection to {endpoint} timed out",
                SocketError.ConnectionReset => $"connection reset by {endpoint}",
                _ => $"cannot reach {endpoint}: {socket.Message}",
            };
        }

        if (FindInner<System.Security.Authentication.AuthenticationException>(exception) is { } tls)
        {
            return $"TLS handshake with {endpoint} failed: {tls.Message} (--insecure accepts self-signed certificates)";
        }

        var innermost = exception;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }

        return $"request to {endpoint} failed: {innermost.Message}";
    }

    private static T? FindInner<T>(Exception? exception)
        where T : Exception
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is T match)
            {
                return match;
            }
        }

        return null;
    }
}
