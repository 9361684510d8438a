namespace Pacer.Contracts.Probing;

/// <summary>How a probe run talks to the API, as whom, what it probes and how far it may go.</summary>
public sealed record ProbeOptions
{
    /// <summary>Where the document's paths are appended.</summary>
    public required Uri BaseUrl { get; init; }

    /// <summary>
    /// Attack traffic to a host that is not this machine is sent only when the user confirmed it
    /// (<c>--allow-remote</c>); loopback targets need no confirmation.
    /// </summary>
    public bool AllowRemote { get; init; }

    /// <summary>Logged-in users: the first makes secured calls and owns what it creates; the second attacks it.</summary>
    public IReadOnlyList<ProbeUser> Users { get; init; } = [];

    /// <summary>An administrator, when given: admin-only operations are then confirmed against what it may do.</summary>
    public ProbeUser? Admin { get; init; }

    /// <summary>Every request the probe sends counts against this.</summary>
    public int MaxRequests { get; init; } = 2000;

    /// <summary>The most requests one rate-limit or brute-force burst sends.</summary>
    public int MaxBurst { get; init; } = 100;

    /// <summary>
    /// The server's HMAC signing key, when known (a test configuration): expired tokens are then signed with it,
    /// so the check isolates expiry from signature. A key the weak-secret check cracks is used the same way.
    /// </summary>
    public string? SigningKey { get; init; }

    /// <summary>Operations to probe (operationId, <c>METHOD /path</c>, <c>/path</c> or <c>tag:NAME</c>; <c>*</c> matches anything); empty: all.</summary>
    public IReadOnlyList<string> Include { get; init; } = [];

    /// <summary>Operations never to call, in the same forms as <see cref="Include"/>.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>The checks to run by name; empty: all of them.</summary>
    public IReadOnlyList<string> Checks { get; init; } = [];

    /// <summary>Checks not to run, by name.</summary>
    public IReadOnlyList<string> SkipChecks { get; init; } = [];

    /// <summary>How long the time-based injection payloads ask the server to sleep.</summary>
    public TimeSpan InjectedDelay { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Where the run says what it is doing (each check as it starts); null: silent.</summary>
    public TextWriter? Progress { get; init; }

    /// <summary>Also write every request and its status to <see cref="Progress"/>.</summary>
    public bool LogRequests { get; init; }
}
