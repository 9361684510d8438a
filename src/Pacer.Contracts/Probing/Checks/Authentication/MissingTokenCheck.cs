using Pacer.Contracts.Generation;
using Pacer.Contracts.Probing.Requests;

namespace Pacer.Contracts.Probing.Checks;

/// <summary>
/// API2: every operation the document secures, sent without credentials (no Authorization header; destructive ones
/// with an identifier nobody has). A 2xx is a finding once a repeat answers 2xx again; per operation, since a missing
/// authentication requirement is a per-endpoint mistake.
/// </summary>
public sealed class MissingTokenCheck : IProbeCheck
{
    public string Name => "missing-token";

    public OwaspCategory Category => OwaspCategory.Authentication;

    public string Description => "each secured operation without credentials: a finding on a 2xx";

    public bool RunsOnDestructive => true;

    public async Task RunAsync(ProbeSession session, IReadOnlyList<ApiOperation> operations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(operations);
        foreach (var operation in operations.Where(session.IsSecured))
        {
            var draft = session.Draft(operation, null);
            if (Selection.OperationTraits.IsDestructive(operation))
            {
                foreach (var slot in InputSlot.For(operation).Where(s => s.Location == SlotLocation.Path))
                {
                    slot.Set(draft, System.Text.Json.Nodes.JsonValue.Create(ProbeDrafts.UnknownValue(slot.Schema)));
                }
            }

            var exchange = await session.SendAsync(operation, draft, null, Traffic.Attack, cancellationToken).ConfigureAwait(false);
            if (exchange is null)
            {
                return;
            }

            if (!exchange.Response.IsSuccess)
            {
                continue;
            }

            if (await session.ResendAsync(exchange, cancellationToken).ConfigureAwait(false) is { Response.IsSuccess: true } again)
            {
                session.Report(this.Finding(FindingSeverity.Critical, exchange, "answered without credentials", "401", exchange.Response.Describe(),
                    new FindingConfirmation($"the same request again, still without a token: {again.Response.Describe()}", again),
                    CheckFindings.StatusIn(401)));
            }
        }
    }
}
