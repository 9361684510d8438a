using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Pacer.Hub.Infrastructure.Api;

/// <summary>
/// Problems raised by the framework under <c>/api</c> (401 challenges, 403, 404 for unknown routes,
/// 405, 413, 415, 429, unreadable JSON, unhandled exceptions) get the same envelope as the handlers'
/// own errors, so a client reads <c>code</c> and <c>message</c> everywhere.
/// </summary>
public sealed class EnvelopeProblemWriter(IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) =>
        context?.HttpContext.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) == true;

    public async ValueTask WriteAsync(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        var problem = context.ProblemDetails;
        problem.Status ??= http.Response.StatusCode;
        problem.Title ??= TitleOf(problem.Status.Value);
        problem.Type ??= $"https://httpstatuses.io/{problem.Status}";
        var message = problem.Detail ?? problem.Title ?? "error";
        var envelope = new ApiEnvelope<object>(problem.Status.Value, message, null) { Error = problem };
        http.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(http.Response.Body, envelope, json.Value.SerializerOptions, http.RequestAborted);
    }

    private static string TitleOf(int status) => status switch
    {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        409 => "Conflict",
        413 => "Payload Too Large",
        415 => "Unsupported Media Type",
        429 => "Too Many Requests",
        _ => status >= 500 ? "Internal Server Error" : "Error",
    };
}
