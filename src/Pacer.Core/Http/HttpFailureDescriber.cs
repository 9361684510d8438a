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
            return DescribeTls(tls, target, endpoint);
        }

        if (target.Scheme == Uri.UriSchemeHttps && exception.Message.Contains("SSL connection could not be established", StringComparison.Ordinal))
        {
            // The server closed the connection during the handshake (an IOException, not an AuthenticationException).
            return DescribeTls(Innermost(exception), target, endpoint);
        }

        return $"request to {endpoint} failed: {Innermost(exception).Message}";
    }

    private static Exception Innermost(Exception exception)
    {
        var innermost = exception;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }

        return innermost;
    }

    /// <summary>
    /// A certificate the client does not trust is what --insecure is for. Any other handshake failure on
    /// an https URL most often means the port speaks plain HTTP (its answer is not a TLS record, which .NET
    /// reports as a "corrupted frame"), and --insecure cannot help with that.
    /// </summary>
    private static string DescribeTls(Exception tls, Uri target, string endpoint)
    {
        if (tls.Message.Contains("certificate", StringComparison.OrdinalIgnoreCase))
        {
            return $"TLS handshake with {endpoint} failed: {tls.Message} (--insecure accepts self-signed certificates)";
        }

        var plain = new UriBuilder(target) { Scheme = Uri.UriSchemeHttp, Port = target.Port }.Uri;
        return $"TLS handshake with {endpoint} failed: the server did not answer in TLS. If it serves plain HTTP on this port, "
            + $"use http:// ({plain.GetLeftPart(UriPartial.Authority)}) in --base-url or the URL; --insecure does not help here ({tls.Message})";
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
