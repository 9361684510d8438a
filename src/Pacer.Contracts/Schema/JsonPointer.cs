using System.Text.Json.Nodes;

namespace Pacer.Contracts.Schema;

/// <summary>RFC 6901 JSON pointers: building them segment by segment and resolving them in a node tree.</summary>
public static class JsonPointer
{
    public static string Append(string path, string segment) =>
        path + "/" + segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    public static string Append(string path, int index) => path + "/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Resolves <paramref name="path"/> (already percent-decoded, without <c>#</c>) in <paramref name="root"/>.</summary>
    public static bool TryResolve(JsonNode? root, string path, out JsonNode? node)
    {
        node = root;
        if (path.Length == 0)
        {
            return true;
        }

        if (path[0] != '/')
        {
            return false;
        }

        foreach (var raw in path[1..].Split('/'))
        {
            var segment = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            switch (node)
            {
                case JsonObject obj when obj.TryGetPropertyValue(segment, out var child):
                    node = child;
                    break;
                case JsonArray array when int.TryParse(segment, out var index) && index >= 0 && index < array.Count:
                    node = array[index];
                    break;
                default:
                    node = null;
                    return false;
            }
        }

        return true;
    }
}
