using System.Text.Json;
using System.Text.Json.Nodes;
using Pacer.Contracts.OpenApi;
using Pacer.Contracts.Schema;

namespace Pacer.Contracts.Validation;

/// <summary>
/// Checks one response against the document: the operation exists, the status is documented (exactly,
/// as a range such as <c>2XX</c>, or by <c>default</c>), the content type is one the response lists, and a
/// JSON body validates against that content's schema (writeOnly properties must not appear). Built once per
/// document; thread-safe.
/// </summary>
public sealed class ResponseValidator
{
    private readonly JsonObject document;
    private readonly JsonSchemaValidator schemas;

    public ResponseValidator(OpenApiSpec spec)
        : this(spec?.Document!)
    {
    }

    public ResponseValidator(Microsoft.OpenApi.OpenApiDocument openApiDocument)
    {
        ArgumentNullException.ThrowIfNull(openApiDocument);
        document = OpenApiJson.From(openApiDocument);
        schemas = new JsonSchemaValidator(document);
        Operations = new OperationIndex(document);
    }

    public OperationIndex Operations { get; }

    /// <summary>The document as one JSON tree (OpenAPI 3.1), for schema look-ups.</summary>
    public JsonObject Document => document;

    /// <summary>The validator over <see cref="Document"/>'s schemas.</summary>
    public JsonSchemaValidator Schemas => schemas;

    /// <summary>Validates a response to <paramref name="method"/> <paramref name="url"/>, first finding its operation.</summary>
    public IReadOnlyList<ContractViolation> Validate(string method, Uri url, int status, string? contentType, string body)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(url);
        var operation = Operations.Find(method, url, out var pathExists);
        if (operation is null)
        {
            var request = $"{method.ToUpperInvariant()} {url.AbsolutePath}";
            return [pathExists
                ? new ContractViolation(request, status, "operation", $"a method the document lists for {url.AbsolutePath}", method.ToUpperInvariant())
                : new ContractViolation(request, status, "operation", "a path the document lists", url.AbsolutePath)];
        }

        return Validate(operation, status, contentType, body);
    }

    public IReadOnlyList<ContractViolation> Validate(DocumentedOperation operation, int status, string? contentType, string body)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var name = operation.DisplayName;
        var responses = operation.Node["responses"] as JsonObject ?? [];
        var key = StatusKey(responses, status);
        if (key is null)
        {
            var documented = responses.Count == 0 ? "(none)" : string.Join(", ", responses.Select(r => r.Key));
            return [new ContractViolation(name, status, "status", "one of " + documented, status.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        }

        var response = OpenApiJson.Dereference(document, responses[key]) as JsonObject;
        var content = response?["content"] as JsonObject;
        var mediaType = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (content is null || content.Count == 0)
        {
            return string.IsNullOrEmpty(body)
                ? []
                : [new ContractViolation(name, status, "content", $"no body (response {key} documents none)", $"{body.Length} characters of {mediaType ?? "unknown type"}")];
        }

        if (string.IsNullOrEmpty(mediaType))
        {
            return string.IsNullOrEmpty(body)
                ? [new ContractViolation(name, status, "content", "a body of " + string.Join(" or ", content.Select(c => c.Key)), "an empty body")]
                : [new ContractViolation(name, status, "content-type", "one of " + string.Join(", ", content.Select(c => c.Key)), "no Content-Type")];
        }

        var mediaKey = MediaKey(content, mediaType);
        if (mediaKey is null)
        {
            return [new ContractViolation(name, status, "content-type", "one of " + string.Join(", ", content.Select(c => c.Key)), mediaType)];
        }

        var schema = (OpenApiJson.Dereference(document, content[mediaKey]) as JsonObject)?["schema"];
        if (schema is null || !IsJson(mediaType))
        {
            return [];
        }

        JsonNode? instance;
        try
        {
            instance = StrictJson.Parse(body);
        }
        catch (JsonException exception)
        {
            return [new ContractViolation(name, status, "body", "JSON (" + mediaType + ")", "text that is not JSON: " + exception.Message.Split('.')[0])];
        }

        return schemas.Validate(schema, instance, SchemaDirection.Response).Select(v => ContractViolation.OfBody(name, status, v)).ToList();
    }

    private static string? StatusKey(JsonObject responses, int status)
    {
        var exact = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (responses.ContainsKey(exact))
        {
            return exact;
        }

        var range = exact[0] + "XX";
        return responses.Select(r => r.Key).FirstOrDefault(k => string.Equals(k, range, StringComparison.OrdinalIgnoreCase))
            ?? (responses.ContainsKey("default") ? "default" : null);
    }

    /// <summary>The documented media type a response's type falls under: exact first, then <c>type/*</c>, then <c>*/*</c>.</summary>
    private static string? MediaKey(JsonObject content, string mediaType)
    {
        var keys = content.Select(c => c.Key).ToList();
        var family = mediaType.Split('/')[0] + "/*";
        return keys.FirstOrDefault(k => string.Equals(k.Split(';')[0].Trim(), mediaType, StringComparison.OrdinalIgnoreCase))
            ?? keys.FirstOrDefault(k => string.Equals(k, family, StringComparison.OrdinalIgnoreCase))
            ?? keys.FirstOrDefault(k => k == "*/*");
    }

    private static bool IsJson(string mediaType) => mediaType == "application/json" || mediaType.EndsWith("+json", StringComparison.Ordinal);
}
