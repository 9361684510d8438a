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

    /// <summary>
    /// Requests allowed to wait for a slot; one more is refused at once. 0 by default: a request is admitted or
    /// refused when it arrives, and never waits to learn which.
    /// </summary>
    public int QueueLimit { get; set; }

    /// <summary>How long a request may wait for a slot before it is refused; longer waits are past any SLA anyway.</summary>
    public TimeSpan QueueTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Refuse new requests while work waits longer than this for a thread (<see cref="SchedulingDelayProbe"/>): the
    /// server is then past capacity even if fewer than <see cref="MaxConcurrentRequests"/> are in progress, because
    /// the wait happens before a request reaches any middleware. 25 ms keeps /health (exempt, but waiting in the same
    /// queue) under 50 ms; zero turns the check off.
    /// </summary>
    public TimeSpan MaxQueueDelay { get; set; } = TimeSpan.FromMilliseconds(25);

    /// <summary>The Retry-After sent with 503: a queue drains in well under a second once load eases.</summary>
    public int RetryAfterSeconds { get; set; } = 1;
}
