using System.Text.Json;
using System.Text.RegularExpressions;
using Storefront.Api.Tests.Infrastructure;
using Xunit;

namespace Storefront.Api.Tests.Contract;

/// <summary>Storefront's served OpenAPI document, and the few look-ups the agreement tests make in it.</summary>
public sealed class OpenApiDocument(JsonElement root)
{
    public JsonElement Root { get; } = root;

    public static async Task<OpenApiDocument> FetchAsync(StorefrontFactory app)
    {
        var response = await app.CreateClient().GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return new OpenApiDocument(JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.Clone());
    }

    public JsonElement Operation(string method, string path) => Root.GetProperty("paths").GetProperty(path).GetProperty(method);

    /// <summary>The request body schema of an operation, with its $ref followed.</summary>
    public JsonElement RequestSchema(string method, string path) =>
        Resolve(Operation(method, path).GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema"));

    public JsonElement Parameter(string method, string path, string name) =>
        Operation(method, path).GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == name);

    public JsonElement Resolve(JsonElement schema) =>
        schema.TryGetProperty("oneOf", out var choices) && choices.EnumerateArray().Any(c => c.TryGetProperty("$ref", out _))
            ? Resolve(choices.EnumerateArray().First(c => c.TryGetProperty("$ref", out _)))
        : schema.TryGetProperty("$ref", out var reference)
            ? Root.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1])
            : schema;

    public static IReadOnlyList<string> Required(JsonElement schema) =>
        schema.TryGetProperty("required", out var required) ? required.EnumerateArray().Select(r => r.GetString()!).ToList() : [];

    /// <summary>The JSON types a schema admits ("type" is a string or an array in OpenAPI 3.1).</summary>
    public static IReadOnlyList<string> Types(JsonElement schema) =>
        !schema.TryGetProperty("type", out var type) ? []
        : type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToList()
        : [type.GetString()!];

    /// <summary>Whether a string value satisfies a string schema's minLength, maxLength and pattern (ECMA-262 patterns read by .NET's engine).</summary>
    public static bool Admits(JsonElement schema, string value) =>
        (!schema.TryGetProperty("minLength", out var min) || value.Length >= min.GetInt32())
        && (!schema.TryGetProperty("maxLength", out var max) || value.Length <= max.GetInt32())
        && (!schema.TryGetProperty("pattern", out var pattern) || Regex.IsMatch(value, pattern.GetString()!));
}
