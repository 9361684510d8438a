using System.Text.Json;
using System.Text.Json.Nodes;
using Pacer.Contracts.Generation;
using Pacer.Contracts.Probing.Evidence;
using Pacer.Contracts.Probing.Selection;

namespace Pacer.Contracts.Probing.Checks;

/// <summary>
/// API3, another user's private fields: the first user's e-mail address appearing in an answer to the second user or
/// to an anonymous request that did not itself carry it — an address known as the first user's (its login, or beside
/// its identity in an answer), or any address in an object that names the first user (<c>{"seller": {"username":
/// "alice", "email": …}}</c>). Admin-only operations are left to admin-operations. Confirmed by the same request
/// answering the first user's address again; once per operation.
/// </summary>
public sealed class OtherUsersDataCheck : IProbeCheck
{
    public string Name => "other-users-data";

    public OwaspCategory Category => OwaspCategory.PropertyLevelAuthorization;

    public string Description => "the baseline's answers to the second user and to anonymous requests: a finding when they carry the first user's e-mail";

    public async Task RunAsync(ProbeSession session, IReadOnlyList<ApiOperation> operations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (session.Owner is not { } owner)
        {
            session.NotRun(Name, "it needs a login (--login) whose private data to look for");
            return;
        }

        var secrets = session.Harvest.PrivateTo(owner, "email").Select(v => v.Value).Where(v => v.Contains('@', StringComparison.Ordinal)).Distinct().ToList();
        if (secrets.Count == 0 && owner.Identity is null)
        {
            session.NotRun(Name, $"no e-mail address or login identity of {owner.Name}'s is known");
            return;
        }

        foreach (var (exchange, user) in session.Baselines.Where(b => b.User != owner.Name && !OperationTraits.IsAdminOnly(b.Exchange.Operation)).ToList())
        {
            if (Leak(exchange, owner, secrets) is not { } leaked || session.AlreadyReported($"{Name} {exchange.Label}"))
            {
                continue;
            }

            if (await session.ResendAsync(exchange, cancellationToken).ConfigureAwait(false) is not { } again)
            {
                return;
            }

            if (Leak(again, owner, secrets) is not null)
            {
                var who = user.Length == 0 ? "an anonymous request" : "the second user";
                session.Report(this.Finding(FindingSeverity.High, exchange, $"{who} sees the first user's e-mail address",
                    "no other user's e-mail address in the answer", $"{exchange.Response.Describe()} with `{Excerpt.Around(exchange.Response.Body, leaked, 80)}`",
                    new FindingConfirmation("the same request again carried the address again", again),
                    $"body not contains \"{leaked}\""),
                    $"{Name} {exchange.Label}");
            }
        }
    }

    /// <summary>The first user's address in an answer that did not carry it in its request, or null.</summary>
    private static string? Leak(Exchange exchange, ProbeUser owner, IReadOnlyList<string> secrets)
    {
        var sent = (exchange.Request.Body ?? "") + Uri.UnescapeDataString(exchange.Request.PathAndQuery);
        var body = exchange.Response.Body;
        var known = secrets.FirstOrDefault(s => body.Contains(s, StringComparison.OrdinalIgnoreCase) && !sent.Contains(s, StringComparison.OrdinalIgnoreCase));
        if (known is not null || owner.Identity is not { } identity || !body.Contains(identity, StringComparison.OrdinalIgnoreCase))
        {
            return known;
        }

        try
        {
            return Describing(Validation.StrictJson.Parse(body), identity, 0).FirstOrDefault(a => !sent.Contains(a, StringComparison.OrdinalIgnoreCase));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>E-mail addresses in objects that carry the identity as one of their values.</summary>
    private static IEnumerable<string> Describing(JsonNode? node, string identity, int depth)
    {
        if (depth > 6)
        {
            yield break;
        }

        var children = node switch
        {
            JsonObject obj => obj.Select(p => p.Value),
            JsonArray array => array.Take(100),
            _ => [],
        };
        if (node is JsonObject described && described.Any(p => p.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String && string.Equals(v.GetValue<string>(), identity, StringComparison.OrdinalIgnoreCase)))
        {
            foreach (var (key, value) in described)
            {
                if (key.Contains("mail", StringComparison.OrdinalIgnoreCase) && value is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Contains('@', StringComparison.Ordinal))
                {
                    yield return v.GetValue<string>();
                }
            }
        }

        foreach (var child in children)
        {
            foreach (var address in Describing(child, identity, depth + 1))
            {
                yield return address;
            }
        }
    }
}
