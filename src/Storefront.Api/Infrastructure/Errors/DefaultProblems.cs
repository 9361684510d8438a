namespace Storefront.Api.Infrastructure.Errors;

/// <summary>
/// The code and detail for problems the framework produces without one (status code pages,
/// routing's 404/405, the 415 from JSON binding), so clients can always switch on <c>code</c>.
/// </summary>
public static class DefaultProblems
{
    public sealed record Fallback(string Code, string Detail);

    public static Fallback? For(int status) => status switch
    {
        StatusCodes.Status400BadRequest => new("bad_request", "The request could not be understood."),
        StatusCodes.Status401Unauthorized => new("unauthorized", "This endpoint requires a bearer access token."),
        StatusCodes.Status403Forbidden => new("forbidden", "Your account is not allowed to perform this action."),
        StatusCodes.Status404NotFound => new("not_found", "No resource exists at this address."),
        StatusCodes.Status405MethodNotAllowed => new("method_not_allowed", "This address does not accept this HTTP method."),
        StatusCodes.Status409Conflict => new("conflict", "The request conflicts with the current state of the resource."),
        StatusCodes.Status413PayloadTooLarge => new("payload_too_large", "The request body is larger than this server accepts."),
        StatusCodes.Status415UnsupportedMediaType => new("unsupported_media_type", "This endpoint accepts only application/json request bodies."),
        StatusCodes.Status422UnprocessableEntity => new("unprocessable", "The request is well-formed but cannot be processed."),
        StatusCodes.Status429TooManyRequests => new("rate_limited", "Too many requests; slow down."),
        StatusCodes.Status500InternalServerError => new("internal_error", "An unexpected error occurred. Quote the traceId when reporting it."),
        StatusCodes.Status502BadGateway => new("bad_gateway", "An upstream service failed."),
        StatusCodes.Status503ServiceUnavailable => new("unavailable", "The service is temporarily unavailable."),
        _ => null,
    };
}
