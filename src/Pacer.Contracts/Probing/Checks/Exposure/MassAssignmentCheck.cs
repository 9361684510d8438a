using System.Text.Json;
using System.Text.Json.Nodes;
using Pacer.Contracts.Generation;
using Pacer.Contracts.Probing.Harvest;
using Pacer.Contracts.Probing.Selection;
using Pacer.Contracts.Probing.Tokens;

namespace Pacer.Contracts.Probing.Checks;

/// <summary>
/// API3, mass assignment: creates and updates sent with privileged properties their request schema does not list
/// (<c>role: "admin"</c>, <c>isAdmin: true</c>, <c>verified: true</c>, <c>balance: 1000000</c>…). Whether they took effect
/// is read back: the object's GET before and after (or, for a create, a create without them against one with them),
/// and — for the user's own account, when nothing shows it — a fresh login whose token's claims are compared. A property
/// that now holds the injected value, where it did not before, is the finding; an update is then set back.
/// </summary>
public sealed class MassAssignmentCheck : IProbeCheck
{
    private static readonly (string Name, JsonNode Value)[] Privileged =
    [
        ("role", JsonValue.Create("admin")), ("roles", new JsonArray("admin")), ("isAdmin", JsonValue.Create(true)), ("is_admin", JsonValue.Create(true)),
        ("admin", JsonValue.Create(true)), ("verified", JsonValue.Create(true)), ("isVerified", JsonValue.Create(true)), ("emailVerified", JsonValue.Create(true)),
        ("balance", JsonValue.Create(1_000_000)), ("credit", JsonValue.Create(1_000_000)), ("permissions", new JsonArray("*")),
    ];

    public string Name => "mass-assignment";

    public OwaspCategory Category => OwaspCategory.PropertyLevelAuthorization;

    public string Description => "creates and updates with role/isAdmin/verified/balance added: a finding when a read-back or a fresh login shows them applied";

    public async Task RunAsync(ProbeSession session, IReadOnlyList<ApiOperation> operations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(operations);
        var targets = operations.Where(o => o.JsonRequestBody is not null && o.Method != HttpMethod.Get && !OperationTraits.IsQueryLike(o)
            && !OperationTraits.TouchesCredentials(o) && !OperationTraits.IsDestructive(o)).ToList();
        foreach (var operation in targets)
        {
            var user = session.IsSecured(operation) ? session.Owner : null;
            if (session.IsSecured(operation) && user is null)
            {
                continue;
            }

            var injected = Privileged.Where(p => !Documented(operation, p.Name)).ToList();
            if (injected.Count == 0 || !await TryAsync(session, operation, user, injected, cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    /// <summary>False once the request budget is spent.</summary>
    private async Task<bool> TryAsync(ProbeSession session, ApiOperation operation, ProbeUser? user, List<(string Name, JsonNode Value)> injected, CancellationToken cancellationToken)
    {
        var readBack = ReadBackFor(session, operation);
        var creating = operation.Method == HttpMethod.Post;
        Exchange? before;
        if (readBack is not null && !creating)
        {
            before = await session.SendAsync(readBack, session.Draft(readBack, user), user, Traffic.Owner, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            before = await session.SendAsync(operation, session.Draft(operation, user), user, Traffic.Owner, cancellationToken).ConfigureAwait(false);
        }

        if (before is null)
        {
            return false;
        }

        var draft = session.Draft(operation, user);
        if (draft.Body is not JsonObject body || !before.Response.IsSuccess)
        {
            return true;
        }

        foreach (var (name, value) in injected)
        {
            body[name] = value.DeepClone();
        }

        var claimsBefore = user is not null ? TokenForgery.Claims(user.Token) : null;
        var sent = await session.SendAsync(operation, draft, user, Traffic.Attack, cancellationToken).ConfigureAwait(false);
        if (sent is null)
        {
            return false;
        }

        if (!sent.Response.IsSuccess)
        {
            return true;
        }

        var after = readBack is not null && !creating
            ? await session.SendAsync(readBack, session.Draft(readBack, user), user, Traffic.Confirmation, cancellationToken).ConfigureAwait(false)
            : sent;
        if (after is null)
        {
            return false;
        }

        var applied = injected.Where(p => Holds(after.Response.Body, p.Name, p.Value) && !Holds(before.Response.Body, p.Name, p.Value)).Select(p => p.Name).ToList();
        var how = creating
            ? $"a create without them answered {before.Response.Describe()} without those values"
            : $"{readBack?.Label ?? operation.Label} before the change did not show them; after it did";
        if (applied.Count == 0 && user?.Relogin is { } relogin && claimsBefore is not null && OwnAccount(operation))
        {
            var fresh = await TryReloginAsync(relogin, cancellationToken).ConfigureAwait(false);
            if (fresh is not null && TokenForgery.Claims(fresh.Token) is { } claimsAfter)
            {
                applied = injected.Where(p => HoldsClaim(claimsAfter, p.Name, p.Value) && !HoldsClaim(claimsBefore, p.Name, p.Value)).Select(p => p.Name).ToList();
                how = "a fresh login's token carries them; the token before the change did not";
            }
        }

        if (applied.Count == 0)
        {
            return true;
        }

        session.Report(this.Finding(FindingSeverity.High, sent, $"privileged properties accepted and applied: {string.Join(", ", applied)}",
            "unlisted properties ignored or refused", $"{sent.Response.Describe()}; read back: {Evidence.Excerpt.Of(after.Response)}",
            new FindingConfirmation(how, after)));
        if (!creating)
        {
            await RestoreAsync(session, operation, user, before, applied, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>The GET on the same path for an update (<c>PUT /users/me</c> → <c>GET /users/me</c>), or null.</summary>
    private static ApiOperation? ReadBackFor(ProbeSession session, ApiOperation operation) =>
        session.Plan.Regular.FirstOrDefault(o => o.Method == HttpMethod.Get && o.Path == operation.Path);

    private static bool OwnAccount(ApiOperation operation) =>
        operation.Path.Contains("/me", StringComparison.OrdinalIgnoreCase) || OperationTraits.AccountParameter(operation) is not null;

    private static async Task<ProbeUser?> TryReloginAsync(Func<CancellationToken, Task<ProbeUser>> relogin, CancellationToken cancellationToken)
    {
        try
        {
            return await relogin(cancellationToken).ConfigureAwait(false);
        }
        catch (ProbeInputException)
        {
            return null;
        }
    }

    /// <summary>Sends the update again with each applied property set back to what the read-back showed before.</summary>
    private static async Task RestoreAsync(ProbeSession session, ApiOperation operation, ProbeUser? user, Exchange before, List<string> applied, CancellationToken cancellationToken)
    {
        if (Parse(before.Response.Body) is not JsonObject previous || session.Draft(operation, user) is not { Body: JsonObject body } draft)
        {
            return;
        }

        foreach (var name in applied)
        {
            if (Find(previous, name) is { } value)
            {
                body[name] = value.DeepClone();
            }
        }

        await session.SendAsync(operation, draft, user, Traffic.Confirmation, cancellationToken).ConfigureAwait(false);
    }

    private static bool Documented(ApiOperation operation, string name) =>
        BodyField.List(operation.JsonRequestBody!.Value.Media.Schema).Any(f => f.Path.Count == 1 && Resources.Normalize((string)f.Path[0]) == Resources.Normalize(name));

    private static bool Holds(string body, string name, JsonNode value) => Parse(body) is JsonObject obj && Find(obj, name) is { } found && Same(found, value);

    private static bool HoldsClaim(JsonObject claims, string name, JsonNode value) =>
        claims.Any(c => (Resources.Normalize(c.Key) == Resources.Normalize(name) || c.Key.EndsWith("/role", StringComparison.Ordinal) && name == "role") && c.Value is { } v && Same(v, value));

    /// <summary>The property at the top level or one wrapper down (<c>{"data": {...}}</c>, <c>{"user": {...}}</c>).</summary>
    private static JsonNode? Find(JsonObject obj, string name)
    {
        foreach (var (key, value) in obj)
        {
            if (Resources.Normalize(key) == Resources.Normalize(name))
            {
                return value;
            }
        }

        return obj.Select(p => p.Value).OfType<JsonObject>().Select(inner => inner.FirstOrDefault(p => Resources.Normalize(p.Key) == Resources.Normalize(name)).Value).FirstOrDefault(v => v is not null);
    }

    private static bool Same(JsonNode found, JsonNode expected) => (found, expected) switch
    {
        (JsonValue a, JsonValue b) when a.GetValueKind() == JsonValueKind.String && b.GetValueKind() == JsonValueKind.String =>
            string.Equals(a.GetValue<string>(), b.GetValue<string>(), StringComparison.OrdinalIgnoreCase),
        (JsonValue a, JsonValue b) when a.GetValueKind() == JsonValueKind.Number && b.GetValueKind() == JsonValueKind.Number => a.GetValue<decimal>() == b.GetValue<decimal>(),
        (JsonArray a, JsonArray b) => a.Count > 0 && b.All(x => a.Any(y => y is not null && x is not null && Same(y, x))),
        (JsonArray a, JsonValue b) => a.Any(y => y is not null && Same(y, b)),
        _ => JsonNode.DeepEquals(found, expected),
    };

    private static JsonNode? Parse(string body)
    {
        try
        {
            return Validation.StrictJson.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
