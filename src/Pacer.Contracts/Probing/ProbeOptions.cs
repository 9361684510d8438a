namespace Pacer.Contracts.Probing;

/// <summary>How a probe run talks to the API and how far it may go.</summary>
public sealed record ProbeOptions
{
    /// <summary>Where the document's paths are appended (loopback only).</summary>
    public required Uri BaseUrl { get; init; }

    /// <summary>Bearer tokens of logged-in users: the first makes secured calls; with two, object-level checks run.</summary>
    public IReadOnlyList<string> Tokens { get; init; } = [];

    /// <summary>Every request the probe sends counts against this.</summary>
    public int MaxRequests { get; init; } = 2000;

    /// <summary>The most requests one rate-limit burst sends, whatever limit the document states.</summary>
    public int MaxBurst { get; init; } = 100;

    /// <summary>
    /// The server's HMAC signing key, when known (a test configuration): expired tokens are then signed
    /// with it, so the check isolates expiry from signature. Without it they carry a wrong signature too.
    /// </summary>
    public string? SigningKey { get; init; }

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
