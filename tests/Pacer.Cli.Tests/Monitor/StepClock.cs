namespace Pacer.Cli.Tests.Monitor;

/// <summary>A clock that stands still until the test moves it (only <see cref="GetUtcNow"/> is needed here).</summary>
internal sealed class StepClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = new(2026, 11, 22, 4, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
