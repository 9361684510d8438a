namespace Storefront.Api.Infrastructure.PasswordHashing;

/// <summary>
/// <c>Storefront:PasswordHashing</c>: the cost of one password hash and how many may be in progress.
/// Hashing is slow on purpose (it is what makes a stolen hash expensive to crack), so it is also what
/// a burst of logins could use to take every core from every other endpoint; see docs/storefront.md.
/// </summary>
public sealed class PasswordHashingOptions
{
    public const string Section = "Storefront:PasswordHashing";

    /// <summary>
    /// Argon2id memory in KiB. 12,288 KiB (12 MiB) with <see cref="TimeCost"/> 3 and <see cref="Parallelism"/> 1 is
    /// one of the equivalent configurations OWASP's Password Storage Cheat Sheet lists for Argon2id (m=12288, t=3, p=1).
    /// Every hash records its own parameters, so a change here upgrades older hashes at their next login.
    /// </summary>
    public int MemoryKib { get; set; } = 12_288;

    /// <summary>Argon2id passes over the memory (t).</summary>
    public int TimeCost { get; set; } = 3;

    /// <summary>Argon2id lanes (p). One: more would only take more cores per login.</summary>
    public int Parallelism { get; set; } = 1;

    /// <summary>Hashes computed at the same time, each on its own hashing thread; 0 means one per CPU the process may use.</summary>
    public int MaxConcurrent { get; set; }

    /// <summary>Requests admitted beyond those being hashed (they wait for a hashing thread); one more is refused at once with 503.</summary>
    public int QueueLimit { get; set; } = 8;

    /// <summary>The Retry-After sent with that 503.</summary>
    public int RetryAfterSeconds { get; set; } = 1;

    public int EffectiveMaxConcurrent => MaxConcurrent > 0 ? MaxConcurrent : Environment.ProcessorCount;
}
