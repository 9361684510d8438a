namespace Pacer.Load.Metrics;

/// <summary>Why a request counted as failed under load; each kind is reported separately.</summary>
public enum FailureKind
{
    ClientError4xx,
    ServerError5xx,
    Timeout,
    ConnectionRefused,
    ConnectionReset,
    AssertionFailed,

    /// <summary>The response was not valid HTTP/1.x or HTTP/2, or its head was larger than the engine accepts.</summary>
    ProtocolError,

    /// <summary>TLS failed: an untrusted, expired or mismatched certificate, a refused handshake, or TLS/plain on the wrong port.</summary>
    TlsError,
}
