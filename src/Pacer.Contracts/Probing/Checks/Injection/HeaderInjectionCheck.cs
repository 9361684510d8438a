using Pacer.Contracts.Generation;

namespace Pacer.Contracts.Probing.Checks;

/// <summary>
/// Header injection (CRLF): a line break followed by a header of our own in every parameter and string field. The
/// header appearing in the answer is confirmed by a second send with another value.
/// </summary>
public sealed class HeaderInjectionCheck : IProbeCheck
{
    public const string InjectedHeader = "X-Pacer-Injected";

    public string Name => "header-injection";

    public OwaspCategory Category => OwaspCategory.Injection;

    public string Description => "CR LF and a header of our own in each input: a finding when that header comes back, twice";

    public async Task RunAsync(ProbeSession session, IReadOnlyList<ApiOperation> operations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        foreach (var (operation, slot) in InjectionTargets.Slots(operations).Where(s => s.Slot.Location != SlotLocation.Header))
        {
            var exchange = await InjectionTargets.SendAsync(session, operation, slot, $"pacer\r\n{InjectedHeader}: 1", cancellationToken).ConfigureAwait(false);
            if (exchange is null)
            {
                return;
            }

            if (exchange.Response.Header(InjectedHeader) is null)
            {
                continue;
            }

            var again = await InjectionTargets.SendAsync(session, operation, slot, $"pacer\r\n{InjectedHeader}: 2", cancellationToken).ConfigureAwait(false);
            if (again?.Response.Header(InjectedHeader) == "2")
            {
                session.Report(this.Finding(FindingSeverity.High, exchange, $"line break in {slot.Name} split the answer's headers",
                    $"no {InjectedHeader} header", $"{InjectedHeader}: {exchange.Response.Header(InjectedHeader)}",
                    new FindingConfirmation($"with another value the header came back as {InjectedHeader}: 2", again),
                    $"header.{InjectedHeader} not exists"));
            }
        }
    }
}
