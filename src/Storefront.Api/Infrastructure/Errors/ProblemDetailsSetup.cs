using System.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Storefront.Api.Infrastructure.Http;

namespace Storefront.Api.Infrastructure.Errors;

/// <summary>Every error leaves as RFC 7807 problem+json carrying traceId and requestId, never a stack trace.</summary>
public static class ProblemDetailsSetup
{
    public static IServiceCollection AddStorefrontProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var http = context.HttpContext;
            context.ProblemDetails.Instance ??= http.Request.Path;
            context.ProblemDetails.Extensions["traceId"] =
                Activity.Current?.TraceId.ToString() ?? http.Features.Get<IHttpActivityFeature>()?.Activity.TraceId.ToString() ?? http.TraceIdentifier;
            if (RequestIdMiddleware.GetRequestId(http) is { } requestId)
            {
                context.ProblemDetails.Extensions["requestId"] = requestId;
            }

            var status = context.ProblemDetails.Status ?? http.Response.StatusCode;
            if (!context.ProblemDetails.Extensions.ContainsKey("code") && DefaultProblems.For(status) is { } fallback)
            {
                context.ProblemDetails.Detail ??= fallback.Detail;
                context.ProblemDetails.Extensions["code"] = fallback.Code;
            }

            // Exceptions must never leak their message, stack or SQL to clients.
            context.ProblemDetails.Extensions.Remove("exception");
        });
        services.AddExceptionHandler<StorefrontExceptionHandler>();

        // Minimal APIs only throw BadHttpRequestException (malformed JSON, wrong media type) when asked to;
        // we want it thrown so the exception handler can say where the JSON broke.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }

    public static IApplicationBuilder UseStorefrontProblemDetails(this IApplicationBuilder app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}
