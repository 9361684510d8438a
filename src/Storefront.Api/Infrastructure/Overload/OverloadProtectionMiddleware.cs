using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Storefront.Api.Infrastructure.Overload;

/// <summary>
/// Bounds the requests in progress through the <see cref="OverloadGate"/> (a concurrency limit and a
/// bounded, timed queue; see <see cref="OverloadOptions"/>). A request that finds the queue full, or waits
/// past <see cref="OverloadOptions.QueueTimeout"/>, gets 503 problem+json with Retry-After and code
/// <c>overloaded</c>. Health, metrics and the event stream are never held back: probes must see an
/// overloaded server as alive, and a stream would hold a slot for as long as its viewer watches.
/// </summary>
public sealed partial class OverloadProtectionMiddleware(
    RequestDelegate next, OverloadGate gate, IOptions<OverloadOptions> options, ILogger<OverloadProtectionMiddleware> logger)
{
    /// <summary>Paths that bypass the bound (whole segments, case-insensitive).</summary>
    public static readonly string[] ExemptPaths = ["/health", "/api/v1/health", "/metrics", "/api/v1/inventory/stream"];

    public async Task InvokeAsync(HttpContext context)
    {
        if (!gate.Enabled || IsExempt(context.Request.Path) || context.GetEndpoint()?.Metadata.GetMetadata<LongLivedResponse>() is not null)
        {
            await next(context);
            return;
        }

        using var lease = await gate.TryEnterAsync(context.RequestAborted);
        if (lease is not null)
        {
            await next(context);
        }
        else if (!context.RequestAborted.IsCancellationRequested)
        {
            await RejectAsync(context);
        }
    }

    public static bool IsExempt(PathString path) =>
        Array.Exists(ExemptPaths, prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));

    private async Task RejectAsync(HttpContext context)
    {
        var settings = options.Value;
        if (gate.Rejected % 1000 == 1)
        {
            // One line per thousand: a log line per refusal would add to the overload it reports.
            LogShedding(logger, gate.Rejected, settings.MaxConcurrentRequests, settings.QueueLimit);
        }

        var retryAfter = Math.Max(1, settings.RetryAfterSeconds);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = "Service Unavailable",
            Detail = $"The server is at capacity; retry after {retryAfter} second(s).",
        };
        problem.Extensions["code"] = "overloaded";
        problem.Extensions["retryAfterSeconds"] = retryAfter;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shedding load: {Rejected} requests refused with 503 so far (limit {Limit} in progress, {Queue} queued)")]
    private static partial void LogShedding(ILogger logger, long rejected, int limit, int queue);
}
