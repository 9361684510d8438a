using System.Text.Json.Nodes;
using Pacer.Contracts.Generation;
using Pacer.Contracts.Probing.Evidence;
using Pacer.Contracts.Probing.Harvest;
using Pacer.Contracts.Probing.Requests;
using Pacer.Contracts.Probing.Selection;

namespace Pacer.Contracts.Probing.Checks;

/// <summary>
/// API5, another user's account operations: changes (password, e-mail, profile, delete) on an account named in the
/// path (<c>/users/{username}/password</c>) or in the body (<c>{"username": …, "newPassword": …}</c>), sent by the
/// second user naming the first user's account (its user name, e-mail or id, from its login and its answers). A 2xx is
/// confirmed by the same request naming an account nobody has being refused. Runs late: a flawed API really changes
/// the first user's password.
/// </summary>
public sealed class OtherUserAccountCheck : IProbeCheck
{
    /// <summary>Body fields that name the account an operation acts on (not attributes to set, such as a new e-mail).</summary>
    private static readonly string[] AccountFields = ["username", "user", "userid", "login", "account", "accountid", "memberid"];

    public string Name => "other-user-account";

    public OwaspCategory Category => OwaspCategory.FunctionLevelAuthorization;

    public string Description => "the second user changes or deletes the first user's account by name or id: a finding on a 2xx where an unknown account gets a 4xx";

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

        foreach (var operation in operations.Where(o => session.IsSecured(o) && !OperationTraits.IsSafeMethod(o)))
        {
            foreach (var (value, place) in Targets(session, operation, owner, attacker))
            {
                var draft = session.Draft(operation, attacker);
                Set(draft, place, value.Value);
                var changed = await session.SendAsync(operation, draft, attacker, Traffic.Attack, cancellationToken).ConfigureAwait(false);
                if (changed is null)
                {
                    return;
                }

                if (!changed.Response.IsSuccess)
                {
                    break;
                }

                var control = draft.Clone();
                Set(control, place, ProbeDrafts.UnknownValue(null, value.Value));
                var refused = await session.SendAsync(operation, control, attacker, Traffic.Confirmation, cancellationToken).ConfigureAwait(false);
                if (refused is null)
                {
                    return;
                }

                if (refused.Response.IsClientError)
                {
                    session.Report(this.Finding(FindingSeverity.Critical, changed, $"the second user changed the first user's account ({place.Name}={value.Value})",
                        "403 or 404", Excerpt.Of(changed.Response),
                        new FindingConfirmation($"the same request naming an account nobody has: {refused.Response.Describe()}", refused),
                        CheckFindings.StatusIn(403, 404)));
                }

                break;
            }
        }
    }

    private static IEnumerable<(HarvestedValue Value, (string Name, bool InPath) Place)> Targets(ProbeSession session, ApiOperation operation, ProbeUser owner, ProbeUser attacker)
    {
        if (OperationTraits.AccountParameter(operation) is { } parameter)
        {
            foreach (var value in session.Harvest.Identifying(owner, parameter).Take(2))
            {
                yield return (value, (parameter, true));
            }

            yield break;
        }

        if (operation.Path.Contains("/me", StringComparison.OrdinalIgnoreCase)
            || (!OperationTraits.TouchesCredentials(operation) && !OperationTraits.Words(operation.Path).Any(w => w is "email" or "account" or "profile" or "user" or "users")))
        {
            yield break;
        }

        var fields = operation.JsonRequestBody is { } media ? BodyField.List(media.Media.Schema).Where(f => f.Path.Count == 1).Select(f => (string)f.Path[0]) : [];
        foreach (var field in fields.Where(f => AccountFields.Contains(Resources.Normalize(f), StringComparer.OrdinalIgnoreCase)))
        {
            foreach (var value in session.Harvest.Identifying(owner, field).Take(1))
            {
                yield return (value, (field, false));
            }
        }
    }

    private static void Set(RequestDraft draft, (string Name, bool InPath) place, string value)
    {
        if (place.InPath)
        {
            draft.PathValues[place.Name] = value;
        }
        else if (draft.Body is JsonObject body)
        {
            body[place.Name] = value;
        }
    }
}
