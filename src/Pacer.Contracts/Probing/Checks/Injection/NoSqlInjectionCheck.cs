using System.Text.Json.Nodes;
using Pacer.Contracts.Generation;
using Pacer.Contracts.Probing.Evidence;
using Pacer.Contracts.Probing.Requests;
using Pacer.Contracts.Probing.Selection;

namespace Pacer.Contracts.Probing.Checks;

/// <summary>
/// NoSQL operator injection (differential), on reads, searches and logins: where a string belongs, a query operator
/// that matches everything (<c>{"$ne": "x"}</c>; <c>name[$ne]=x</c> in a query) and one that matches nothing
/// (<c>{"$eq": "x"}</c>). An API that takes them as operators answers the first like a match and the second like an
/// unknown value; one that refuses objects answers both alike. A split is sent again and must hold.
/// </summary>
public sealed class NoSqlInjectionCheck : IProbeCheck
{
    public string Name => "nosql-injection";

    public OwaspCategory Category => OwaspCategory.Injection;

    public string Description => "{\"$ne\": x} against {\"$eq\": x} where a string belongs (body and query): a finding when they answer differently, twice";

    public async Task RunAsync(ProbeSession session, IReadOnlyList<ApiOperation> operations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        foreach (var (operation, slot) in InjectionTargets.Slots(operations.Where(OperationTraits.IsQueryLike).ToList())
            .Where(s => s.Slot.IsString && s.Slot.Location is SlotLocation.Body or SlotLocation.Query))
        {
            var unknown = ProbeDrafts.UnknownValue(null);
            var plain = await SendAsync(session, operation, slot, null, unknown, cancellationToken).ConfigureAwait(false);
            var everything = plain is null ? null : await SendAsync(session, operation, slot, "$ne", unknown, cancellationToken).ConfigureAwait(false);
            if (plain is null || everything is null)
            {
                return;
            }

            if (ResponseSimilarity.Same(everything.Response, plain.Response))
            {
                continue;
            }

            var nothing = await SendAsync(session, operation, slot, "$eq", unknown, cancellationToken).ConfigureAwait(false);
            if (nothing is null)
            {
                return;
            }

            if (!ResponseSimilarity.Same(nothing.Response, plain.Response) || ResponseSimilarity.Same(everything.Response, nothing.Response))
            {
                continue;
            }

            var again = await session.ResendAsync(everything, cancellationToken).ConfigureAwait(false);
            var controlAgain = await session.ResendAsync(nothing, cancellationToken).ConfigureAwait(false);
            if (again is null || controlAgain is null)
            {
                return;
            }

            if (ResponseSimilarity.Same(again.Response, everything.Response) && ResponseSimilarity.Same(controlAgain.Response, nothing.Response))
            {
                session.Report(this.Finding(FindingSeverity.Critical, everything, $"query operator in {slot.Name} taken as an operator",
                    "an operator object refused (4xx) or taken as text", $"{{\"$ne\": …}} → {Excerpt.Of(everything.Response)}",
                    new FindingConfirmation($"{{\"$eq\": …}} answered {nothing.Response.Describe()} like the unknown value ({plain.Response.Describe()}); both again: {again.Response.Describe()} and {controlAgain.Response.Describe()}", controlAgain),
                    CheckFindings.StatusIn(plain.Response.Status)));
            }
        }
    }

    private static async Task<Exchange?> SendAsync(ProbeSession session, ApiOperation operation, InputSlot slot, string? op, string value, CancellationToken cancellationToken)
    {
        var user = session.IsSecured(operation) ? session.Owner : null;
        var draft = session.Draft(operation, user);
        if (op is null)
        {
            slot.Set(draft, JsonValue.Create(value));
        }
        else if (slot.Location == SlotLocation.Query)
        {
            slot.Remove(draft);
            draft.SetQuery($"{slot.Key}[{op}]", value);
        }
        else
        {
            slot.Set(draft, new JsonObject { [op] = value });
        }

        return await session.SendAsync(operation, draft, user, Traffic.Attack, cancellationToken).ConfigureAwait(false);
    }
}
