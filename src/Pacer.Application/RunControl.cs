namespace Pacer.Application;

/// <summary>
/// How an operator stops a run: <see cref="Stop"/> (the first Ctrl-C or SIGTERM) ends the starting of
/// new work and lets requests in flight finish within the drain timeout; <see cref="Abort"/> (the second)
/// cancels them at once. Either way the run returns what it measured, and reports are still written.
/// </summary>
public sealed record RunControl(CancellationToken Stop, CancellationToken Abort)
{
    public static RunControl None { get; } = new(CancellationToken.None, CancellationToken.None);

    /// <summary>One token for both: cancelling it stops and aborts at once (a library caller's timeout).</summary>
    public static RunControl From(CancellationToken token) => new(token, token);
}
