using Pacer.Contracts.Generation;
using Pacer.Contracts.Probing.Tokens;

namespace Pacer.Contracts.Probing.Checks;

/// <summary>
/// API2: the first user's JWT with its claims intact, re-signed with a random key — a server that does not verify
/// signatures accepts it. Confirmed when the same request without a token is refused.
/// </summary>
public sealed class ForeignKeyTokenCheck : IProbeCheck
{
    public string Name => "foreign-key-token";

    public OwaspCategory Category => OwaspCategory.Authentication;

    public string Description => "the user's JWT re-signed with a random key: a finding on a 2xx (no signature check)";

    public async Task RunAsync(ProbeSession session, IReadOnlyList<ApiOperation> operations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (TokenTargets.OwnerJwt(this, session) is { } token)
        {
            await TokenTargets.TryAsync(this, session, operations, TokenForgery.Resigned(token), control: null,
                "a token signed with a key the server never issued", FindingSeverity.Critical, cancellationToken).ConfigureAwait(false);
        }
    }
}
