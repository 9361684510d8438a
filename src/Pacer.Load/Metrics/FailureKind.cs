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

    /// <summary>The response was not valid HTTP/1.x, or its head was larger than the engine accepts.</summary>
    ProtocolError,
}
