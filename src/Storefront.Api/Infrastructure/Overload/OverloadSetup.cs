namespace Storefront.Api.Infrastructure.Overload;

/// <summary>Registers and places the overload bound; see <see cref="OverloadProtectionMiddleware"/>.</summary>
public static class OverloadSetup
{
    public static IServiceCollection AddStorefrontOverloadProtection(this IServiceCollection services)
    {
        services.AddOptions<OverloadOptions>().BindConfiguration(OverloadOptions.Section);
        services.AddSingleton<SchedulingDelayProbe>();
        services.AddSingleton<OverloadGate>();
        return services;
    }

    /// <summary>Place after routing (refusals are labelled by route in /metrics) and before authentication (refusing costs no token check).</summary>
    public static IApplicationBuilder UseStorefrontOverloadProtection(this IApplicationBuilder app) =>
        app.UseMiddleware<OverloadProtectionMiddleware>();
}
