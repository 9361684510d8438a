using Microsoft.OpenApi;
using Pacer.Contracts.Generation;
using Pacer.Contracts.Probing;

namespace Pacer.Contracts.SpecDiff;

/// <summary>
/// Compares two schemas of the same place. Which changes break depends on the direction: in a request a
/// new required field or a removed enum value breaks the client that sends; in a response a removed
/// field, or one made optional, breaks the client that reads. Type changes and removed enum values break
/// either way. Recursive <c>$ref</c>s are compared once per pair.
/// </summary>
internal sealed class SchemaComparer(string operation, List<SpecChange> changes)
{
    private const int MaxDepth = 10;
    private readonly HashSet<(string, string)> _visited = [];

    public void Compare(IOpenApiSchema? before, IOpenApiSchema? after, string where, bool response) => Walk(before, after, where, response, 0);

    private void Walk(IOpenApiSchema? before, IOpenApiSchema? after, string where, bool response, int depth)
    {
        if (before is null || after is null || depth > MaxDepth)
        {
            return;
        }

        if ((before as OpenApiSchemaReference)?.Reference.Id is { } oldId && (after as OpenApiSchemaReference)?.Reference.Id is { } newId && !_visited.Add((oldId, newId)))
        {
            return;
        }

        before = BodyField.Effective(before);
        after = BodyField.Effective(after);
        var oldType = TypeName(before);
        var newType = TypeName(after);
        if (oldType is not null && newType is not null && oldType != newType)
        {
            Add(true, SpecChangeKind.TypeChanged, where, $"type changed from {oldType} to {newType}");
            return;
        }

        CompareEnums(before, after, where, response);
        CompareProperties(before, after, where, response, depth);
        if (before.Items is not null && after.Items is not null)
        {
            Walk(before.Items, after.Items, where + "[]", response, depth + 1);
        }
    }

    private void CompareEnums(IOpenApiSchema before, IOpenApiSchema after, string where, bool response)
    {
        var oldValues = (before.Enum ?? []).Select(v => v?.ToJsonString() ?? "null").ToList();
        var newValues = (after.Enum ?? []).Select(v => v?.ToJsonString() ?? "null").ToList();
        if (oldValues.Count == 0 || newValues.Count == 0)
        {
            return;
        }

        foreach (var removed in oldValues.Except(newValues))
        {
            Add(true, SpecChangeKind.EnumValueRemoved, where, $"enum value {removed} removed");
        }

        foreach (var added in newValues.Except(oldValues))
        {
            Add(false, SpecChangeKind.EnumValueAdded, where, $"enum value {added} added" + (response ? " (clients that switch on every value should handle it)" : ""));
        }
    }

    private void CompareProperties(IOpenApiSchema before, IOpenApiSchema after, string where, bool response, int depth)
    {
        var oldProperties = before.Properties ?? new Dictionary<string, IOpenApiSchema>();
        var newProperties = after.Properties ?? new Dictionary<string, IOpenApiSchema>();
        var oldRequired = before.Required ?? new HashSet<string>();
        var newRequired = after.Required ?? new HashSet<string>();
        foreach (var (name, oldProperty) in oldProperties)
        {
            var path = Join(where, name);
            if (!newProperties.TryGetValue(name, out var newProperty))
            {
                Add(response, SpecChangeKind.FieldRemoved, path, response ? "response field removed" : "request field removed (the server ignores it now)");
                continue;
            }

            if (oldRequired.Contains(name) && !newRequired.Contains(name))
            {
                Add(response, SpecChangeKind.FieldMadeOptional, path, response ? "response field made optional (clients may not find it)" : "request field made optional");
            }
            else if (!oldRequired.Contains(name) && newRequired.Contains(name))
            {
                Add(!response, SpecChangeKind.FieldMadeRequired, path, response ? "response field made required" : "request field made required");
            }

            Walk(oldProperty, newProperty, path, response, depth + 1);
        }

        foreach (var (name, _) in newProperties.Where(p => !oldProperties.ContainsKey(p.Key)))
        {
            var required = newRequired.Contains(name);
            Add(required && !response, SpecChangeKind.FieldAdded, Join(where, name),
                response ? "response field added" : required ? "new required request field" : "new optional request field");
        }
    }

    private void Add(bool breaking, SpecChangeKind kind, string where, string message) =>
        changes.Add(new SpecChange(breaking, kind, operation, where, message));

    private static string Join(string where, string name) => $"{where}.{name}";

    /// <summary>The schema's types without null, in a stable order, or null when it names none.</summary>
    private static string? TypeName(IOpenApiSchema schema)
    {
        if (schema.Type is not { } type)
        {
            return SchemaTypes.Primary(schema)?.ToString().ToLowerInvariant();
        }

        var names = Enum.GetValues<JsonSchemaType>().Where(t => t != JsonSchemaType.Null && type.HasFlag(t)).Select(t => t.ToString().ToLowerInvariant()).ToList();
        return names.Count == 0 ? null : string.Join('|', names);
    }
}
