using Pacer.Contracts.Generation;
using Pacer.Contracts.Probing.Selection;

namespace Pacer.Contracts.Probing.Checks;

/// <summary>
/// Before any check: one valid request per operation, as a real client would send it, from a foreign origin (for the
/// CORS check). Public lists go first (a create often needs an id from them: an order needs a product), then creates
/// as the first user, so what it owns shows up in the secured reads that follow; those go as both users (what each
/// may see), unsecured ones anonymously. Logouts and credential changes are left to the
/// checks that handle them, so no user loses its session or password here. Every answer feeds the identifier harvest
/// and the passive checks.
/// </summary>
public static class BaselineTraffic
{
    /// <summary>An origin no API should trust.</summary>
    public const string ForeignOrigin = "https://attacker.pacer-probe.invalid";

    public static async Task RunAsync(ProbeSession session, IReadOnlyList<ApiOperation> operations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(operations);
        var eligible = operations.Where(o => !OperationTraits.EndsSession(o) && !(OperationTraits.TouchesCredentials(o) && session.IsSecured(o))).ToList();
        foreach (var operation in SweepOrder.Of(eligible, session.IsSecured))
        {
            var readsAsBoth = OperationTraits.IsSafeMethod(operation) && session.IsSecured(operation);
            foreach (var user in UsersFor(session, operation, readsAsBoth))
            {
                if (!await SendAsync(session, operation, user, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }
            }
        }
    }

    private static IEnumerable<ProbeUser?> UsersFor(ProbeSession session, ApiOperation operation, bool readsAsBoth)
    {
        if (!session.IsSecured(operation))
        {
            yield return null;
            yield break;
        }

        yield return session.Owner;
        if (readsAsBoth && session.Attacker is { } attacker)
        {
            yield return attacker;
        }
    }

    private static async Task<bool> SendAsync(ProbeSession session, ApiOperation operation, ProbeUser? user, CancellationToken cancellationToken)
    {
        var draft = session.Draft(operation, user);
        draft.SetHeader("Origin", ForeignOrigin);
        var exchange = await session.SendAsync(operation, draft, user, Traffic.Baseline, cancellationToken).ConfigureAwait(false);
        if (exchange is null)
        {
            return false;
        }

        session.RecordBaseline(exchange, user);
        return true;
    }
}
