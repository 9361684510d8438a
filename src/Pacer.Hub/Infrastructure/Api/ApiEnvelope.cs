using Microsoft.AspNetCore.Mvc;

namespace Pacer.Hub.Infrastructure.Api;

/// <summary>
/// Every answer of <c>/api/v1</c>: <c>{"code": 0, "message": "ok", "data": ...}</c> (the shape kest's
/// platform uses). On errors <c>code</c> is the HTTP status, <c>data</c> is null and <c>error</c> holds
/// the problem details (RFC 9457) with the same status.
/// </summary>
public sealed record ApiEnvelope<T>(int Code, string Message, T? Data)
{
    /// <summary>A <see cref="ProblemDetails"/> (or <see cref="ValidationProblemDetails"/>, with <c>errors</c>); typed as object so the subtype's fields are written.</summary>
    public object? Error { get; init; }
}
