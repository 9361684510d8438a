using System.Diagnostics;

namespace Storefront.Api.Infrastructure.Metrics;

/// <summary>Times every request and labels it with its route template (never the raw path, to bound cardinality).</summary>
public sealed class HttpMetricsMiddleware(RequestDelegate next, HttpMetrics metrics)
{
    public const string UnmatchedRoute = "unmatched";

    private static readonly object RouteKey = new();

    /// <summary>
    /// Runs right after routing: the exception handler clears the endpoint before re-executing,
    /// so the template is remembered here for requests that end in a handled exception.
    /// </summary>
    public static IApplicationBuilder UseRouteCapture(IApplicationBuilder app) => app.Use((context, nextMiddleware) =>
    {
        if (context.GetEndpoint() is RouteEndpoint endpoint && endpoint.RoutePattern.RawText is { } template)
        {
            // Group prefixes with an empty child pattern leave a trailing slash ("/users/me/"): label as documented.
            context.Items[RouteKey] = template.Length > 1 ? template.TrimEnd('/') : template;
        }

        return nextMiddleware(context);
    });

    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        metrics.RequestStarted();
        var status = StatusCodes.Status500InternalServerError;
        try
        {
            await next(context);
            status = context.Response.StatusCode;
        }
        finally
        {
            var route = context.Items.TryGetValue(RouteKey, out var captured) && captured is string template ? template : UnmatchedRoute;
            metrics.RequestFinished(context.Request.Method, route, status, Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }
}
