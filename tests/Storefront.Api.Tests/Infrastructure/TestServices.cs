using Microsoft.Extensions.DependencyInjection;

namespace Storefront.Api.Tests.Infrastructure;

/// <summary>Service overrides tests pass to <see cref="StorefrontFactory.With"/>.</summary>
public static class TestServices
{
    public static IServiceCollection AddSingletonTimeProvider(this IServiceCollection services, TimeProvider clock) =>
        services.AddSingleton(clock);
}
