using Storefront.Api.Tests.Infrastructure;
using Xunit;

namespace Storefront.Api.Tests.PerformanceSuite;

/// <summary>
/// A fresh Storefront for tests/api-performance, as the benchmark scripts configure it but in-process:
/// rate limits lifted (the factory's default), and a short slow-card latency so a functional run stays quick.
/// </summary>
public sealed class PerformanceSuiteHost : IAsyncLifetime
{
    public const string FlowFolder = "api-performance";

    public StorefrontFactory App { get; } = StorefrontFactory.With(new Dictionary<string, string?>
    {
        ["Storefront:Payments:SlowCardLatency"] = "00:00:00.300",
    });

    /// <summary>The suite's flows log in as the seeded admin and creator with the passwords the test factory sets.</summary>
    public static IReadOnlyDictionary<string, object?> Variables { get; } = new Dictionary<string, object?>
    {
        ["admin_password"] = StorefrontFactory.AdminPassword,
        ["creator_password"] = StorefrontFactory.ShopperPassword,
    };

    /// <summary>Every flow of the suite, as copied beside the test assembly.</summary>
    public static IEnumerable<string> FlowFiles() =>
        Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, FlowFolder), "*.flow.md").Order(StringComparer.Ordinal);

    public async ValueTask InitializeAsync() => await App.InitializeAsync();

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}
