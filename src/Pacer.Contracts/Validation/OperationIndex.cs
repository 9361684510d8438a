using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pacer.Contracts.Schema;

namespace Pacer.Contracts.Validation;

/// <summary>
/// Finds the operation a concrete request was for: strips the base path of the document's servers
/// (<c>https://shop.example/api</c> → <c>/api</c>), then matches path templates segment by segment,
/// preferring the template with the most literal text (<c>/products/search</c> over <c>/products/{id}</c>).
/// </summary>
public sealed class OperationIndex
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    private readonly List<(DocumentedOperation Operation, Regex Pattern, int Literal)> operations = [];
    private readonly List<string> basePaths;

    public OperationIndex(JsonObject document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var documentSecured = document["security"] is JsonArray { Count: > 0 } global && global.Any(r => r is JsonObject { Count: > 0 });
        foreach (var (template, pathNode) in document["paths"] as JsonObject ?? [])
        {
            if (OpenApiJson.Dereference(document, pathNode) is not JsonObject pathItem)
            {
                continue;
            }

            foreach (var method in Methods)
            {
                if (pathItem[method] is JsonObject node)
                {
                    var pointer = JsonPointer.Append(JsonPointer.Append("/paths", template), method);
                    var secured = node["security"] is JsonArray requirements ? requirements.Count > 0 && requirements.All(r => r is JsonObject { Count: > 0 }) : documentSecured;
                    var operationId = node["operationId"]?.GetValue<string>();
                    var operation = new DocumentedOperation(method.ToUpperInvariant(), template, operationId, node, pointer) { IsSecured = secured };
                    operations.Add((operation, PatternFor(template), template.Count(c => c is not ('{' or '}'))));
                }
            }
        }

        // Longest literal text first: the most specific template wins when several match.
        operations.Sort((a, b) => b.Literal.CompareTo(a.Literal));
        basePaths = (document["servers"] as JsonArray ?? []).Select(s => BasePathOf(s?["url"]?.GetValue<string>())).Where(p => p.Length > 0).Distinct().OrderByDescending(p => p.Length).ToList();
    }

    public IEnumerable<DocumentedOperation> All => operations.Select(o => o.Operation).OrderBy(o => o.PathTemplate, StringComparer.Ordinal).ThenBy(o => o.Method, StringComparer.Ordinal);

    public DocumentedOperation? ById(string operationId) => operations.Select(o => o.Operation).FirstOrDefault(o => o.OperationId == operationId);

    /// <summary>The operation for a method and URL, or null; <paramref name="pathExists"/> says whether some other method has the path.</summary>
    public DocumentedOperation? Find(string method, Uri url, out bool pathExists)
    {
        ArgumentNullException.ThrowIfNull(url);
        var path = Uri.UnescapeDataString(url.IsAbsoluteUri ? url.AbsolutePath : url.OriginalString.Split('?', '#')[0]);
        var candidates = new List<string> { path };
        candidates.AddRange(basePaths.Where(b => path.StartsWith(b + "/", StringComparison.OrdinalIgnoreCase) || path.Equals(b, StringComparison.OrdinalIgnoreCase)).Select(b => path[b.Length..]));
        pathExists = false;
        foreach (var candidate in candidates.Select(c => c.Length == 0 ? "/" : c))
        {
            foreach (var (operation, pattern, _) in operations)
            {
                if (!pattern.IsMatch(candidate))
                {
                    continue;
                }

                pathExists = true;
                if (string.Equals(operation.Method, method, StringComparison.OrdinalIgnoreCase))
                {
                    return operation;
                }
            }
        }

        return null;
    }

    private static Regex PatternFor(string template)
    {
        var parts = Regex.Split(template.TrimEnd('/'), @"(\{[^}]+\})").Select(part => part.StartsWith('{') ? "[^/]+" : Regex.Escape(part));
        return new Regex("^" + string.Concat(parts) + "/?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    private static string BasePathOf(string? serverUrl)
    {
        if (string.IsNullOrEmpty(serverUrl))
        {
            return "";
        }

        // Server URLs may be relative ("/api") or carry variables ("{scheme}://host/v1"); only the path matters here.
        var withoutScheme = Regex.Replace(serverUrl, "^[^:/]*://[^/]*", "", RegexOptions.None, TimeSpan.FromSeconds(1));
        return withoutScheme.TrimEnd('/');
    }
}
