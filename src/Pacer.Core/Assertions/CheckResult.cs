namespace Pacer.Core.Assertions;

/// <summary>
/// Whether an actual value satisfies an operator against an expected value. <see cref="Problem"/> is set
/// when the check could not be carried out as asked (wrong types, a bad pattern); such a check never passes.
/// </summary>
internal sealed record CheckResult(bool Passed, string? Problem = null)
{
    public static CheckResult Pass { get; } = new(true);

    public static CheckResult Fail { get; } = new(false);

    public static CheckResult Of(bool passed) => passed ? Pass : Fail;

    public static CheckResult Cannot(string problem) => new(false, problem);
}
