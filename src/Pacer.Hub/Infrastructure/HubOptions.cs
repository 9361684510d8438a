namespace Pacer.Hub.Infrastructure;

/// <summary>Everything under the <c>Hub</c> configuration section (docs/hub.md lists each setting).</summary>
public sealed class HubOptions
{
    public const string SectionName = "Hub";

    /// <summary>Where the embedded SQLite database and the Development signing key live.</summary>
    public string DataDirectory { get; set; } = "./data";

    public HubAuthOptions Auth { get; set; } = new();

    public HubRateLimitOptions RateLimiting { get; set; } = new();

    public HubRetentionOptions Retention { get; set; } = new();

    public HubMonitorOptions Monitors { get; set; } = new();

    public HubSmtpOptions Smtp { get; set; } = new();

    /// <summary>Largest accepted request body (a result file with its histograms is typically 50-500 KiB).</summary>
    public long MaxRequestBodyBytes { get; set; } = 16 * 1024 * 1024;
}

public sealed class HubAuthOptions
{
    /// <summary>HS256 key, at least 32 bytes. Development generates one in the data directory.</summary>
    public string? SigningKey { get; set; }

    public string Issuer { get; set; } = "pacer-hub";

    public string Audience { get; set; } = "pacer-hub-api";

    public int AccessTokenMinutes { get; set; } = 15;

    public int RefreshTokenDays { get; set; } = 14;

    /// <summary>
    /// A login with a username nobody registered creates that user (kest's local trial platform does
    /// this). Development only: the Hub refuses to start with it anywhere else.
    /// </summary>
    public bool AutoSignUp { get; set; }

    public int MinimumPasswordLength { get; set; } = 8;
}

public sealed class HubRateLimitOptions
{
    public bool Enabled { get; set; } = true;

    public int WindowSeconds { get; set; } = 60;

    /// <summary>Login and sign-up attempts per client address and window.</summary>
    public int LoginPermitLimit { get; set; } = 20;
}

public sealed class HubRetentionOptions
{
    /// <summary>Runs older than this many days are deleted (a project's baseline is kept); 0 keeps everything.</summary>
    public int RunDays { get; set; } = 90;

    /// <summary>Monitor checks older than this many days are deleted; 0 keeps everything.</summary>
    public int CheckDays { get; set; } = 30;

    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);
}

public sealed class HubMonitorOptions
{
    /// <summary>False stops the scheduler (the API still stores monitors).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the scheduler looks for due monitors.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public int MaxConcurrentChecks { get; set; } = 4;

    public TimeSpan CheckTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Destinations a monitor may not reach (the Hub's own network policy), as host names or addresses; empty allows all.</summary>
    public string[] AllowedTargetHosts { get; set; } = [];
}

public sealed class HubSmtpOptions
{
    /// <summary>When empty, e-mail channels record a delivery failure instead of sending.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    public bool EnableSsl { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "pacer-hub@localhost";
}
