using Pacer.Contracts.Generation;
using Pacer.Contracts.Probing.Tokens;

namespace Pacer.Contracts.Probing.Checks;

/// <summary>
/// API2: the first user's claims, expired an hour ago and correctly signed — with the key given by
/// <c>--signing-key</c> or cracked by weak-jwt-secret. Without a key the check does not run: an expired token with
/// a wrong signature would say nothing about expiry. Confirmed when the same claims signed with a random key are refused.
/// </summary>
public sealed class ExpiredTokenCheck : IProbeCheck
{
    public string Name => "expired-token";

    public OwaspCategory Category => OwaspCategory.Authentication;

    public string Description => "the user's JWT expired an hour ago, signed with the known or cracked key: a finding on a 2xx";

    public async Task RunAsync(ProbeSession session, IReadOnlyList<ApiOperation> operations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (TokenTargets.OwnerJwt(this, session) is not { } token)
        {
            return;
        }

        if (session.SigningKey is not { } key)
        {
            session.NotRun(Name, "it needs the server's signing key (--signing-key, or one weak-jwt-secret cracks) to sign an expired token correctly");
            return;
        }

        await TokenTargets.TryAsync(this, session, operations, TokenForgery.Expired(token, key), TokenForgery.Resigned(token),
            "an expired token", FindingSeverity.High, cancellationToken).ConfigureAwait(false);
    }
}
