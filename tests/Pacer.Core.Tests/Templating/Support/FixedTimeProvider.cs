namespace Pacer.Core.Tests.Templating.Support;

/// <summary>A clock stopped at one instant, so time-based built-ins have exact expected values.</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
