using Pacer.Contracts.Generation;
using Pacer.Contracts.Probing.Evidence;
using Pacer.Contracts.Probing.Harvest;
using Pacer.Contracts.Probing.Requests;
using Pacer.Contracts.Probing.Selection;

namespace Pacer.Contracts.Probing.Checks;

/// <summary>
/// API1, broken object level authorisation, with two users. Identifiers of the first user's objects come from every
/// answer it got and from what it created (ids, titles, names — whether or not a create answered with an id), never
/// from what the second user also sees or what is public unless the first user created it. On each secured operation
/// that takes such an identifier in its path, reads first and changes after (deletes in the last phase): the owner's
/// read must answer 2xx, then the second user sends the same request. A 2xx is confirmed by the second user's request
/// with an identifier nobody has being refused (4xx) — the API found the first user's object for the second user.
/// </summary>
public sealed class ObjectLevelAuthorizationCheck : IProbeCheck
{
    private const int CandidatesPerOperation = 2;

    public string Name => "object-level-authorization";

    public OwaspCategory Category => OwaspCategory.ObjectLevelAuthorization;

    public string Description => "the second user reads, changes and deletes the first user's objects by their identifiers: a finding on a 2xx where an unknown identifier gets a 4xx";

    public bool RunsOnDestructive => true;

    public async Task RunAsync(ProbeSession session, IReadOnlyList<ApiOperation> operations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(operations);
        if (session.Owner is not { } owner || session.Attacker is not { } attacker)
        {
            session.NotRun(Name, "it needs two logins (--login twice)");
            return;
        }

        var targets = operations
            .Where(o => session.IsSecured(o) && o.Path.Contains('{', StringComparison.Ordinal) && OperationTraits.AccountParameter(o) is null && !OperationTraits.TouchesCredentials(o))
            .OrderBy(o => OperationTraits.IsSafeMethod(o) ? 0 : o.Method == HttpMethod.Delete ? 2 : 1)
            .ToList();
        var unchecked_ = new List<string>();
        foreach (var target in targets)
        {
            var parameter = target.Path.Split('/').Last(s => s.StartsWith('{')).Trim('{', '}');
            var candidates = session.Harvest.OwnedBy(owner, attacker, parameter, Resources.OfParameter(target.Path, parameter)).Take(CandidatesPerOperation).ToList();
            if (candidates.Count == 0)
            {
                unchecked_.Add($"{target.Label} ({{{parameter}}})");
                continue;
            }

            foreach (var candidate in candidates)
            {
                var outcome = await TryAsync(session, target, parameter, candidate, owner, attacker, cancellationToken).ConfigureAwait(false);
                if (outcome is null)
                {
                    return;
                }

                if (outcome.Value)
                {
                    break;
                }
            }
        }

        if (unchecked_.Count > 0)
        {
            session.Note(Name, $"no identifier of the first user's objects was seen for {string.Join(", ", unchecked_)}; not checked");
        }
    }

    /// <summary>True when the operation was judged (found or protected), false to try another identifier, null when out of budget.</summary>
    private async Task<bool?> TryAsync(ProbeSession session, ApiOperation target, string parameter, HarvestedValue candidate, ProbeUser owner, ProbeUser attacker, CancellationToken cancellationToken)
    {
        var ownerDraft = session.Draft(target, owner);
        ownerDraft.PathValues[parameter] = candidate.Value;
        Exchange? ownerRead = null;
        if (OperationTraits.IsSafeMethod(target))
        {
            ownerRead = await session.SendAsync(target, ownerDraft, owner, Traffic.Owner, cancellationToken).ConfigureAwait(false);
            if (ownerRead is null)
            {
                return null;
            }

            if (!ownerRead.Response.IsSuccess)
            {
                return false;
            }
        }

        var attack = Retarget(ownerDraft, attacker);
        var stolen = await session.SendAsync(target, attack, attacker, Traffic.Attack, cancellationToken).ConfigureAwait(false);
        if (stolen is null)
        {
            return null;
        }

        if (!stolen.Response.IsSuccess)
        {
            return true;
        }

        var control = Retarget(ownerDraft, attacker);
        control.PathValues[parameter] = ProbeDrafts.UnknownValue(null, candidate.Value);
        var refused = await session.SendAsync(target, control, attacker, Traffic.Confirmation, cancellationToken).ConfigureAwait(false);
        if (refused is null)
        {
            return null;
        }

        if (refused.Response.IsSuccess || refused.Response.IsServerError)
        {
            session.Note(Name, $"{target.Label} answered {refused.Response.Describe()} for an identifier nobody has too; not judged");
            return true;
        }

        var verb = OperationTraits.IsSafeMethod(target) ? "read" : target.Method == HttpMethod.Delete ? "delete" : "change";
        var got = ownerRead is null ? Excerpt.Of(stolen.Response) : $"{Excerpt.Of(stolen.Response)} (the owner got {ownerRead.Response.Describe()})";
        session.Report(this.Finding(verb == "read" ? FindingSeverity.High : FindingSeverity.Critical, stolen,
            $"the second user could {verb} the first user's object ({parameter}={candidate.Value})", "403 or 404", got,
            new FindingConfirmation($"the second user with an identifier nobody has: {refused.Response.Describe()}", refused),
            CheckFindings.StatusIn(403, 404)));
        return true;
    }

    /// <summary>The owner's request, unchanged but for whose token it carries.</summary>
    private static RequestDraft Retarget(RequestDraft ownerDraft, ProbeUser attacker)
    {
        var draft = ownerDraft.Clone();
        draft.SetHeader("Authorization", "Bearer " + attacker.Token);
        foreach (var header in draft.Headers.Where(h => h.Key.Contains("idempotency", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            draft.SetHeader(header.Key, Guid.NewGuid().ToString());
        }

        return draft;
    }
}
