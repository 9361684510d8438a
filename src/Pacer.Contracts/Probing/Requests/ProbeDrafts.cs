using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Pacer.Contracts.Generation;
using Pacer.Contracts.OpenApi;
using Pacer.Contracts.Probing.Harvest;
using Pacer.Contracts.Probing.Selection;

namespace Pacer.Contracts.Probing.Requests;

/// <summary>
/// Valid requests the way a real client would send them: the generator's request, then path parameters and id
/// fields filled with identifiers the run has seen (the user's own first, so a user reads its own order, not order 1),
/// idempotency keys fresh per request, names and e-mails in a create made unique (a second run must not collide with
/// the first), and the user's bearer token on secured operations.
/// </summary>
public sealed class ProbeDrafts(OpenApiSpec spec, IdentifierHarvest harvest, ProbeUser? loginUser = null)
{
    private readonly UniqueValues unique = new();

    /// <summary>What a read of the operation's path shows the user now, so an update sends current values, not samples.</summary>
    public Func<ApiOperation, ProbeUser?, JsonObject?>? CurrentState { get; init; }

    public bool IsSecured(ApiOperation operation) => OperationCatalog.IsSecured(spec, operation);

    public RequestDraft For(ApiOperation operation, ProbeUser? user)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var draft = RequestGenerator.Draft(operation);
        foreach (var parameter in operation.Parameters)
        {
            var name = parameter.Name ?? "";
            if (parameter.In == ParameterLocation.Header && UniqueValues.IsRequestKey(name))
            {
                draft.SetHeader(name, Guid.NewGuid().ToString());
            }
            else if (parameter.In == ParameterLocation.Path && harvest.For(name, Resources.OfParameter(operation.Path, name), user) is [var value, ..])
            {
                draft.PathValues[name] = value.Value;
            }
        }

        if (LoginBody(operation) is { } credentials)
        {
            draft.Body = credentials;
        }
        else if (draft.Body is not null && operation.JsonRequestBody is { } body)
        {
            FillBody(draft, body.Media.Schema, operation, user);
            if ((operation.Method == HttpMethod.Put || operation.Method == HttpMethod.Patch) && draft.Body is JsonObject fields && CurrentState?.Invoke(operation, user) is { } state)
            {
                foreach (var (name, _) in fields.ToList())
                {
                    if (state.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value is JsonValue current)
                    {
                        fields[name] = current.DeepClone();
                    }
                }
            }
        }

        if (user is not null && IsSecured(operation))
        {
            draft.SetHeader("Authorization", "Bearer " + user.Token);
        }

        return draft;
    }

    /// <summary>A value no object has (for "unknown id" comparisons), shaped like the parameter's: digits for numbers, a UUID for UUIDs.</summary>
    public static string UnknownValue(IOpenApiSchema? schema, string? like = null)
    {
        if (schema is not null && SchemaTypes.IsNumeric(schema) || like is { Length: > 0 } && like.All(char.IsAsciiDigit))
        {
            return "987654321";
        }

        if (schema?.Format == "uuid" || Guid.TryParse(like, out _))
        {
            return "9f1c0d2e-7b3a-4c5d-8e6f-0a1b2c3d4e5f";
        }

        return "pacer-unknown-" + Guid.NewGuid().ToString("N")[..8];
    }

    /// <summary>The first user's real credentials for the operation its login flow called, so a login is tried as a real user.</summary>
    private JsonObject? LoginBody(ApiOperation operation)
    {
        if (loginUser?.LoginRequest is not { } request || !string.Equals(request.Method, operation.Method.Method, StringComparison.OrdinalIgnoreCase)
            || !Uri.TryCreate(request.Url, UriKind.Absolute, out var url) || !url.AbsolutePath.TrimEnd('/').EndsWith(operation.Path.TrimEnd('/'), StringComparison.Ordinal))
        {
            return null;
        }

        return loginUser.LoginBody?.DeepClone() as JsonObject;
    }

    private void FillBody(RequestDraft draft, IOpenApiSchema? schema, ApiOperation operation, ProbeUser? user)
    {
        var creating = operation.Method == HttpMethod.Post && !OperationTraits.IsQueryLike(operation) && !operation.Path.Contains('{', StringComparison.Ordinal);
        foreach (var field in BodyField.List(schema))
        {
            var key = (string)field.Path.Last(p => p is string);
            var normalized = Resources.Normalize(key);
            if (normalized.EndsWith("id", StringComparison.Ordinal) && normalized != "id"
                && harvest.For(key, "", user) is [var known, ..])
            {
                BodyField.Set(draft.Body, field.Path, Typed(known.Value, field.Schema));
            }
            else if (IdList(field, key) is { } items && harvest.For(key[..^1], "", user) is [var member, ..])
            {
                // A list of ids ("productIds": [...]) gets an id seen under the singular name (productId).
                BodyField.Set(draft.Body, field.Path, new JsonArray(Typed(member.Value, items)));
            }
            else if (creating && UniqueValues.IsKeyField(field))
            {
                BodyField.Set(draft.Body, field.Path, JsonValue.Create(unique.Unique(SampleValues.StringFor(field.Schema, key), field.Schema)));
            }
        }
    }

    /// <summary>The item schema of a list of scalar ids named like <c>productIds</c>; null for anything else.</summary>
    private static IOpenApiSchema? IdList(BodyField field, string key) =>
        key.Length > 3 && key.EndsWith("Ids", StringComparison.OrdinalIgnoreCase) && field.Path[^1] is string
        && SchemaTypes.Primary(field.Schema) == JsonSchemaType.Array && field.Schema.Items is { } items
        && SchemaTypes.Primary(BodyField.Effective(items)) is JsonSchemaType.String or JsonSchemaType.Integer
            ? BodyField.Effective(items)
            : null;

    private static JsonValue Typed(string value, IOpenApiSchema schema) =>
        SchemaTypes.IsNumeric(schema) && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? JsonValue.Create(number)
            : JsonValue.Create(value);
}
