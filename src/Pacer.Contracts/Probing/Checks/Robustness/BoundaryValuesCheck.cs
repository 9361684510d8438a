using Pacer.Contracts.Generation;

namespace Pacer.Contracts.Probing.Checks;

/// <summary>
/// Robustness: values exactly at the schema's limits — the minimum and maximum, an empty string where allowed,
/// unicode text of exactly maxLength, a thousand characters of unicode (with emoji) where unbounded. The API may
/// accept or refuse them but must not fail: a 5xx is a finding, confirmed by a repeat against the valid request.
/// </summary>
public sealed class BoundaryValuesCheck : IProbeCheck
{
    public string Name => "boundary-values";

    public OwaspCategory Category => OwaspCategory.Robustness;

    public string Description => "minimum, maximum, empty and maxLength unicode values: a finding on a 5xx";

    public async Task RunAsync(ProbeSession session, IReadOnlyList<ApiOperation> operations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(operations);
        foreach (var operation in operations)
        {
            foreach (var slot in InputSlot.For(operation))
            {
                foreach (var (value, _, what) in EdgeValues.Boundaries(slot.Schema).Where(b => b.Inside))
                {
                    var draft = session.Draft(operation);
                    slot.Set(draft, value);
                    if (!await RobustnessProbe.SendAsync(this, session, operation, $"{what} in {slot.Name}", draft, mustReject: false, cancellationToken).ConfigureAwait(false))
                    {
                        return;
                    }
                }
            }
        }
    }
}
