namespace Pacer.Load.Metrics;

/// <summary>The names failure kinds have in result files and reports: <c>4xx</c>, <c>5xx</c>, <c>timeout</c>, <c>connection-refused</c>…</summary>
public static class FailureKindNames
{
    public static string Of(FailureKind kind) => kind switch
    {
        FailureKind.ClientError4xx => "4xx",
        FailureKind.ServerError5xx => "5xx",
        FailureKind.Timeout => "timeout",
        FailureKind.ConnectionRefused => "connection-refused",
        FailureKind.ConnectionReset => "connection-reset",
        FailureKind.AssertionFailed => "assertion-failed",
        FailureKind.ProtocolError => "protocol-error",
        FailureKind.TlsError => "tls-error",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
