namespace Pacer.Core.Http.Engine;

/// <summary>Why an exchange on the engine failed; load metrics count failures by this kind.</summary>
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
    /// <summary>The response was not valid HTTP/1.x or HTTP/2 (or the server broke the HTTP/2 rules).</summary>
    Protocol,
    /// <summary>The body was longer than <see cref="ConnectionOptions.MaxBodyBytes"/>; the connection was dropped there.</summary>
    BodyTooLarge,
    /// <summary>The TLS handshake failed for another reason than the certificate (an alert, a client certificate the server wants).</summary>
    TlsHandshake,
    /// <summary>The server's certificate is not signed by a trusted CA (self-signed, unknown issuer).</summary>
    CertificateUntrusted,
    /// <summary>The server's certificate has expired or is not valid yet.</summary>
    CertificateExpired,
    /// <summary>The server's certificate is for another name than the one connected to.</summary>
    CertificateNameMismatch,
    /// <summary>An https:// target answered without TLS: a plain HTTP server on that port.</summary>
    NotTls,
    /// <summary>An http:// target answered with TLS: that port wants https://.</summary>
    TlsOnPlainPort,
    /// <summary>HTTP/2: the server reset this request's stream (RST_STREAM).</summary>
    StreamReset,
    /// <summary>HTTP/2: the server closed the connection (GOAWAY) before answering this request.</summary>
    GoAway,
}
