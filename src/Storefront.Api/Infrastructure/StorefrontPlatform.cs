namespace Storefront.Api.Infrastructure;

/// <summary>Placeholder until the platform lands.</summary>
public static class StorefrontPlatform
{
    public static WebApplicationBuilder AddStorefrontPlatform(this WebApplicationBuilder builder) => builder;

    public static WebApplication UseStorefrontPlatform(this WebApplication app) => app;

    public static Task PrepareDatabaseAsync(this WebApplication app) => Task.CompletedTask;
}
