namespace Pacer.Testing;

/// <summary>
/// Thrown by <see cref="FlowResult.ShouldPass"/>. Deliberately not tied to any test framework: every
/// runner reports an unexpected exception as a failure, with this message (the CLI's text) shown.
/// </summary>
public sealed class FlowFailedException(FlowResult result)
    : Exception($"Flow {result.Path} failed: {result.Run.FailedCount} step(s) failed, {result.Run.SkippedCount} skipped."
        + Environment.NewLine + Environment.NewLine + result.Report())
{
    public FlowResult Result { get; } = result;
}
