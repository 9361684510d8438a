namespace Storefront.Api.Infrastructure;

/// <summary>Everything under the <c>Storefront</c> configuration section.</summary>
public sealed class StorefrontOptions
{
    public const string SectionName = "Storefront";

    /// <summary>Where the embedded SQLite database and the development signing key live.</summary>
    public string DataDirectory { get; set; } = "./data";

    public AdminSeedOptions Admin { get; set; } = new();

    public JwtOptions Jwt { get; set; } = new();

    public RateLimitingOptions RateLimiting { get; set; } = new();

    public CorsSettings Cors { get; set; } = new();

    public LimitsOptions Limits { get; set; } = new();

    public PasswordResetOptions PasswordReset { get; set; } = new();

    public SmtpOptions Smtp { get; set; } = new();

    public DatabaseOptions Database { get; set; } = new();
}

public sealed class AdminSeedOptions
{
    public string? Password { get; set; }

    /// <summary>Password of the seeded demo shoppers (alice, bob, carol @storefront.local).</summary>
    public string ShopperPassword { get; set; } = "shopper-pass-1";
}

public sealed class JwtOptions
{
    public string Issuer { get; set; } = "storefront";

    public string Audience { get; set; } = "storefront-api";

    /// <summary>HS256 key (at least 32 bytes of UTF-8). Development generates one in the data directory.</summary>
    public string? SigningKey { get; set; }

    public int AccessTokenMinutes { get; set; } = 15;

    public int RefreshTokenDays { get; set; } = 7;

    public int ClockSkewSeconds { get; set; } = 30;
}

public sealed class RateLimitingOptions
{
    /// <summary>False turns every policy into a no-op (load tests).</summary>
    public bool Enabled { get; set; } = true;

    public int WindowSeconds { get; set; } = 60;

    public int LoginPermitLimit { get; set; } = 10;

    public int AuthPermitLimit { get; set; } = 30;

    public int PerIpPermitLimit { get; set; } = 600;

    public int PerUserPermitLimit { get; set; } = 300;
}

public sealed class CorsSettings
{
    public string[] AllowedOrigins { get; set; } = [];
}

public sealed class LimitsOptions
{
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
}

public sealed class PasswordResetOptions
{
    public int TokenMinutes { get; set; } = 30;
}

public sealed class SmtpOptions
{
    /// <summary>When empty, mail stays in the outbox table only.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    public bool EnableSsl { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "no-reply@storefront.local";
}

public sealed class DatabaseOptions
{
    /// <summary>
    /// When the model no longer matches the database created earlier, drop and recreate it.
    /// Defaults to true in Development only (see DatabasePreparation).
    /// </summary>
    public bool? RecreateOnSchemaChange { get; set; }
}
