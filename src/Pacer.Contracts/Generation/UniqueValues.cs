using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Pacer.Contracts.Generation;

/// <summary>
/// Makes a create's natural keys unique — names, titles, user names, e-mail addresses, slugs, SKUs — so a second
/// request (or a second run against the same server) does not collide with the first and get a 409 instead of an
/// answer about its input; and gives request-id headers (<c>Idempotency-Key</c>) a fresh value per request.
/// </summary>
public sealed class UniqueValues
{
    private static readonly string[] KeyNames = ["name", "title", "username", "login", "email", "slug", "sku", "code", "handle", "nickname", "displayname"];
    private static readonly string[] KeySuffixes = ["name", "title", "email"];
    private readonly string runId = Guid.NewGuid().ToString("N")[..6];
    private int counter;

    /// <summary>A header that must differ per request: idempotency keys, request and correlation ids.</summary>
    public static bool IsRequestKey(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var lower = header.ToLowerInvariant();
        return lower.Contains("idempotency", StringComparison.Ordinal) || lower is "x-request-id" or "request-id" or "x-correlation-id";
    }

    /// <summary>True for a body field whose value this class makes unique in a create.</summary>
    public static bool IsKeyField(BodyField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var normalized = ((string)field.Path.Last(p => p is string)).Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();
        return SchemaTypes.IsString(field.Schema) && field.Schema.Pattern is null && field.Schema.Enum is not { Count: > 0 }
            && (KeyNames.Contains(normalized) || KeySuffixes.Any(n => normalized.EndsWith(n, StringComparison.Ordinal)));
    }

    /// <summary>Sets each key field of a create's body to a unique version of the value the schema asks for.</summary>
    public void Apply(RequestDraft draft, IOpenApiSchema? schema)
    {
        ArgumentNullException.ThrowIfNull(draft);
        foreach (var field in BodyField.List(schema).Where(IsKeyField))
        {
            var key = (string)field.Path.Last(p => p is string);
            BodyField.Set(draft.Body, field.Path, JsonValue.Create(Unique(SampleValues.StringFor(field.Schema, key), field.Schema)));
        }
    }

    /// <summary>The sample with a run-and-counter suffix (for an address, in its local part), within maxLength.</summary>
    public string Unique(string sample, IOpenApiSchema schema)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(schema);
        var suffix = string.Create(CultureInfo.InvariantCulture, $"{runId}{Interlocked.Increment(ref counter)}");
        var at = sample.IndexOf('@', StringComparison.Ordinal);
        var text = at > 0 ? $"{sample[..at]}.{suffix}{sample[at..]}" : $"{sample}-{suffix}";
        return schema.MaxLength is { } max && text.Length > max ? (at > 0 ? sample : text[^max..]) : text;
    }

    /// <summary>True for a create: a POST to a collection (no path parameter) that is not a search or a login.</summary>
    public static bool IsCreate(ApiOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var words = operation.Path.ToLowerInvariant();
        return operation.Method == HttpMethod.Post && !operation.Path.Contains('{', StringComparison.Ordinal)
            && !words.Contains("search", StringComparison.Ordinal) && !words.Contains("login", StringComparison.Ordinal) && !words.Contains("query", StringComparison.Ordinal);
    }
}
