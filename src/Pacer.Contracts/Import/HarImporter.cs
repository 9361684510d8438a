using System.Text.Json;
using System.Text.Json.Nodes;
using Pacer.Contracts.Generation;

namespace Pacer.Contracts.Import;

/// <summary>
/// Imports a browser recording (HAR 1.2) as one flow: each API call becomes a step asserting the status
/// that was recorded. Static assets and page loads are dropped; of the headers, only those that change
/// what the API does are kept (<see cref="KeptHeaders"/>, plus any X- header); a recorded bearer token
/// becomes the <c>token</c> variable. URLs on the most used origin become paths under <c>base_url</c>.
/// </summary>
public static class HarImporter
{
    /// <summary>Headers worth replaying; browser and transport headers (User-Agent, Cookie, Accept-Encoding, sec-*) are not.</summary>
    public static IReadOnlySet<string> KeptHeaders { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization", "Content-Type", "Accept", "Idempotency-Key", "If-Match", "If-None-Match",
    };

    private static readonly string[] StaticExtensions =
        [".js", ".mjs", ".css", ".map", ".png", ".jpg", ".jpeg", ".gif", ".svg", ".ico", ".webp", ".avif", ".woff", ".woff2", ".ttf", ".otf", ".eot", ".mp4", ".webm"];

    private static readonly string[] DroppedXHeaders = ["X-Requested-With", "X-Forwarded-For", "X-Client-Data"];

    public static ImportedFlow Import(string json, string source)
    {
        JsonArray entries;
        try
        {
            entries = JsonNode.Parse(json)?["log"]?["entries"] as JsonArray ?? throw new ImportException($"{source}: not a HAR file (no log.entries)");
        }
        catch (JsonException exception)
        {
            throw new ImportException($"{source}: not valid JSON ({exception.Message})");
        }

        var calls = entries.OfType<JsonObject>().Where(IsApiCall).ToList();
        var origins = calls.Select(e => Uri.TryCreate(e["request"]?["url"]?.GetValue<string>(), UriKind.Absolute, out var u) ? u.GetLeftPart(UriPartial.Authority) : null)
            .OfType<string>().GroupBy(o => o, StringComparer.Ordinal).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
        var title = Path.GetFileNameWithoutExtension(source);
        var flow = new FlowText(title).Paragraph(
            $"Imported from the recording `{Path.GetFileName(source)}` by `pacer import har`: {calls.Count} API call(s) of {entries.Count} recorded "
            + "(static assets and page loads dropped), each asserting the status it got then.");
        if (origins is not null)
        {
            flow.Variable("base_url", origins);
        }

        foreach (var entry in calls)
        {
            var request = entry["request"]!;
            var method = request["method"]?.GetValue<string>()?.ToUpperInvariant() ?? "GET";
            var url = request["url"]?.GetValue<string>() ?? "/";
            var path = origins is not null && url.StartsWith(origins, StringComparison.Ordinal) ? url[origins.Length..] : url;
            if (path.Length == 0 || path[0] != '/' && !path.StartsWith("http", StringComparison.Ordinal))
            {
                path = "/" + path;
            }

            var headers = new List<KeyValuePair<string, string>>();
            foreach (var header in request["headers"]?.AsArray() ?? [])
            {
                var name = header?["name"]?.GetValue<string>() ?? "";
                var value = header?["value"]?.GetValue<string>() ?? "";
                if (!Keep(name, value) || headers.Any(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                if (name.Equals("Authorization", StringComparison.OrdinalIgnoreCase) && value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
                {
                    flow.Variable("token", value["Bearer ".Length..].Trim());
                    value = "Bearer {{token}}";
                }

                headers.Add(new(Canonical(name), value == "Bearer {{token}}" ? value : value.Replace("{{", "{ {", StringComparison.Ordinal)));
            }

            var body = request["postData"]?["text"]?.GetValue<string>();
            if (body is not null && !headers.Any(h => h.Key == "Content-Type") && request["postData"]?["mimeType"]?.GetValue<string>() is { Length: > 0 } mime)
            {
                headers.Add(new("Content-Type", mime));
            }

            var status = entry["response"]?["status"]?.GetValue<int>() ?? 0;
            var asserts = status > 0 ? new[] { $"status == {status}" } : [];
            var step = $"{method} {path.Split('?')[0]}";
            // Recorded text is literal: braces that would read as placeholders are escaped, the token variable is ours.
            var generated = new GeneratedRequest(method, path.Replace("{{", "%7B%7B", StringComparison.Ordinal), headers, string.IsNullOrEmpty(body) ? null : KestBlock.BodySafe(body));
            flow.Step(step, KestBlock.Write(generated, step, asserts, keepTemplates: true));
        }

        if (flow.HasVariable("token"))
        {
            flow.Paragraph("The recorded bearer token is the default of `token`; it has most likely expired, so give a fresh one with `--var token=…`.");
        }

        return flow.Build(title);
    }

    private static bool IsApiCall(JsonObject entry)
    {
        var url = entry["request"]?["url"]?.GetValue<string>() ?? "";
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return false;
        }

        var path = uri.AbsolutePath.ToLowerInvariant();
        if (StaticExtensions.Any(e => path.EndsWith(e, StringComparison.Ordinal)))
        {
            return false;
        }

        var mime = entry["response"]?["content"]?["mimeType"]?.GetValue<string>()?.ToLowerInvariant() ?? "";
        var resourceType = entry["_resourceType"]?.GetValue<string>();
        return !(mime.StartsWith("image/", StringComparison.Ordinal) || mime.StartsWith("font/", StringComparison.Ordinal)
            || mime.Contains("css", StringComparison.Ordinal) || mime.Contains("javascript", StringComparison.Ordinal)
            || mime.StartsWith("text/html", StringComparison.Ordinal)
            || resourceType is "stylesheet" or "script" or "image" or "font" or "document" or "media");
    }

    private static bool Keep(string name, string value) =>
        !name.StartsWith(':') && value.Length > 0
        && (KeptHeaders.Contains(name) && !(name.Equals("Accept", StringComparison.OrdinalIgnoreCase) && value.Contains("*/*", StringComparison.Ordinal))
            || name.StartsWith("X-", StringComparison.OrdinalIgnoreCase) && !DroppedXHeaders.Contains(name, StringComparer.OrdinalIgnoreCase));

    /// <summary>HTTP/2 recordings have lower-case names; written as people write them.</summary>
    private static string Canonical(string name) =>
        string.Join('-', name.Split('-').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..].ToLowerInvariant()));
}
