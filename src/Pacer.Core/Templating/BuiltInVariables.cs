namespace Pacer.Core.Templating;

/// <summary>
/// The <c>{{$name}}</c> values: <c>$timestamp</c>, <c>$timestampMs</c>/<c>$unixMs</c>, <c>$uuid</c>,
/// <c>$randomInt</c>, <c>$randomInt(a,b)</c>, <c>$randomString(n)</c>, <c>$randomEmail</c>,
/// <c>$isoDate</c>, <c>$env.NAME</c>. Clock, randomness and environment are injected so tests are exact.
/// </summary>
public sealed class BuiltInVariables(TimeProvider clock, Random random, Func<string, string?> environment)
{
    public static BuiltInVariables CreateDefault() =>
        new(TimeProvider.System, Random.Shared, System.Environment.GetEnvironmentVariable);

    public TimeProvider Clock { get; } = clock;

    public Random Random { get; } = random;

    public Func<string, string?> Environment { get; } = environment;
}
