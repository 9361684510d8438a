using Pacer.Contracts.Generation;
using Pacer.Contracts.Probing.Tokens;

namespace Pacer.Contracts.Probing.Checks;

/// <summary>
/// Where forged tokens are tried: the secured operations whose valid request answered the first user with a 2xx
/// (elsewhere a refusal proves nothing), each sent with the forged token in place of the real one. Token validation
/// is usually one piece of code, so a flaw is reported once, naming every operation that accepted the token; it is
/// reported only when a control token (re-signed with a random key, or none) is refused on the same request.
/// </summary>
internal static class TokenTargets
{
    public static IReadOnlyList<ApiOperation> Accepting(ProbeSession session, IReadOnlyList<ApiOperation> operations) =>
        operations.Where(o => session.IsSecured(o) && session.Baseline(o, session.Owner) is { Response.IsSuccess: true }).ToList();

    /// <summary>The owner's JWT, or null after noting why the check cannot run.</summary>
    public static string? OwnerJwt(IProbeCheck check, ProbeSession session)
    {
        if (session.Owner is not { } owner)
        {
            session.NotRun(check.Name, "it needs a login (--login) to forge tokens from");
            return null;
        }

        if (!TokenForgery.IsJwt(owner.Token))
        {
            session.NotRun(check.Name, $"{owner.Name}'s token is not a JWT");
            return null;
        }

        return owner.Token;
    }

    /// <summary>Sends the forged token to each target; reports one confirmed finding. False once the budget is spent.</summary>
    public static async Task<bool> TryAsync(
        IProbeCheck check, ProbeSession session, IReadOnlyList<ApiOperation> operations, string forged, string? control, string variant,
        FindingSeverity severity, CancellationToken cancellationToken)
    {
        var targets = Accepting(session, operations);
        if (targets.Count == 0)
        {
            session.NotRun(check.Name, "no secured operation answered the first user's valid request with a 2xx");
            return true;
        }

        var accepted = new List<Exchange>();
        foreach (var operation in targets)
        {
            var draft = session.Draft(operation);
            draft.SetHeader("Authorization", "Bearer " + forged);
            var exchange = await session.SendAsync(operation, draft, null, Traffic.Attack, cancellationToken).ConfigureAwait(false);
            if (exchange is null)
            {
                return false;
            }

            if (exchange.Response.IsSuccess)
            {
                accepted.Add(exchange);
            }
        }

        if (accepted.Count == 0)
        {
            return true;
        }

        // The evidence is the first operation that refuses the control token: where the control passes too,
        // something else lets the request in (reported by its own check).
        Exchange? first = null;
        Exchange? refused = null;
        foreach (var candidate in accepted)
        {
            var controlRequest = candidate.Request with
            {
                Headers = [.. candidate.Request.Headers.Where(h => !h.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase)),
                    .. control is null ? Array.Empty<KeyValuePair<string, string>>() : [new("Authorization", "Bearer " + control)]],
            };
            refused = await session.ResendAsync(candidate with { Request = controlRequest }, cancellationToken).ConfigureAwait(false);
            if (refused is null)
            {
                return false;
            }

            if (!refused.Response.IsSuccess)
            {
                first = candidate;
                break;
            }
        }

        if (first is null || refused is null)
        {
            session.Note(check.Name, $"{string.Join(", ", accepted.Select(a => a.Label))} accepted {variant}, but also {(control is null ? "no token" : "a token signed with a random key")}: reported by another check, not this one");
            return true;
        }

        var others = accepted.Count > 1 ? $"; also accepted by {string.Join(", ", accepted.Where(a => a != first).Select(a => a.Label))}" : "";
        session.Report(check.Finding(severity, first, $"accepted {variant}", "401", first.Response.Describe() + others,
            new FindingConfirmation($"the same request with {(control is null ? "no token" : "a token signed with a random key")} was refused: {refused.Response.Describe()}", refused),
            CheckFindings.StatusIn(401)), check.Name);
        return true;
    }
}
