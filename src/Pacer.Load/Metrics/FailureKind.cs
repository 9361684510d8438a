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
}
