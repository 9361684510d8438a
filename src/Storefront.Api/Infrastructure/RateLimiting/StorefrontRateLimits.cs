using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Storefront.Api.Infrastructure.Auth;

namespace Storefront.Api.Infrastructure.RateLimiting;

/// <summary>
/// Named rate-limit policies endpoints attach with <c>.RequireRateLimiting(StorefrontRateLimits.PerUser)</c>.
/// Limits come from Storefront:RateLimiting; Enabled=false makes every policy a no-op.
/// </summary>
public static class StorefrontRateLimits
{
    /// <summary>Login attempts per client IP (default 10 per minute).</summary>
    public const string Login = "login";

    /// <summary>Other unauthenticated auth operations per client IP: register, refresh, forgot/reset password.</summary>
    public const string Auth = "auth";

    /// <summary>General per client IP limit (the global limiter uses it for anonymous requests).</summary>
    public const string PerIp = "per-ip";

    /// <summary>Paths no limit applies to: probes and scrapers must always get through.</summary>
    public static readonly string[] ExemptPaths = ["/health", "/api/v1/health", "/metrics"];

    /// <summary>Per authenticated user (falls back to the client IP when anonymous).</summary>
    public const string PerUser = "per-user";

    public static IServiceCollection AddStorefrontRateLimits(this IServiceCollection services, RateLimitingOptions settings)
    {
        var window = TimeSpan.FromSeconds(Math.Max(1, settings.WindowSeconds));
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = WriteRejectionAsync;
            options.AddPolicy(Login, context => ByIp(context, settings.Enabled, settings.LoginPermitLimit, window));
            options.AddPolicy(Auth, context => ByIp(context, settings.Enabled, settings.AuthPermitLimit, window));
            options.AddPolicy(PerIp, context => ByIp(context, settings.Enabled, settings.PerIpPermitLimit, window));
            options.AddPolicy(PerUser, context => ByUser(context, settings.Enabled, settings.PerUserPermitLimit, window));

            // Every other route: per user when signed in, else per client IP (the named policies above come on top).
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsExempt(context.Request.Path)
                    ? RateLimitPartition.GetNoLimiter("exempt")
                    : context.User.FindFirst(StorefrontClaims.UserId)?.Value is { } user
                        ? Partition("all-user:" + user, settings.Enabled, settings.PerUserPermitLimit, window)
                        : Partition("all-ip:" + ClientIp(context), settings.Enabled, settings.PerIpPermitLimit, window));
        });
        return services;
    }

    private static RateLimitPartition<string> ByIp(HttpContext context, bool enabled, int limit, TimeSpan window) =>
        Partition("ip:" + ClientIp(context), enabled, limit, window);

    private static RateLimitPartition<string> ByUser(HttpContext context, bool enabled, int limit, TimeSpan window)
    {
        var userId = context.User.FindFirst(StorefrontClaims.UserId)?.Value;
        return Partition(userId is null ? "ip:" + ClientIp(context) : "user:" + userId, enabled, limit, window);
    }

    private static RateLimitPartition<string> Partition(string key, bool enabled, int limit, TimeSpan window) =>
        enabled
            ? RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, limit),
                Window = window,
                QueueLimit = 0,
                AutoReplenishment = true,
            })
            : RateLimitPartition.GetNoLimiter(key);

    public static bool IsExempt(PathString path) =>
        Array.Exists(ExemptPaths, prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));

    private static string ClientIp(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static async ValueTask WriteRejectionAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var retryAfterSeconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? (int)Math.Ceiling(retryAfter.TotalSeconds)
            : 60;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status429TooManyRequests,
            Title = "Too Many Requests",
            Detail = $"Rate limit exceeded; retry after {retryAfterSeconds} seconds.",
        };
        problem.Extensions["code"] = "rate_limited";
        problem.Extensions["retryAfterSeconds"] = retryAfterSeconds;
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    }
}
