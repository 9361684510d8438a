using System.Text.Json;
using System.Text.Json.Nodes;
using Pacer.Contracts.Generation;

namespace Pacer.Contracts.Import;

/// <summary>
/// Imports a Postman v2.1 collection: one flow per top-level folder (requests at the root make one
/// more), nested folders as headings, collection variables as <c>@var</c>, bearer auth (inherited from
/// collection and folders) as an Authorization header, raw and urlencoded bodies. Test scripts are not
/// imported; each step that had one says so.
/// </summary>
public static class PostmanImporter
{
    public static IReadOnlyList<ImportedFlow> Import(string json, string source)
    {
        JsonObject collection;
        try
        {
            collection = JsonNode.Parse(json) as JsonObject ?? throw new ImportException($"{source}: not a Postman collection (expected a JSON object)");
        }
        catch (JsonException exception)
        {
            throw new ImportException($"{source}: not valid JSON ({exception.Message})");
        }

        if (collection["info"]?["schema"]?.GetValue<string>() is { } schema && !schema.Contains("v2.", StringComparison.Ordinal))
        {
            throw new ImportException($"{source}: only Postman collection format v2.0/v2.1 is supported (found {schema})");
        }

        var name = collection["info"]?["name"]?.GetValue<string>() ?? Path.GetFileNameWithoutExtension(source);
        var defined = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var variable in collection["variable"]?.AsArray() ?? [])
        {
            if (variable?["key"]?.GetValue<string>() is { } key)
            {
                defined[FlowText.VariableName(key)] = Text(variable["value"]);
            }
        }

        var items = collection["item"]?.AsArray() ?? [];
        var auth = collection["auth"] as JsonObject;
        var flows = new List<ImportedFlow>();
        var rootRequests = items.OfType<JsonObject>().Where(i => i["request"] is not null).ToList();
        if (rootRequests.Count > 0)
        {
            flows.Add(BuildFlow(name, name, rootRequests, auth, defined, source));
        }

        foreach (var folder in items.OfType<JsonObject>().Where(i => i["item"] is JsonArray))
        {
            var folderName = folder["name"]?.GetValue<string>() ?? "folder";
            flows.Add(BuildFlow($"{name}: {folderName}", $"{name} {folderName}", [folder], Inherit(auth, folder), defined, source, skipFolderHeading: true));
        }

        return flows;
    }

    private static ImportedFlow BuildFlow(string title, string stem, List<JsonObject> items, JsonObject? auth, Dictionary<string, string> defined, string source, bool skipFolderHeading = false)
    {
        var flow = new FlowText(title).Paragraph($"Imported from the Postman collection `{Path.GetFileName(source)}` by `pacer import postman`.");
        var variables = new PostmanVariables();
        foreach (var item in items)
        {
            Add(flow, item, auth, variables, skipFolderHeading);
        }

        foreach (var name in variables.Used)
        {
            flow.Variable(name, defined.TryGetValue(name, out var value) ? value : "replace-me");
        }

        var undefined = variables.Used.Where(n => !defined.ContainsKey(n)).ToList();
        if (undefined.Count > 0)
        {
            flow.Paragraph($"Variables the collection uses but does not define (from a Postman environment, say) default to `replace-me`: {string.Join(", ", undefined.Select(n => $"`{n}`"))}. Give them with `--var` or an environment.");
        }

        if (variables.UnknownDynamic.Count > 0)
        {
            flow.Paragraph($"Postman dynamic variables with no Pacer built-in were replaced by fixed text: {string.Join(", ", variables.UnknownDynamic.Select(n => $"`{n}`"))}.");
        }

        return flow.Build(stem);
    }

    private static void Add(FlowText flow, JsonObject item, JsonObject? auth, PostmanVariables variables, bool skipHeading)
    {
        var name = item["name"]?.GetValue<string>() ?? "request";
        if (item["item"] is JsonArray children)
        {
            if (!skipHeading)
            {
                flow.Heading(name);
            }

            foreach (var child in children.OfType<JsonObject>())
            {
                Add(flow, child, Inherit(auth, item), variables, skipHeading: false);
            }

            return;
        }

        if (item["request"] is not { } request)
        {
            return;
        }

        var notes = new List<string>();
        var method = (request is JsonObject r ? r["method"]?.GetValue<string>() : null)?.ToUpperInvariant() ?? "GET";
        var url = variables.Rewrite(request is JsonValue ? Text(request) : Url(request["url"]));
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var header in (request as JsonObject)?["header"]?.AsArray() ?? [])
        {
            if (header?["disabled"]?.GetValue<bool>() != true && header?["key"]?.GetValue<string>() is { Length: > 0 } key)
            {
                headers.Add(new(key, variables.Rewrite(Text(header["value"]))));
            }
        }

        var effectiveAuth = Inherit(auth, request as JsonObject);
        if (effectiveAuth?["type"]?.GetValue<string>() == "bearer" && !headers.Any(h => h.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase)))
        {
            var token = effectiveAuth["bearer"]?.AsArray().FirstOrDefault(b => b?["key"]?.GetValue<string>() == "token")?["value"];
            headers.Add(new("Authorization", "Bearer " + variables.Rewrite(Text(token))));
        }
        else if (effectiveAuth?["type"]?.GetValue<string>() is { } type && type is not ("bearer" or "noauth"))
        {
            notes.Add($"Postman `{type}` auth is not imported; add the header it sends.");
        }

        var body = Body((request as JsonObject)?["body"] as JsonObject, headers, variables, notes);
        var tests = item["event"]?.AsArray().Where(e => e?["listen"]?.GetValue<string>() == "test").Sum(e => e?["script"]?["exec"]?.AsArray().Count ?? 0) ?? 0;
        if (tests > 0)
        {
            notes.Add($"Its Postman test script ({tests} line(s) of JavaScript) is not imported; write its checks as assertions.");
        }

        var status = item["response"]?.AsArray().Select(r => r?["code"]).OfType<JsonValue>().FirstOrDefault();
        var asserts = new[] { status is null ? "status < 400" : $"status == {status.ToJsonString()}" };
        var kest = KestBlock.Write(new GeneratedRequest(method, url, headers, body), name, asserts, keepTemplates: true);
        flow.Step(name, kest, string.Join(" ", notes));
    }

    private static string? Body(JsonObject? body, List<KeyValuePair<string, string>> headers, PostmanVariables variables, List<string> notes)
    {
        switch (body?["mode"]?.GetValue<string>())
        {
            case "raw":
                var raw = variables.Rewrite(Text(body["raw"]));
                var language = body["options"]?["raw"]?["language"]?.GetValue<string>();
                if (language == "json" && !headers.Any(h => h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)))
                {
                    headers.Add(new("Content-Type", "application/json"));
                }

                return raw.Length == 0 ? null : raw;
            case "urlencoded":
                headers.RemoveAll(h => h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase));
                headers.Add(new("Content-Type", "application/x-www-form-urlencoded"));
                return string.Join('&', (body["urlencoded"]?.AsArray() ?? []).Where(p => p?["disabled"]?.GetValue<bool>() != true)
                    .Select(p => Uri.EscapeDataString(Text(p?["key"])) + "=" + variables.Rewrite(Text(p?["value"]))));
            case null:
                return null;
            case var mode:
                notes.Add($"Its `{mode}` body is not imported.");
                return null;
        }
    }

    /// <summary>An item's own auth, else what it inherits; <c>noauth</c> stops inheritance.</summary>
    private static JsonObject? Inherit(JsonObject? inherited, JsonObject? item) => item?["auth"] as JsonObject ?? inherited;

    private static string Url(JsonNode? url) => url switch
    {
        JsonValue value => Text(value),
        JsonObject obj when obj["raw"] is { } raw => Text(raw),
        JsonObject obj => string.Join('/', (obj["path"]?.AsArray() ?? []).Select(Text)),
        _ => "/",
    };

    private static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => node.ToJsonString(),
    };
}
