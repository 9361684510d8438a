using Pacer.Contracts.Generation;
using Pacer.Contracts.Probing.Tokens;

namespace Pacer.Contracts.Probing.Checks;

/// <summary>
/// API2: the first user's claims in an unsigned token (<c>alg: none</c>). Confirmed when the same claims signed with a
/// random key are refused — so the server checks signatures, except when told there is none.
/// </summary>
public sealed class AlgNoneTokenCheck : IProbeCheck
{
    public string Name => "alg-none-token";

    public OwaspCategory Category => OwaspCategory.Authentication;

    public string Description => "the user's claims with alg: none and no signature: a finding on a 2xx";

    public async Task RunAsync(ProbeSession session, IReadOnlyList<ApiOperation> operations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (TokenTargets.OwnerJwt(this, session) is { } token)
        {
            await TokenTargets.TryAsync(this, session, operations, TokenForgery.AlgNone(token), TokenForgery.Resigned(token),
                "an unsigned token (alg: none)", FindingSeverity.Critical, cancellationToken).ConfigureAwait(false);
        }
    }
}
