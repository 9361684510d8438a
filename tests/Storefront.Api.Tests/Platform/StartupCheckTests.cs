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

    [Theory]
    [InlineData("your-256-bit-secret-your-256-bit-secret", "published example secret")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "fewer than 10 distinct characters")]
    [InlineData("short-key", "fewer than 32")]
    public async Task Production_refuses_a_weak_signing_key(string key, string expected)
    {
        await using var app = StorefrontFactory.With(new Dictionary<string, string?>
        {
            ["environment"] = "Production",
            ["Storefront:Jwt:SigningKey"] = key,
        });

        var error = Assert.ThrowsAny<Exception>(() => app.Server);

        Assert.Contains("Storefront:Jwt:SigningKey", Messages(error), StringComparison.Ordinal);
        Assert.Contains(expected, Messages(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_postgresql_server_stops_start_up_naming_the_connection_string()
    {
        // Port 1 on loopback: nothing listens, the connection is refused at once.
        await using var app = StorefrontFactory.With(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Storefront"] = "Host=127.0.0.1;Port=1;Database=storefront_nowhere;Username=nobody;Password=nothing;Timeout=5",
        });

        var error = Assert.ThrowsAny<Exception>(() => app.Server);

        Assert.Contains("Cannot use the PostgreSQL database in ConnectionStrings:Storefront (Host=127.0.0.1;Port=1", Messages(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_data_directory_that_cannot_be_written_stops_start_up_naming_the_setting()
    {
        // A path under a file: no folder can be made there, whoever runs the test (root ignores permission bits).
        var file = Path.GetTempFileName();
        try
        {
            await using var app = StorefrontFactory.With(new Dictionary<string, string?>
            {
                ["Storefront:DataDirectory"] = Path.Combine(file, "data"),
                ["ConnectionStrings:Storefront"] = "",
            });

            var error = Assert.ThrowsAny<Exception>(() => app.Server);

            Assert.Contains($"Storefront:DataDirectory '{Path.Combine(file, "data")}' is not writable", Messages(error), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
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
