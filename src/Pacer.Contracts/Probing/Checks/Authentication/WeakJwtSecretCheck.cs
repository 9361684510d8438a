using Pacer.Contracts.Generation;
using Pacer.Contracts.Probing.Tokens;

namespace Pacer.Contracts.Probing.Checks;

/// <summary>
/// API2: a dictionary of common JWT secrets (and words of the API's title) tried offline against the first user's
/// HMAC-signed token — no request. A key that reproduces the signature is confirmed by a request: the user's claims
/// signed with that key are accepted where the same claims signed with a random key are refused. The key is then
/// used by expired-token.
/// </summary>
public sealed class WeakJwtSecretCheck : IProbeCheck
{
    public string Name => "weak-jwt-secret";

    public OwaspCategory Category => OwaspCategory.Authentication;

    public string Description => "common JWT secrets tried offline against the captured token; a cracked key confirmed by a forged request";

    public async Task RunAsync(ProbeSession session, IReadOnlyList<ApiOperation> operations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(operations);
        if (session.Phase != ProbePhase.Regular)
        {
            return; // once per run, on the regular operations
        }

        if (TokenTargets.OwnerJwt(this, session) is not { } token)
        {
            return;
        }

        if (TokenForgery.Algorithm(token) is not ("HS256" or "HS384" or "HS512") and var algorithm)
        {
            session.NotRun(Name, $"the token is signed with {algorithm ?? "an unknown algorithm"}, not an HMAC");
            return;
        }

        var title = session.Spec.Document.Info?.Title ?? "";
        var titleWords = title.Split([' ', '-', '_', '.', '(', ')'], StringSplitOptions.RemoveEmptyEntries).SelectMany(w => new[] { w, w.ToLowerInvariant() });
        if (JwtSecretCracker.Crack(token, [.. CommonJwtSecrets.All, .. titleWords, title, title.ToLowerInvariant()]) is not { } key)
        {
            return;
        }

        session.SigningKey ??= key;
        if (TokenTargets.Accepting(session, operations) is not [var target, ..])
        {
            session.Note(Name, $"the token's key is \"{key}\", but no secured operation answered the first user with a 2xx to confirm it on");
            return;
        }

        var forged = await SendAsync(session, target, TokenForgery.SignedWith(token, key), cancellationToken).ConfigureAwait(false);
        var control = await SendAsync(session, target, TokenForgery.Resigned(token), cancellationToken).ConfigureAwait(false);
        if (forged is { Response.IsSuccess: true } && control is { Response.IsSuccess: false })
        {
            session.Report(this.Finding(FindingSeverity.Critical, forged, $"the JWT signing key is a common secret: \"{key}\"",
                "a random key of at least 256 bits", $"a token signed offline with \"{key}\" was accepted: {forged.Response.Describe()}",
                new FindingConfirmation($"the key reproduces the captured token's signature (no request); the same claims signed with a random key were refused: {control.Response.Describe()}", control),
                CheckFindings.StatusIn(401)));
        }
    }

    private static async Task<Exchange?> SendAsync(ProbeSession session, ApiOperation operation, string token, CancellationToken cancellationToken)
    {
        var draft = session.Draft(operation);
        draft.SetHeader("Authorization", "Bearer " + token);
        return await session.SendAsync(operation, draft, null, Traffic.Attack, cancellationToken).ConfigureAwait(false);
    }
}
