namespace Pacer.Core.Plan;

/// <summary>A period over which a level (VUs, or iterations per second) moves linearly from <see cref="From"/> to <see cref="To"/>.</summary>
public sealed record Stage(TimeSpan Duration, double From, double To)
{
    /// <summary>The level <paramref name="offset"/> into this stage.</summary>
    public double LevelAt(TimeSpan offset) =>
        Duration <= TimeSpan.Zero ? To : From + ((To - From) * Math.Clamp(offset / Duration, 0, 1));
}
