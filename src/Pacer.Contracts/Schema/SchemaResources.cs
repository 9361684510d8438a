using System.Text.Json.Nodes;

namespace Pacer.Contracts.Schema;

/// <summary>
/// Where every schema in a document lives, so <c>$ref</c> can be resolved: each schema object's base URI
/// (changed by <c>$id</c>), each resource by its URI, each <c>$anchor</c>. Built once by walking the document;
/// values of <c>enum</c>, <c>const</c>, <c>default</c> and examples are data, not schemas, and are not walked.
/// </summary>
internal sealed class SchemaResources
{
    /// <summary>The base of a document with no <c>$id</c>; only ever used to resolve relative references.</summary>
    public static readonly Uri DefaultBase = new("https://pacer.invalid/schema.json");

    private static readonly HashSet<string> DataKeywords = new(StringComparer.Ordinal) { "enum", "const", "default", "examples", "example" };

    private readonly Dictionary<JsonNode, Uri> baseOf = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, JsonNode> resources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonNode> anchors = new(StringComparer.Ordinal);

    public SchemaResources(JsonNode root, Uri? baseUri = null)
    {
        Walk(root, baseUri ?? DefaultBase);
        resources.TryAdd(WithoutFragment(baseUri ?? DefaultBase), root);
    }

    public Uri BaseOf(JsonNode schema) => baseOf.TryGetValue(schema, out var uri) ? uri : DefaultBase;

    /// <summary>Finds the schema a <c>$ref</c> written inside <paramref name="from"/> points at; null when it points nowhere known.</summary>
    public JsonNode? Resolve(JsonNode from, string reference)
    {
        if (Combine(BaseOf(from), reference) is not { } target)
        {
            return null;
        }

        var resourceUri = WithoutFragment(target);
        var fragment = Uri.UnescapeDataString(target.Fragment.TrimStart('#'));
        if (fragment.Length > 0 && fragment[0] != '/')
        {
            return anchors.GetValueOrDefault(resourceUri + "#" + fragment);
        }

        if (!resources.TryGetValue(resourceUri, out var resource))
        {
            return null;
        }

        return JsonPointer.TryResolve(resource, fragment, out var node) ? node : null;
    }

    private void Walk(JsonNode? node, Uri currentBase)
    {
        if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                Walk(item, currentBase);
            }

            return;
        }

        if (node is not JsonObject obj)
        {
            return;
        }

        if (obj.TryGetPropertyValue("$id", out var id) && id is JsonValue idValue && idValue.TryGetValue<string>(out var idText))
        {
            currentBase = Combine(currentBase, idText) ?? currentBase;
            resources.TryAdd(WithoutFragment(currentBase), obj);
        }

        baseOf.TryAdd(obj, currentBase);
        if (obj.TryGetPropertyValue("$anchor", out var anchor) && anchor is JsonValue anchorValue && anchorValue.TryGetValue<string>(out var anchorText))
        {
            anchors.TryAdd(WithoutFragment(currentBase) + "#" + anchorText, obj);
        }

        foreach (var (key, value) in obj)
        {
            if (!DataKeywords.Contains(key))
            {
                Walk(value, currentBase);
            }
        }
    }

    private static Uri? Combine(Uri baseUri, string reference)
    {
        if (reference.StartsWith('#'))
        {
            return Uri.TryCreate(WithoutFragment(baseUri) + reference, UriKind.Absolute, out var local) ? local : null;
        }

        // A reference with a scheme stands alone; "/x" must not become a file URI as it would on Unix.
        if (HasScheme(reference) && Uri.TryCreate(reference, UriKind.Absolute, out var absolute))
        {
            return absolute;
        }

        return Uri.TryCreate(baseUri, reference, out var combined) ? combined : null;
    }

    private static bool HasScheme(string reference)
    {
        var colon = reference.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && char.IsAsciiLetter(reference[0]) && reference[..colon].All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.');
    }

    private static string WithoutFragment(Uri uri)
    {
        var text = uri.AbsoluteUri;
        var hash = text.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? text : text[..hash];
    }
}
