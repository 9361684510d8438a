using Storefront.Api.Tests.Infrastructure;
using Xunit;

namespace Storefront.Api.Tests.Platform;

/// <summary>Misconfiguration stops start-up with a message naming the setting to fix.</summary>
public sealed class StartupCheckTests
{
    [Theory]
    [InlineData("Storefront:Jwt:SigningKey", "too-short", "needs at least 32")]
    [InlineData("ConnectionStrings:Storefront", "Host=;Database", "ConnectionStrings:Storefront")]
    [InlineData("Storefront:Admin:Password", "short", "Storefront:Admin:Password must be at least")]
    public async Task Bad_settings_fail_fast_with_a_clear_message(string key, string value, string expected)
    {
        await using var app = StorefrontFactory.With(new Dictionary<string, string?> { [key] = value });

        var error = Assert.ThrowsAny<Exception>(() => app.Server);

        Assert.Contains(expected, Messages(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_needs_a_signing_key()
    {
        await using var app = StorefrontFactory.With(new Dictionary<string, string?>
        {
            ["environment"] = "Production",
            ["Storefront:Jwt:SigningKey"] = "",
        });

        var error = Assert.ThrowsAny<Exception>(() => app.Server);

        Assert.Contains("Storefront:Jwt:SigningKey is required outside Development", Messages(error), StringComparison.Ordinal);
    }

    private static string Messages(Exception error)
    {
        var messages = new List<string>();
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
        }

        return string.Join(" | ", messages);
    }
}
