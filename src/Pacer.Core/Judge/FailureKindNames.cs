namespace Pacer.Core.Judge;

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
        FailureKind.CaptureFailed => "capture-failed",
        FailureKind.BudgetMissed => "budget-missed",
        FailureKind.BodyTooLarge => "body-too-large",
        FailureKind.RequestNotBuilt => "request-not-built",
        FailureKind.TlsError => "tls-error",
        FailureKind.HostNotFound => "host-not-found",
        FailureKind.Skipped => "skipped",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>The kind named <paramref name="name"/> in a result file, or null for a name this version does not know.</summary>
    public static FailureKind? Parse(string name) =>
        Enum.GetValues<FailureKind>().Cast<FailureKind?>().FirstOrDefault(kind => Of(kind!.Value) == name);

    /// <summary>True for the kinds where no (valid) response arrived: the request itself failed.</summary>
    public static bool IsTransport(FailureKind kind) =>
        kind is FailureKind.Timeout or FailureKind.ConnectionRefused or FailureKind.HostNotFound or FailureKind.TlsError or FailureKind.ConnectionReset or FailureKind.ProtocolError or FailureKind.BodyTooLarge;
}
