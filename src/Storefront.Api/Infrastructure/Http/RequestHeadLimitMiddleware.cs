using Storefront.Api.Infrastructure.Errors;

namespace Storefront.Api.Infrastructure.Http;

/// <summary>
/// Answers an overlong URL with 414 and oversized headers with 431, as problem+json. Kestrel enforces its own
/// limits while parsing, before any middleware runs, and answers those with an empty body; so Kestrel's limits are
/// set at twice these (<see cref="KestrelLineLimit"/>, <see cref="KestrelHeadersLimit"/>) and the request is
/// refused here, where it can be answered properly. Past Kestrel's limits (and for a request that does not parse
/// as HTTP at all) the answer is still Kestrel's bare 414, 431 or 400: the application never sees such a request.
/// </summary>
public sealed class RequestHeadLimitMiddleware(RequestDelegate next)
{
    public const int MaxTargetLength = 8 * 1024;
    public const int MaxHeaderBytes = 32 * 1024;
    public const int KestrelLineLimit = 2 * MaxTargetLength;
    public const int KestrelHeadersLimit = 2 * MaxHeaderBytes;

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var target = request.Path.Value?.Length + request.PathBase.Value?.Length + request.QueryString.Value?.Length ?? 0;
        if (target > MaxTargetLength)
        {
            return StorefrontProblems.Problem(StatusCodes.Status414UriTooLong, "URI Too Long",
                $"The request target is {target} characters; this server accepts at most {MaxTargetLength}.", "uri_too_long").ExecuteAsync(context);
        }

        long headerBytes = 0;
        foreach (var (name, values) in request.Headers)
        {
            foreach (var value in values)
            {
                headerBytes += name.Length + (value?.Length ?? 0) + 4;
            }
        }

        if (headerBytes > MaxHeaderBytes)
        {
            return StorefrontProblems.Problem(StatusCodes.Status431RequestHeaderFieldsTooLarge, "Request Header Fields Too Large",
                $"The request headers take {headerBytes} bytes; this server accepts at most {MaxHeaderBytes}.", "headers_too_large").ExecuteAsync(context);
        }

        return next(context);
    }
}
