using Pacer.Contracts.Generation;
using Pacer.Contracts.Probing.Evidence;

namespace Pacer.Contracts.Probing.Checks;

/// <summary>
/// Markup injection (reflected XSS): a <c>&lt;script&gt;</c> element with a unique marker in every input. Coming back
/// unescaped in an HTML answer is confirmed with a second, different marker.
/// </summary>
public sealed class MarkupInjectionCheck : IProbeCheck
{
    public string Name => "markup-injection";

    public OwaspCategory Category => OwaspCategory.Injection;

    public string Description => "<script> with a unique marker in each input: a finding when an HTML answer carries it unescaped, twice";

    public async Task RunAsync(ProbeSession session, IReadOnlyList<ApiOperation> operations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        foreach (var (operation, slot) in InjectionTargets.Slots(operations).Where(s => s.Slot.IsString))
        {
            var first = Script();
            var exchange = await InjectionTargets.SendAsync(session, operation, slot, first, cancellationToken).ConfigureAwait(false);
            if (exchange is null)
            {
                return;
            }

            if (!ResponseEvidence.ReflectsUnescaped(exchange.Response, first))
            {
                continue;
            }

            var second = Script();
            var again = await InjectionTargets.SendAsync(session, operation, slot, second, cancellationToken).ConfigureAwait(false);
            if (again is not null && ResponseEvidence.ReflectsUnescaped(again.Response, second))
            {
                session.Report(this.Finding(FindingSeverity.High, exchange, $"markup in {slot.Name} reflected unescaped in HTML",
                    "the text escaped (&lt;script&gt;) or a non-HTML answer", $"{exchange.Response.Describe()} containing {first}",
                    new FindingConfirmation($"a second marker came back unescaped too: {second}", again),
                    "body not contains \"<script>\""));
            }
        }
    }

    private static string Script() => $"<script>alert('pacer-{Guid.NewGuid().ToString("N")[..8]}')</script>";
}
