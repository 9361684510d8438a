namespace Storefront.Api.Infrastructure.Overload;

/// <summary>
/// <c>Storefront:Overload</c>: the global bound on work in progress. Past it Storefront answers
/// 503 with Retry-After at once, instead of letting every request slow down until clients time out.
/// </summary>
public sealed class OverloadOptions
{
    public const string Section = "Storefront:Overload";

    /// <summary>False removes the bound (rate limits per client still apply).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Requests served at the same time. A 2-core machine gains nothing from more: beyond this the
    /// database and the thread pool only interleave the same work, and every request gets slower.
    /// </summary>
    public int MaxConcurrentRequests { get; set; } = 64;

    /// <summary>Requests allowed to wait for a slot; one more is refused at once.</summary>
    public int QueueLimit { get; set; } = 512;

    /// <summary>How long a request may wait for a slot before it is refused; longer waits are past any SLA anyway.</summary>
    public TimeSpan QueueTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The Retry-After sent with 503: a queue drains in well under a second once load eases.</summary>
    public int RetryAfterSeconds { get; set; } = 1;
}
