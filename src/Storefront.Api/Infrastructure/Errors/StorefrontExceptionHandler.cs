using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Storefront.Api.Infrastructure.Database;

namespace Storefront.Api.Infrastructure.Errors;

/// <summary>
/// Turns exceptions into problem+json: bad requests keep a safe explanation, a saturated database is a
/// 503 with Retry-After (capacity, not a bug), everything else is a bare 500.
/// </summary>
public sealed partial class StorefrontExceptionHandler(IProblemDetailsService problems, ILogger<StorefrontExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            BadHttpRequestException bad => Describe(bad),
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested =>
                new ProblemDetails { Status = 499, Title = "Client Closed Request", Detail = "The client closed the request." },
            _ when DatabaseSaturation.IsSaturated(exception) => Saturated(httpContext),
            _ => null,
        };

        if (problem is null)
        {
            LogUnhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path.Value ?? "/");
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "Internal Server Error",
                Detail = "An unexpected error occurred. Quote the traceId when reporting it.",
            };
            problem.Extensions["code"] = "internal_error";
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static ProblemDetails Saturated(HttpContext httpContext)
    {
        httpContext.Response.Headers.RetryAfter = "1";
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = "Service Unavailable",
            Detail = "The database is at capacity; retry after 1 second(s).",
        };
        problem.Extensions["code"] = "database_busy";
        problem.Extensions["retryAfterSeconds"] = 1;
        return problem;
    }

    private static ProblemDetails Describe(BadHttpRequestException exception)
    {
        var problem = new ProblemDetails { Status = exception.StatusCode };
        switch (exception.StatusCode)
        {
            case StatusCodes.Status413PayloadTooLarge:
                problem.Title = "Payload Too Large";
                problem.Detail = "The request body is larger than this server accepts.";
                problem.Extensions["code"] = "payload_too_large";
                break;
            case StatusCodes.Status415UnsupportedMediaType:
                problem.Title = "Unsupported Media Type";
                problem.Detail = "This endpoint accepts only application/json request bodies.";
                problem.Extensions["code"] = "unsupported_media_type";
                break;
            default:
                problem.Title = "Bad Request";
                FillBadRequest(problem, exception);
                break;
        }

        return problem;
    }

    private static void FillBadRequest(ProblemDetails problem, BadHttpRequestException exception)
    {
        if (exception.InnerException is JsonException json)
        {
            // Line and position come 0-based from System.Text.Json; people count from 1.
            var line = (json.LineNumber ?? 0) + 1;
            var position = (json.BytePositionInLine ?? 0) + 1;
            var path = json.Path ?? "$";
            problem.Detail = $"The request body is not valid JSON for this endpoint at {path} (line {line}, position {position}).";
            problem.Extensions["code"] = "malformed_json";
            problem.Extensions["jsonPath"] = path;
            problem.Extensions["line"] = line;
            problem.Extensions["position"] = position;
        }
        else if (exception.Message.Contains("no body was provided", StringComparison.OrdinalIgnoreCase))
        {
            problem.Detail = "A JSON request body is required.";
            problem.Extensions["code"] = "body_required";
        }
        else
        {
            problem.Detail = "The request could not be understood (a route, query or header value has the wrong format).";
            problem.Extensions["code"] = "bad_request";
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}
