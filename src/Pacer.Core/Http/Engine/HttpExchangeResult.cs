namespace Pacer.Core.Http.Engine;

/// <summary>
/// Outcome of one request/response exchange; a value so the hot path allocates nothing.
/// Status and headers of a successful exchange are read from the connection's
/// <see cref="IHttpConnection.Response"/>; a failure's message too (<see cref="HttpResponseView.ErrorMessage"/>).
/// </summary>
public readonly record struct HttpExchangeResult(
    HttpFailureKind Failure,
    int StatusCode,
    long BodyBytes,
    long BytesSent,
    long BytesReceived,
    bool Reconnected,
    HttpPhaseTimings Timings = default)
{
    public bool Succeeded => Failure == HttpFailureKind.None;
}
