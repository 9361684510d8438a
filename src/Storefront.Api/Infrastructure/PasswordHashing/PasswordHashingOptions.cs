namespace Storefront.Api.Infrastructure.PasswordHashing;

/// <summary>
/// <c>Storefront:PasswordHashing</c>: the cost of one password hash and how many may run at once.
/// Hashing is slow on purpose (it is what makes a stolen hash expensive to crack), so it is also what
/// a burst of logins could use to take every core from every other endpoint; see docs/storefront.md.
/// </summary>
public sealed class PasswordHashingOptions
{
    public const string Section = "Storefront:PasswordHashing";

    /// <summary>
    /// PBKDF2-HMAC-SHA512 iterations for new hashes (ASP.NET Core Identity's v3 format, which records the
    /// count in each hash, so older hashes still verify and are upgraded at the next login). 210,000 is
    /// OWASP's Password Storage Cheat Sheet figure for PBKDF2-HMAC-SHA512.
    /// </summary>
    public int Iterations { get; set; } = 210_000;

    /// <summary>Hashes computed at the same time; 0 means one per CPU the process may use.</summary>
    public int MaxConcurrent { get; set; }

    /// <summary>Requests allowed to wait for a hashing slot; one more is refused at once with 503.</summary>
    public int QueueLimit { get; set; } = 8;

    /// <summary>The Retry-After sent with that 503.</summary>
    public int RetryAfterSeconds { get; set; } = 1;

    public int EffectiveMaxConcurrent => MaxConcurrent > 0 ? MaxConcurrent : Environment.ProcessorCount;
}
