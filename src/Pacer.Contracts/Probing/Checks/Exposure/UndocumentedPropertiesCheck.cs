using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Pacer.Contracts.Generation;

namespace Pacer.Contracts.Probing.Checks;

/// <summary>
/// API3: properties an answer carries that its documented schema does not list (objects that list their properties
/// and do not declare additional ones). Clients and reviewers only know what is documented, so what else leaves is
/// data exposure by omission. Gathered from every answer, reported once per schema (a component such as
/// <c>ProblemDetails</c>, or the operation's inline schema) with every such property, confirmed by the first answer
/// that showed them coming again. Secret-looking names are left to sensitive-data-exposure.
/// </summary>
public sealed class UndocumentedPropertiesCheck : IResponseObserver
{
    private readonly Dictionary<string, (Exchange First, SortedSet<string> Properties, HashSet<string> Operations)> seen = new(StringComparer.Ordinal);

    public string Name => "undocumented-properties";

    public OwaspCategory Category => OwaspCategory.PropertyLevelAuthorization;

    public string Description => "every answer against its documented schema: a finding for properties the schema does not list";

    public Task ObserveAsync(ProbeSession session, Exchange exchange, ProbeUser? user, Traffic traffic, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        if (SchemaFor(exchange) is not { } schema || Parse(exchange.Response.Body) is not { } body)
        {
            return Task.CompletedTask;
        }

        foreach (var (schemaName, property) in Undocumented(body, schema, $"{exchange.Label} {exchange.Response.Status}", 0))
        {
            if (!seen.TryGetValue(schemaName, out var entry))
            {
                entry = (exchange, new SortedSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));
                seen[schemaName] = entry;
            }

            entry.Properties.Add(property);
            entry.Operations.Add(exchange.Label);
        }

        return Task.CompletedTask;
    }

    public async Task RunAsync(ProbeSession session, IReadOnlyList<ApiOperation> operations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        foreach (var (schemaName, (first, properties, seenOn)) in seen.Where(s => !session.AlreadyReported($"{Name} {s.Key}")).ToList())
        {
            if (await session.ResendAsync(first, cancellationToken).ConfigureAwait(false) is not { } again)
            {
                return;
            }

            var repeated = Parse(again.Response.Body) is { } body && SchemaFor(again) is { } schema
                ? Undocumented(body, schema, $"{again.Label} {again.Response.Status}", 0).Where(u => u.Schema == schemaName).Select(u => u.Property).ToHashSet()
                : [];
            if (!properties.Overlaps(repeated))
            {
                continue;
            }

            var list = string.Join(", ", properties);
            var where = seenOn.Count > 1 ? $" (on {seenOn.Count} operations)" : "";
            session.Report(this.Finding(FindingSeverity.Low, first, $"{schemaName} answers carry properties the document does not list: {list}",
                "only documented properties", $"{first.Response.Describe()} with {list}{where}",
                new FindingConfirmation($"the same request again answered {string.Join(", ", repeated.Order())} again", again)),
                $"{Name} {schemaName}");
        }
    }

    /// <summary>The schema documented for the answer's status and content type, or null.</summary>
    private static IOpenApiSchema? SchemaFor(Exchange exchange)
    {
        var responses = exchange.Operation.Operation.Responses;
        var status = exchange.Response.Status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (responses is null || exchange.Response.Status <= 0)
        {
            return null;
        }

        var response = responses.TryGetValue(status, out var exact) ? exact
            : responses.FirstOrDefault(r => string.Equals(r.Key, status[0] + "XX", StringComparison.OrdinalIgnoreCase)).Value
            ?? responses.GetValueOrDefault("default");
        var type = exchange.Response.ContentType.Split(';')[0].Trim();
        if (response?.Content is not { Count: > 0 } content || !type.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return content.FirstOrDefault(c => string.Equals(c.Key, type, StringComparison.OrdinalIgnoreCase)).Value?.Schema
            ?? content.FirstOrDefault(c => c.Key.Contains("json", StringComparison.OrdinalIgnoreCase)).Value?.Schema;
    }

    private static IEnumerable<(string Schema, string Property)> Undocumented(JsonNode node, IOpenApiSchema schema, string inlineName, int depth)
    {
        if (depth > 6 || (schema.OneOf ?? schema.AnyOf) is { Count: > 0 } choices && choices.Count(c => SchemaTypes.Primary(c) != JsonSchemaType.Null) > 1)
        {
            yield break;
        }

        var name = (schema as OpenApiSchemaReference)?.Reference.Id ?? inlineName;
        var effective = BodyField.Effective(schema);
        if (node is JsonArray array && effective.Items is { } items)
        {
            foreach (var found in array.Take(20).OfType<JsonNode>().SelectMany(item => Undocumented(item, items, inlineName + "[]", depth + 1)))
            {
                yield return found;
            }
        }
        else if (node is JsonObject obj && effective.Properties is { Count: > 0 } properties)
        {
            var open = effective.AdditionalProperties is not null || effective.PatternProperties is { Count: > 0 };
            foreach (var (key, value) in obj)
            {
                if (properties.TryGetValue(key, out var property))
                {
                    if (value is not null)
                    {
                        foreach (var found in Undocumented(value, property, $"{inlineName}.{key}", depth + 1))
                        {
                            yield return found;
                        }
                    }
                }
                else if (!open && !SensitiveFields.IsSecretName(key))
                {
                    yield return (name, key);
                }
            }
        }
    }

    private static JsonNode? Parse(string body)
    {
        try
        {
            return body.TrimStart().StartsWith('{') || body.TrimStart().StartsWith('[') ? Validation.StrictJson.Parse(body) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
