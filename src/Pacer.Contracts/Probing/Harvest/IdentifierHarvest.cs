using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pacer.Contracts.Probing.Harvest;

/// <summary>
/// Collects identifiers from every answer the probe's own traffic gets (baseline and owner requests, never attack
/// traffic, whose answers may carry another user's data): scalar fields of JSON bodies with the resource they
/// belong to, <c>Location</c> headers, the fields of what a user created, and each user's login identity. It then
/// offers values for path parameters and id fields — for a user's valid requests, and for one user's objects to
/// try as another (<see cref="OwnedBy"/>).
/// </summary>
public sealed class IdentifierHarvest
{
    private const int MaxValues = 20_000;
    private const int MaxItemsPerArray = 100;
    private const int MaxDepth = 5;
    private static readonly string[] IdKeys = ["id", "uuid", "_id", "key", "slug"];

    private readonly Dictionary<(string Key, string Value), HarvestedValue> values = [];
    private readonly Dictionary<string, string> identities = new(StringComparer.OrdinalIgnoreCase);
    private long sequence;

    public int Count => values.Count;

    /// <summary>Records what an answer and, for a successful change, its request body show, as seen by <paramref name="user"/> (null: anonymous).</summary>
    public void Record(Exchange exchange, ProbeUser? user, bool secured)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        if (!exchange.Response.IsSuccess)
        {
            return;
        }

        var resource = Resources.OfPath(exchange.Operation.Path);
        var seenBy = user?.Name ?? "";
        var isPublic = !secured || user is null;
        // What a POST answers is what the user created, unless the POST is a search or a login.
        var creator = exchange.Operation.Method == HttpMethod.Post && user is not null && !Selection.OperationTraits.IsQueryLike(exchange.Operation) ? user.Name : null;
        if (exchange.Response.Header("Location") is { Length: > 0 } location)
        {
            var path = location.Split('?')[0].TrimEnd('/');
            Add("id", Uri.UnescapeDataString(path[(path.LastIndexOf('/') + 1)..]), resource, seenBy, isPublic, creator);
        }

        if (Parse(exchange.Response.Body) is { } body)
        {
            Walk(body, resource, null, seenBy, isPublic, creator, 0);
        }

        if (user is not null && exchange.Operation.Method != HttpMethod.Get && Parse(exchange.Request.Body) is JsonObject sent)
        {
            foreach (var (key, value) in sent)
            {
                if (Scalar(value) is { } text && !ProbeUser.IsPasswordName(key))
                {
                    Add(key, text, resource, seenBy, isPublic: false, creator);
                }
            }
        }
    }

    /// <summary>A user's login identity belongs to that user: <c>username</c>, and <c>email</c> when it looks like one.</summary>
    public void RecordIdentity(ProbeUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity is not { Length: > 0 } identity)
        {
            return;
        }

        identities[identity] = user.Name;
        Add(user.IdentityField!, identity, "user", user.Name, isPublic: false, user.Name, user.Name);
        Add(identity.Contains('@', StringComparison.Ordinal) ? "email" : "username", identity, "user", user.Name, isPublic: false, user.Name, user.Name);
    }

    /// <summary>Values for a parameter or field, best first: the user's own, then public ones, then any, freshest first.</summary>
    public IReadOnlyList<HarvestedValue> For(string parameter, string resource, ProbeUser? user) =>
        Matching(parameter, resource)
            .OrderByDescending(v => user is not null && v.SeenBy.Contains(user.Name))
            .ThenByDescending(v => v.Public)
            .ThenByDescending(v => v.LastSeen)
            .ToList();

    /// <summary>
    /// Identifiers of <paramref name="owner"/>'s objects: what the owner created (a title anyone can list is still the owner's
    /// book), and what only the owner was shown — never by <paramref name="other"/>, never public. Created ones first.
    /// </summary>
    public IReadOnlyList<HarvestedValue> OwnedBy(ProbeUser owner, ProbeUser other, string parameter, string resource)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(other);
        return Matching(parameter, resource)
            .Where(v => v.CreatedBy == owner.Name || (v.SeenBy.Contains(owner.Name) && !v.SeenBy.Contains(other.Name) && !v.Public))
            .OrderByDescending(v => v.CreatedBy == owner.Name)
            .ThenByDescending(v => v.LastSeen)
            .ToList();
    }

    /// <summary>
    /// Values under a key that names them (<c>email</c>) that belong to <paramref name="owner"/>: its login identity, or shown
    /// to it by a secured operation (its profile). Exposure checks look for them in other users' answers.
    /// </summary>
    public IReadOnlyList<HarvestedValue> PrivateTo(ProbeUser owner, string keyPart)
    {
        ArgumentNullException.ThrowIfNull(owner);
        return values.Values
            .Where(v => v.BelongsTo.Contains(owner.Name) && Resources.Normalize(v.Key).Contains(keyPart, StringComparison.Ordinal))
            .ToList();
    }

    /// <summary>What names <paramref name="owner"/>'s account for a parameter or field: its user name, e-mail or user id.</summary>
    public IReadOnlyList<HarvestedValue> Identifying(ProbeUser owner, string parameter)
    {
        ArgumentNullException.ThrowIfNull(owner);
        return Matching(parameter, "user").Where(v => v.BelongsTo.Contains(owner.Name)).OrderByDescending(v => v.LastSeen).ToList();
    }

    /// <summary>
    /// A value matches a parameter by name (<c>orderId</c> to <c>orderId</c>, <c>username</c> to <c>username</c>); generic
    /// names (<c>id</c>, <c>name</c>, <c>title</c>…) match only within the same resource, and <c>{bookId}</c> takes a book's <c>id</c>.
    /// </summary>
    public static bool Matches(HarvestedValue value, string parameter, string resource)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(parameter);
        var name = Resources.Normalize(parameter);
        var key = Resources.Normalize(value.Key);
        var sameResource = resource.Length == 0 || value.Resource == resource;
        var generic = IdKeys.Contains(name) || name is "name" or "title" or "code" or "number";
        if (name == key)
        {
            return !generic || sameResource;
        }

        return IdKeys.Contains(key) && value.Resource.Length > 0 && (name == value.Resource + key || (name == value.Resource + "id" && key is "uuid" or "_id"));
    }

    private IEnumerable<HarvestedValue> Matching(string parameter, string resource) =>
        values.Values.Where(v => Matches(v, parameter, resource));

    private void Walk(JsonNode node, string resource, string? parentKey, string seenBy, bool isPublic, string? creator, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        switch (node)
        {
            case JsonArray array:
                foreach (var item in array.Take(MaxItemsPerArray).OfType<JsonNode>())
                {
                    Walk(item, resource, parentKey, seenBy, isPublic, creator, depth + 1);
                }

                break;
            case JsonObject obj:
                var describes = obj.Select(p => Scalar(p.Value)).OfType<string>().Select(v => identities.GetValueOrDefault(v)).FirstOrDefault(u => u is not null);
                foreach (var (key, value) in obj)
                {
                    if (value is JsonObject or JsonArray)
                    {
                        var inner = Resources.IsWrapper(key) ? resource : Resources.Singular(key);
                        Walk(value, inner, key, seenBy, isPublic, depth == 0 || Resources.IsWrapper(key) ? creator : null, depth + 1);
                    }
                    else if (Scalar(value) is { } text)
                    {
                        Add(key, text, resource, seenBy, isPublic, creator, describes);
                        if (IdKeys.Contains(key.ToLowerInvariant()) && parentKey is not null && !Resources.IsWrapper(parentKey))
                        {
                            Add(Resources.Singular(parentKey) + "Id", text, Resources.Singular(parentKey), seenBy, isPublic, null, describes);
                        }
                    }
                }

                break;
            default:
                break;
        }
    }

    private void Add(string key, string value, string resource, string seenBy, bool isPublic, string? creator, string? belongsTo = null)
    {
        if (!values.TryGetValue((key, value), out var harvested))
        {
            if (values.Count >= MaxValues)
            {
                return;
            }

            harvested = new HarvestedValue(key, value, resource);
            values[(key, value)] = harvested;
        }

        harvested.SeenBy.Add(seenBy);
        if (!isPublic)
        {
            harvested.SeenSecuredBy.Add(seenBy);
        }

        harvested.Public |= isPublic;
        if (belongsTo is not null)
        {
            harvested.BelongsTo.Add(belongsTo);
        }

        harvested.CreatedBy ??= creator;
        harvested.LastSeen = ++sequence;
    }

    private static string? Scalar(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return null;
        }

        return value.GetValueKind() switch
        {
            JsonValueKind.String when value.GetValue<string>() is { Length: > 0 and <= 120 } text => text,
            JsonValueKind.Number when value.ToJsonString() is var number && !number.Contains('.', StringComparison.Ordinal) => number,
            _ => null,
        };
    }

    private static JsonNode? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.TrimStart()[0] is not ('{' or '['))
        {
            return null;
        }

        try
        {
            return Validation.StrictJson.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
