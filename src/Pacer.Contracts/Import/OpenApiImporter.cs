using System.Text.RegularExpressions;
using Microsoft.OpenApi;
using Pacer.Contracts.Generation;
using Pacer.Contracts.OpenApi;
using Pacer.Contracts.Probing;

namespace Pacer.Contracts.Import;

/// <summary>
/// One flow per tag: each operation becomes a step with an example request (<see cref="RequestGenerator"/>)
/// and assertions from its documented success response: the status, the content type, and for JSON
/// objects each required field's presence and type.
/// </summary>
public static partial class OpenApiImporter
{
    public const string TokenPlaceholder = "replace-with-a-token";

    public static IReadOnlyList<ImportedFlow> Import(OpenApiSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var title = spec.Document.Info?.Title ?? "API";
        var flows = new List<ImportedFlow>();
        foreach (var group in OperationCatalog.List(spec).GroupBy(o => o.Operation.Tags?.FirstOrDefault()?.Name ?? "default"))
        {
            var flow = new FlowText($"{title}: {group.Key}")
                .Paragraph($"Imported from `{Path.GetFileName(spec.Source)}` by `pacer import openapi`: one step per operation tagged `{group.Key}`, "
                    + "with example values from the document. Adjust ids and bodies to data your API has.");
            foreach (var operation in group)
            {
                var draft = RequestGenerator.Draft(operation);
                if (OperationCatalog.IsSecured(spec, operation))
                {
                    flow.Variable("token", TokenPlaceholder);
                    draft.SetHeader("Authorization", "Bearer {{token}}");
                }

                var name = operation.Operation.Summary ?? operation.Operation.OperationId ?? operation.Label;
                var request = draft.Render();
                flow.Step(operation.Label, KestBlock.Write(request, name, Asserts(operation), keepTemplates: true), operation.Operation.Description);
            }

            if (flow.HasVariable("token"))
            {
                flow.Paragraph($"Secured operations send `Bearer {{{{token}}}}`: give it with `--var token=…` (the default `{TokenPlaceholder}` is only a placeholder).");
            }

            flows.Add(flow.Build(group.Key));
        }

        return flows;
    }

    /// <summary>What the document promises about the first success response.</summary>
    public static IReadOnlyList<string> Asserts(ApiOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var responses = operation.Operation.Responses ?? [];
        var success = responses.FirstOrDefault(r => r.Key.Length == 3 && r.Key[0] == '2' && char.IsAsciiDigit(r.Key[1]));
        var asserts = new List<string> { success.Key is null ? "status < 400" : $"status == {success.Key}" };
        var json = success.Value?.Content?.FirstOrDefault(c => c.Key.Contains("json", StringComparison.OrdinalIgnoreCase));
        if (json?.Key is not { } mediaType)
        {
            return asserts;
        }

        asserts.Add($"header.Content-Type contains \"{mediaType}\"");
        if (json.Value.Value.Schema is not { } raw)
        {
            return asserts;
        }

        var schema = BodyField.Effective(raw);
        var type = SchemaTypes.Primary(schema);
        if (type == JsonSchemaType.Array)
        {
            asserts.Add("body is array");
        }
        else if (type == JsonSchemaType.Object)
        {
            asserts.Add("body is object");
            foreach (var name in schema.Required ?? new HashSet<string>())
            {
                if (!SimpleName().IsMatch(name) || schema.Properties?.TryGetValue(name, out var property) != true)
                {
                    continue;
                }

                asserts.Add($"body.{name} exists");
                if (TypeWord(BodyField.Effective(property!)) is { } word && !SchemaTypes.AllowsNull(property!))
                {
                    asserts.Add($"body.{name} isType {word}");
                }
            }
        }

        return asserts;
    }

    private static string? TypeWord(IOpenApiSchema schema)
    {
        if (schema.Type is { } type && System.Numerics.BitOperations.PopCount((uint)(type & ~JsonSchemaType.Null)) != 1)
        {
            return null; // ["integer", "string"]: either may come.
        }

        return SchemaTypes.Primary(schema) switch
        {
            JsonSchemaType.String => "string",
            JsonSchemaType.Integer or JsonSchemaType.Number => "number",
            JsonSchemaType.Boolean => "boolean",
            JsonSchemaType.Array => "array",
            JsonSchemaType.Object => "object",
            _ => null,
        };
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex SimpleName();
}
