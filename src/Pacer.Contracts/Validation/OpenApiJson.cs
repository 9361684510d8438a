using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Pacer.Contracts.Validation;

/// <summary>
/// An OpenAPI document as one JSON tree, written by Microsoft.OpenApi as 3.1 whatever it was read as:
/// 3.0's <c>nullable</c> becomes a <c>"null"</c> type and its boolean exclusive bounds numeric ones, so the
/// validator sees one dialect, and <c>$ref</c>s stay pointers into the same tree.
/// </summary>
public static class OpenApiJson
{
    public static JsonObject From(OpenApiDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        document.SerializeAsV31(new OpenApiJsonWriter(text));
        return JsonNode.Parse(text.ToString())!.AsObject();
    }

    /// <summary>Follows a local <c>$ref</c> (<c>#/components/responses/NotFound</c>) until a node without one; cycles stop.</summary>
    public static JsonNode? Dereference(JsonObject root, JsonNode? node)
    {
        for (var hops = 0; hops < 16 && node is JsonObject obj && obj["$ref"] is JsonValue reference && reference.TryGetValue<string>(out var target); hops++)
        {
            if (!target.StartsWith('#') || !Schema.JsonPointer.TryResolve(root, Uri.UnescapeDataString(target[1..]), out node))
            {
                return null;
            }
        }

        return node;
    }
}
