using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Storefront.Api.Infrastructure.Errors;

namespace Storefront.Api.Infrastructure.Http;

/// <summary>
/// Refuses oversized bodies with a 413 problem: declared lengths up front, chunked bodies through
/// the server's own limit (which throws a BadHttpRequestException the exception handler turns into 413).
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<StorefrontOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        var limit = options.Value.Limits.MaxRequestBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            return StorefrontProblems
                .Problem(StatusCodes.Status413PayloadTooLarge, "Payload Too Large",
                    $"The request body is larger than the {limit} bytes this server accepts.", "payload_too_large")
                .ExecuteAsync(context);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        return next(context);
    }
}
