using System.Text.Json.Nodes;
using Pacer.Contracts.Generation;
using Pacer.Contracts.Probing.Selection;
using Pacer.Contracts.Probing.Tokens;

namespace Pacer.Contracts.Probing.Checks;

/// <summary>
/// API2: a token must stop working when its session is logged out. The first user logs in again (a fresh session, so
/// the run's own token stays valid), the fresh token reads a secured operation (2xx), the logout operation is called
/// with it (its body filled from the fresh login's answer, e.g. the refresh token), and the read is sent again. A 2xx
/// is confirmed by sending it once more and by the same read with a token signed by a random key being refused.
/// </summary>
public sealed class LoggedOutTokenCheck : IProbeCheck
{
    public string Name => "logged-out-token";

    public OwaspCategory Category => OwaspCategory.Authentication;

    public string Description => "log in afresh, log out, reuse the token: a finding when it still works";

    public async Task RunAsync(ProbeSession session, IReadOnlyList<ApiOperation> operations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(operations);
        if (session.Phase != ProbePhase.Regular)
        {
            return; // once per run, on the regular operations
        }

        var logout = session.SessionEnding.Count > 0 ? session.SessionEnding[0] : null;
        if (logout is null)
        {
            session.NotRun(Name, "the document has no logout operation");
            return;
        }

        if (session.Owner is not { Relogin: { } relogin } owner)
        {
            session.NotRun(Name, "it needs a login flow (--login) to open a fresh session");
            return;
        }

        var read = operations.Where(o => OperationTraits.IsSafeMethod(o) && session.IsSecured(o) && session.Baseline(o, owner) is { Response.IsSuccess: true })
            .OrderBy(o => o.Path.Count(c => c == '{')).FirstOrDefault();
        if (read is null)
        {
            session.NotRun(Name, "no secured read answered the first user with a 2xx");
            return;
        }

        ProbeUser fresh;
        try
        {
            fresh = await relogin(cancellationToken).ConfigureAwait(false);
        }
        catch (ProbeInputException exception)
        {
            session.NotRun(Name, $"logging in again failed ({exception.Message})");
            return;
        }

        var before = await SendAsync(session, read, fresh.Token, cancellationToken).ConfigureAwait(false);
        if (before is not { Response.IsSuccess: true })
        {
            session.NotRun(Name, $"the fresh session's token got {before?.Response.Describe() ?? "no answer"} on {read.Label}");
            return;
        }

        var logoutDraft = session.Draft(logout, fresh);
        logoutDraft.SetHeader("Authorization", "Bearer " + fresh.Token);
        FillFrom(fresh.LoginResponse, logoutDraft, logout);
        var loggedOut = await session.SendAsync(logout, logoutDraft, fresh, Traffic.Confirmation, cancellationToken).ConfigureAwait(false);
        if (loggedOut is not { Response.IsSuccess: true })
        {
            session.Note(Name, $"not judged: {logout.Label} answered {loggedOut?.Response.Describe() ?? "nothing"} to the fresh session's logout");
            return;
        }

        var after = await SendAsync(session, read, fresh.Token, cancellationToken).ConfigureAwait(false);
        if (after is not { Response.IsSuccess: true })
        {
            return;
        }

        var again = await session.ResendAsync(after, cancellationToken).ConfigureAwait(false);
        var forged = await SendAsync(session, read, TokenForgery.IsJwt(fresh.Token) ? TokenForgery.Resigned(fresh.Token) : TokenForgery.Malformed, cancellationToken).ConfigureAwait(false);
        if (again is { Response.IsSuccess: true } && forged is { Response.IsSuccess: false })
        {
            session.Report(this.Finding(FindingSeverity.High, after, "a token still works after its session logged out",
                "401 once the session is logged out", $"{after.Response.Describe()} after {logout.Label} answered {loggedOut.Response.Describe()}",
                new FindingConfirmation($"again: {again.Response.Describe()}; the same read with a forged token: {forged.Response.Describe()}", again),
                CheckFindings.StatusIn(401)));
        }
    }

    private static async Task<Exchange?> SendAsync(ProbeSession session, ApiOperation operation, string token, CancellationToken cancellationToken)
    {
        var draft = session.Draft(operation, session.Owner);
        draft.SetHeader("Authorization", "Bearer " + token);
        return await session.SendAsync(operation, draft, null, Traffic.Attack, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Body fields of the logout named like fields of the login's answer (<c>refreshToken</c>) get those values.</summary>
    private static void FillFrom(JsonNode? login, RequestDraft draft, ApiOperation logout)
    {
        if (login is not JsonObject answer || draft.Body is not JsonObject body || logout.JsonRequestBody is not { } media)
        {
            return;
        }

        foreach (var field in BodyField.List(media.Media.Schema).Where(f => f.Path.Count == 1))
        {
            var name = (string)field.Path[0];
            var match = answer.FirstOrDefault(p => Harvest.Resources.Normalize(p.Key) == Harvest.Resources.Normalize(name));
            if (match.Value is JsonValue value)
            {
                body[name] = value.DeepClone();
            }
        }
    }
}
