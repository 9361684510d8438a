using System.Text.Json.Nodes;
using Pacer.Contracts.Generation;
using Pacer.Contracts.Probing.Evidence;
using Pacer.Contracts.Probing.Selection;
using Pacer.Contracts.Probing.Tokens;

namespace Pacer.Contracts.Probing.Checks;

/// <summary>
/// API5, broken function level authorisation: operations that are admin-only by their path (<c>/admin</c>,
/// <c>/internal</c>, <c>/manage</c>…), tag, summary or security scopes, sent with a regular user's valid request.
/// A 2xx is confirmed by the same request without a token being refused (it is protected, just not by role) and by the
/// second user being let in too; with <c>--admin-login</c> the administrator's answer is shown beside it. Not run when
/// the first user's token claims an admin role.
/// </summary>
public sealed class AdminOperationsCheck : IProbeCheck
{
    public string Name => "admin-operations";

    public OwaspCategory Category => OwaspCategory.FunctionLevelAuthorization;

    public string Description => "a regular user's token on admin-only operations: a finding on a 2xx where no token is refused";

    public bool RunsOnDestructive => true;

    public async Task RunAsync(ProbeSession session, IReadOnlyList<ApiOperation> operations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(operations);
        if (session.Owner is not { } user)
        {
            session.NotRun(Name, "it needs a regular user's login (--login)");
            return;
        }

        if (ClaimsAdmin(user.Token))
        {
            session.NotRun(Name, $"{user.Name}'s token claims an admin role; log in as a regular user");
            return;
        }

        var targets = operations.Where(o => session.IsSecured(o) && OperationTraits.IsAdminOnly(o)).ToList();
        if (targets.Count == 0 && session.Phase == ProbePhase.Regular)
        {
            session.Note(Name, "no operation looks admin-only (by path, tag, summary or scope); nothing to check");
        }

        foreach (var operation in targets)
        {
            var draft = session.Draft(operation, user);
            var exchange = await session.SendAsync(operation, draft, user, Traffic.Attack, cancellationToken).ConfigureAwait(false);
            if (exchange is null)
            {
                return;
            }

            if (!exchange.Response.IsSuccess)
            {
                continue;
            }

            var anonymous = draft.Clone();
            anonymous.SetHeader("Authorization", null);
            var refused = await session.SendAsync(operation, anonymous, null, Traffic.Confirmation, cancellationToken).ConfigureAwait(false);
            if (refused is null || refused.Response.IsSuccess)
            {
                continue;
            }

            var second = session.Attacker is { } other && !OperationTraits.IsDestructive(operation)
                ? await session.SendAsync(operation, session.Draft(operation, other), other, Traffic.Confirmation, cancellationToken).ConfigureAwait(false)
                : null;
            if (second is { Response.IsSuccess: false })
            {
                continue;
            }

            var admin = session.Options.Admin is { } administrator && !OperationTraits.IsDestructive(operation)
                ? await session.SendAsync(operation, session.Draft(operation, administrator), administrator, Traffic.Confirmation, cancellationToken).ConfigureAwait(false)
                : null;
            var how = $"without a token: {refused.Response.Describe()}" + (second is null ? "" : $"; as the second user: {second.Response.Describe()}")
                + (admin is null ? "" : $"; as the administrator: {admin.Response.Describe()}");
            session.Report(this.Finding(FindingSeverity.Critical, exchange, "a regular user reached an admin-only operation", "403",
                Excerpt.Of(exchange.Response), new FindingConfirmation(how, second ?? refused), CheckFindings.StatusIn(403)));
        }
    }

    private static bool ClaimsAdmin(string token)
    {
        if (TokenForgery.Claims(token) is not { } claims)
        {
            return false;
        }

        return claims.Any(c => (c.Key.Contains("role", StringComparison.OrdinalIgnoreCase) || c.Key is "scope" or "scp" or "groups" or "admin" or "is_admin" or "isAdmin")
            && c.Value switch
            {
                JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.True => true,
                JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.String => value.GetValue<string>().Contains("admin", StringComparison.OrdinalIgnoreCase),
                JsonArray array => array.Any(a => a?.ToString().Contains("admin", StringComparison.OrdinalIgnoreCase) == true),
                _ => false,
            });
    }
}
