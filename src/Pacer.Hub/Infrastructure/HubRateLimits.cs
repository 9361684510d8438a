using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;

namespace Pacer.Hub.Infrastructure;

/// <summary>Login, sign-up and refresh are limited per client address (<c>Hub:RateLimiting</c>), against password guessing.</summary>
public static class HubRateLimits
{
    public const string Login = "login";

    public static IServiceCollection AddHubRateLimits(this IServiceCollection services, HubRateLimitOptions settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var window = TimeSpan.FromSeconds(Math.Max(1, settings.WindowSeconds));
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, cancellationToken) =>
            {
                var http = context.HttpContext;
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = ((int)window.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Detail = $"Too many sign-in attempts from this address; try again in {(int)window.TotalSeconds} s.",
                    },
                });
            };
            options.AddPolicy(Login, http =>
                settings.Enabled
                    ? RateLimitPartition.GetFixedWindowLimiter("ip:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"), _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = Math.Max(1, settings.LoginPermitLimit),
                        Window = window,
                        QueueLimit = 0,
                    })
                    : RateLimitPartition.GetNoLimiter("off"));
        });
        return services;
    }
}
