using Pacer.Contracts.Generation;

namespace Pacer.Contracts.Probing.Checks;

/// <summary>
/// OS command injection, time-based: the valid value followed by a shell command that sleeps
/// (<c>;sleep N;#</c>, <c>|sleep N</c>, <c>$(sleep N)</c>) in every string input. A late answer is confirmed by the
/// same payload sleeping 0 s (fast) and N s again (late again).
/// </summary>
public sealed class CommandInjectionCheck : IProbeCheck
{
    private static readonly string[] Payloads = [";sleep {0};#", "|sleep {0} #", "$(sleep {0})"];

    public string Name => "command-injection";

    public OwaspCategory Category => OwaspCategory.Injection;

    public string Description => "shell sleep commands appended to each string input: a finding when the answer is late by the delay, twice, and not without it";

    public async Task RunAsync(ProbeSession session, IReadOnlyList<ApiOperation> operations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        foreach (var (operation, slot) in InjectionTargets.Slots(operations).Where(s => s.Slot.IsString))
        {
            var valid = InjectionTargets.ValidValue(session, operation, slot) ?? "pacer";
            foreach (var payload in Payloads)
            {
                var outcome = await TimedInjection.TryAsync(this, session, operation, slot,
                    seconds => valid + string.Format(System.Globalization.CultureInfo.InvariantCulture, payload, seconds),
                    session.Options.InjectedDelay, $"shell command in {slot.Name} ran on the server", cancellationToken).ConfigureAwait(false);
                if (outcome is null)
                {
                    return;
                }

                if (outcome.Value)
                {
                    break;
                }
            }
        }
    }
}
