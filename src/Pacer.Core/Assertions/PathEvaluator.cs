using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pacer.Core.Flow.Syntax;
using Pacer.Core.Http;
using Pacer.Core.Templating;

namespace Pacer.Core.Assertions;

/// <summary>
/// Reads a <see cref="ValuePath"/> from a response. Roots: <c>status</c> (number), <c>duration</c>
/// (milliseconds, number), <c>header.Name</c> (string, name case-insensitive), <c>body</c> (the parsed
/// JSON, or the body text as a string when it is not JSON). Property names match exactly (case-sensitive).
/// An index below zero counts from the end (<c>[-1]</c> is the last item). A property segment made of digits
/// on an array is an index (<c>items.0</c>), as kest flows write it. Returned nodes belong to the response
/// tree: clone before keeping them.
/// </summary>
public static class PathEvaluator
{
    public static PathLookup Evaluate(ValuePath path, ResponseSnapshot response)
    {
        try
        {
            return Walk(path, response);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException)
        {
            // System.Text.Json reports a body with duplicate keys only when the object is first read.
            return PathLookup.Missing($"the body could not be read as JSON: {ex.Message}");
        }
    }

    private static PathLookup Walk(ValuePath path, ResponseSnapshot response)
    {
        var root = ReadRoot(path, response);
        if (!root.Found)
        {
            return root;
        }

        var current = root.Value;
        var walked = RootName(path);
        foreach (var segment in path.Segments)
        {
            var next = Step(current, segment, walked);
            if (!next.Found)
            {
                return next;
            }

            current = next.Value;
            walked += Describe(segment);
        }

        return PathLookup.Of(current);
    }

    private static PathLookup ReadRoot(ValuePath path, ResponseSnapshot response) => path.Root switch
    {
        PathRoot.Status => PathLookup.Of(JsonValue.Create(response.Status)),
        PathRoot.Duration => PathLookup.Of(JsonValue.Create(response.Duration.TotalMilliseconds)),
        PathRoot.Header => path.HeaderName is not null && response.Header(path.HeaderName) is { } value
            ? PathLookup.Of(JsonValue.Create(value))
            : PathLookup.Missing($"the response has no header '{path.HeaderName}'"),
        PathRoot.Body => response.BodyIsJson ? PathLookup.Of(response.Json) : PathLookup.Of(JsonValue.Create(response.BodyText)),
        _ => PathLookup.Missing($"unknown path root {path.Root}"),
    };

    private static string RootName(ValuePath path) => path.Root switch
    {
        PathRoot.Header => $"header.{path.HeaderName}",
        _ => path.Root.ToString().ToLowerInvariant(),
    };

    private static string Describe(PathSegment segment) => segment switch
    {
        PropertySegment property => "." + property.Name,
        IndexSegment index => $"[{index.Index}]",
        _ => " length",
    };

    private static PathLookup Step(JsonNode? current, PathSegment segment, string walked) => segment switch
    {
        PropertySegment property => Property(current, property.Name, walked),
        IndexSegment index => Index(current, index.Index, walked),
        LengthSegment => Count(current, walked),
        _ => PathLookup.Missing($"unsupported path segment {segment.GetType().Name}"),
    };

    private static PathLookup Property(JsonNode? current, string name, string walked)
    {
        if (current is JsonObject obj)
        {
            if (obj.TryGetPropertyValue(name, out var value))
            {
                return PathLookup.Of(value);
            }

            return name == "length"
                ? Count(current, walked)
                : PathLookup.Missing($"{walked} has no property '{name}'");
        }

        if (current is JsonArray && int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return Index(current, index, walked);
        }

        return name == "length"
            ? Count(current, walked)
            : PathLookup.Missing($"{walked} is {KindName(current)}, not an object, so it has no property '{name}'");
    }

    private static PathLookup Index(JsonNode? current, int index, string walked)
    {
        if (current is not JsonArray array)
        {
            return PathLookup.Missing($"{walked} is {KindName(current)}, not an array, so it has no index [{index}]");
        }

        var position = index < 0 ? array.Count + index : index;
        return position >= 0 && position < array.Count
            ? PathLookup.Of(array[position])
            : PathLookup.Missing($"{walked} has {array.Count} item(s), so index [{index}] is out of range");
    }

    /// <summary>Items of an array, characters (UTF-16 code units) of a string, keys of an object.</summary>
    private static PathLookup Count(JsonNode? current, string walked) => current switch
    {
        JsonArray array => PathLookup.Of(JsonValue.Create(array.Count)),
        JsonObject obj => PathLookup.Of(JsonValue.Create(obj.Count)),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => PathLookup.Of(JsonValue.Create(value.GetValue<string>().Length)),
        _ => PathLookup.Missing($"{walked} is {KindName(current)}, which has no length"),
    };

    private static string KindName(JsonNode? node) => ValueFormatter.TypeName(JsonText.KindOf(node)) switch
    {
        "null" => "null",
        var name => (name[0] is 'a' or 'o' ? "an " : "a ") + name,
    };
}
