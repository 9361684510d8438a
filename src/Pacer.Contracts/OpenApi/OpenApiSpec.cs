using System.Text;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Pacer.Contracts.OpenApi;

/// <summary>
/// An OpenAPI 3.0 or 3.1 document read from JSON or YAML with Microsoft.OpenApi. YAML is turned
/// into JSON first (<see cref="YamlToJson"/>) because the YAML reader package is not available
/// here; the JSON reader then does all the OpenAPI work ($ref resolution, 3.0/3.1 differences).
/// </summary>
public sealed class OpenApiSpec
{
    private OpenApiSpec(OpenApiDocument document, string source)
    {
        Document = document;
        Source = source;
    }

    public OpenApiDocument Document { get; }

    /// <summary>Where the document came from (a path or a label), for messages.</summary>
    public string Source { get; }

    public static async Task<OpenApiSpec> LoadFileAsync(string path, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path))
        {
            throw new OpenApiLoadException($"{path}: file not found");
        }

        var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        return await LoadAsync(text, path, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a document from its text; JSON when it starts with <c>{</c>, YAML otherwise.</summary>
    public static async Task<OpenApiSpec> LoadAsync(string text, string source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var json = text.TrimStart().StartsWith('{') ? text : YamlToJson.Convert(text, source);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        var result = await OpenApiDocument.LoadAsync(stream, "json", new OpenApiReaderSettings(), cancellationToken).ConfigureAwait(false);
        var errors = result.Diagnostic?.Errors ?? [];
        if (result.Document is null || errors.Count > 0)
        {
            var detail = errors.Count > 0
                ? string.Join("; ", errors.Select(e => string.IsNullOrEmpty(e.Pointer) ? e.Message : $"{e.Pointer}: {e.Message}"))
                : "not an OpenAPI document";
            throw new OpenApiLoadException($"{source}: {detail}");
        }

        return new OpenApiSpec(result.Document, source);
    }
}
