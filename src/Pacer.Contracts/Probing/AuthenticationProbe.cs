using Pacer.Contracts.Generation;

namespace Pacer.Contracts.Probing;

/// <summary>
/// On every operation the document secures: no token, a malformed one, and — from a logged-in user's
/// JWT — an expired one, one re-signed with another key and one with <c>alg: none</c>. Each must be
/// refused with 401; any 2xx is a finding.
/// </summary>
public static class AuthenticationProbe
{
    public static async Task RunAsync(ProbeSession session, ApiOperation operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(operation);
        if (!session.IsSecured(operation))
        {
            return;
        }

        foreach (var (variant, token, severity) in Variants(session))
        {
            var draft = session.Draft(operation, null);
            draft.SetHeader("Authorization", token is null ? null : "Bearer " + token);
            var (request, response) = await session.SendAsync(operation, draft, cancellationToken).ConfigureAwait(false);
            if (response is null)
            {
                return;
            }

            if (response.IsSuccess)
            {
                session.Report(new ProbeFinding(FindingKind.Authentication, severity, operation.Label, $"accepted {variant}", "401", response.Describe(), request));
            }
        }
    }

    private static IEnumerable<(string Variant, string? Token, FindingSeverity Severity)> Variants(ProbeSession session)
    {
        yield return ("a request without a token", null, FindingSeverity.Critical);
        yield return ("a malformed token", TokenForgery.Malformed, FindingSeverity.Critical);
        if (session.PrimaryToken is { } token && TokenForgery.IsJwt(token))
        {
            yield return ("an expired token", TokenForgery.Expired(token, session.Options.SigningKey), FindingSeverity.High);
            yield return ("a token re-signed with another key", TokenForgery.Resigned(token), FindingSeverity.Critical);
            yield return ("an unsigned token (alg: none)", TokenForgery.AlgNone(token), FindingSeverity.Critical);
        }
    }
}
