namespace Pacer.Core.Judge;

/// <summary>
/// Why a step failed, in the order the judge looks (the first that applies names the failure):
/// no response at all, then a status the step does not accept, then a value it could not capture,
/// then an assertion, then a missed <c>duration</c> budget. Load runs count failures by kind.
/// </summary>
public enum FailureKind
{
    ClientError4xx,
    ServerError5xx,
    Timeout,
    ConnectionRefused,
    ConnectionReset,
    AssertionFailed,

    /// <summary>The response was not valid HTTP/1.x or HTTP/2 (a bad status line, conflicting Content-Lengths, a head past the limit, a reset stream).</summary>
    ProtocolError,

    /// <summary>A <c>[Captures]</c> path found nothing in the response.</summary>
    CaptureFailed,

    /// <summary>The response took longer than the step's <c>duration &lt;</c> budget.</summary>
    BudgetMissed,

    /// <summary>The response body was longer than the run's limit (<c>--max-body</c>); reading stopped there.</summary>
    BodyTooLarge,

    /// <summary>The request could not be built: an undefined variable at run time, a relative URL without a base URL.</summary>
    RequestNotBuilt,

    /// <summary>TLS failed: an untrusted, expired or mismatched certificate, a refused handshake, or TLS/plain on the wrong port.</summary>
    TlsError,

    /// <summary>The host name did not resolve.</summary>
    HostNotFound,

    /// <summary>The step did not run: a value it needs was not captured by an earlier step, or setup failed.</summary>
    Skipped,
}
