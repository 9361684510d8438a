using Pacer.Core.Judge;

namespace Pacer.Core.Http;

/// <summary>
/// What one request came back with, from whichever transport sent it (the engine, or HttpClient where
/// the engine cannot go): the status (0 when no response), a transport failure with its message, the
/// bytes both ways, and the response as assertions see it when the step reads more than the status.
/// <see cref="SetCookies"/> carries the cookies a response set, for the caller's cookie jar;
/// <see cref="Timings"/> where the time went, as k6 records it (the engine's; zero from HttpClient).
/// </summary>
public readonly record struct ExchangeOutcome(
    int Status,
    FailureKind? TransportFailure,
    string? FailureMessage,
    long BytesIn,
    long BytesOut,
    ResponseSnapshot? Response,
    bool Cancelled = false,
    IReadOnlyList<string>? SetCookies = null,
    Engine.HttpPhaseTimings Timings = default)
{
    public static ExchangeOutcome Canceled(long bytesOut = 0) => new(0, null, "cancelled", 0, bytesOut, null, Cancelled: true);

    public static ExchangeOutcome Failed(FailureKind kind, string message, long bytesOut = 0, int status = 0) => new(status, kind, message, 0, bytesOut, null);
}
