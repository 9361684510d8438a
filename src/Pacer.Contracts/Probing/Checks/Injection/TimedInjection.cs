using System.Globalization;
using Pacer.Contracts.Generation;

namespace Pacer.Contracts.Probing.Checks;

/// <summary>
/// The time-based test shared by SQL and command injection: a payload asking for a delay must come back at least that
/// late, the same payload asking for none must come back at the normal pace, and the delay must show again.
/// </summary>
internal static class TimedInjection
{
    /// <summary>True when a confirmed finding was reported, false when not, null once the budget is spent.</summary>
    public static async Task<bool?> TryAsync(
        IProbeCheck check, ProbeSession session, ApiOperation operation, InputSlot slot, Func<int, string> payload, TimeSpan delay, string title,
        CancellationToken cancellationToken)
    {
        var seconds = Math.Max(1, (int)Math.Round(delay.TotalSeconds));
        var wait = TimeSpan.FromSeconds(seconds);
        var slow = await InjectionTargets.SendAsync(session, operation, slot, payload(seconds), cancellationToken).ConfigureAwait(false);
        if (slow is null)
        {
            return null;
        }

        if (slow.Response.Elapsed < wait * 0.9)
        {
            return false;
        }

        var fast = await InjectionTargets.SendAsync(session, operation, slot, payload(0), cancellationToken).ConfigureAwait(false);
        if (fast is null)
        {
            return null;
        }

        if (fast.Response.Elapsed > slow.Response.Elapsed - (wait * 0.7))
        {
            return false;
        }

        var again = await session.ResendAsync(slow, cancellationToken).ConfigureAwait(false);
        if (again is null)
        {
            return null;
        }

        if (again.Response.Elapsed < wait * 0.9)
        {
            return false;
        }

        session.Report(check.Finding(FindingSeverity.Critical, slow, title,
            $"the text taken as data: no {seconds} s delay",
            string.Create(CultureInfo.InvariantCulture, $"{slow.Response.Describe()} after {slow.Response.Elapsed.TotalMilliseconds:F0} ms (asked for {seconds} s)"),
            new FindingConfirmation(string.Create(CultureInfo.InvariantCulture,
                $"the same payload asking for 0 s answered in {fast.Response.Elapsed.TotalMilliseconds:F0} ms; for {seconds} s again in {again.Response.Elapsed.TotalMilliseconds:F0} ms"), again),
            string.Create(CultureInfo.InvariantCulture, $"duration < {seconds * 1000 / 2}ms")));
        return true;
    }
}
