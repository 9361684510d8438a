namespace Pacer.Core.Http.Engine;

/// <summary>Why an exchange on the fast HTTP/1.1 path failed; load metrics count failures by this kind.</summary>
public enum HttpFailureKind
{
    None,
    /// <summary>The server refused the TCP connection.</summary>
    Refused,
    /// <summary>The host name did not resolve to an address.</summary>
    HostNotFound,
    /// <summary>The connection was reset (RST) while sending or receiving.</summary>
    Reset,
    /// <summary>The server closed the connection (EOF) before the response was complete.</summary>
    Closed,
    /// <summary>The per-request timeout elapsed.</summary>
    Timeout,
    /// <summary>The caller's cancellation token fired.</summary>
    Canceled,
    /// <summary>The status line and headers exceeded <see cref="ConnectionOptions.MaxHeaderBytes"/>.</summary>
    HeaderTooLarge,
    /// <summary>The response was not valid HTTP/1.x.</summary>
    Protocol,
    /// <summary>The body was longer than <see cref="ConnectionOptions.MaxBodyBytes"/>; the connection was dropped there.</summary>
    BodyTooLarge,
}
