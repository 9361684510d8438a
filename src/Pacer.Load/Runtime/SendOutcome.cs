using Pacer.Core.Http;
using Pacer.Load.Metrics;

namespace Pacer.Load.Runtime;

/// <summary>
/// What one request came back with, from either HTTP path: the status (0 when no response), a
/// transport failure (refused, reset, timeout…) with its message, the bytes both ways, and the
/// response as assertions see it when the step needs more than the status. <see cref="SetCookies"/>
/// carries the cookies an engine response set (the engine keeps no jar; the VU adopts them).
/// </summary>
internal readonly record struct SendOutcome(
    int Status,
    FailureKind? TransportFailure,
    string? FailureMessage,
    long BytesIn,
    long BytesOut,
    ResponseSnapshot? Response,
    bool Cancelled = false,
    IReadOnlyList<string>? SetCookies = null);
