using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Pacer.Contracts.OpenApi;

namespace Pacer.Contracts.Generation;

/// <summary>
/// Builds a concrete, valid-looking request for an operation: path, query and header parameters
/// and a JSON body from the document's examples, defaults and schemas (<see cref="SampleValues"/>).
/// Optional query parameters are sent only when the document gives them an example or a default.
/// </summary>
public static class RequestGenerator
{
    public static GeneratedRequest Build(OpenApiSpec spec, string path, HttpMethod method, OpenApiOperation operation)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var pathLevel = spec.Document.Paths?.TryGetValue(path, out var item) == true ? item.Parameters : null;
        return Draft(OperationCatalog.Create(path, method, operation, pathLevel)).Render();
    }

    public static GeneratedRequest Build(ApiOperation operation) => Draft(operation).Render();

    public static RequestDraft Draft(ApiOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var draft = new RequestDraft(operation);
        foreach (var parameter in operation.Parameters)
        {
            var declared = DeclaredValue(parameter);
            if (!parameter.Required && declared is null && parameter.In != ParameterLocation.Path)
            {
                continue;
            }

            var value = ParameterText(declared ?? SampleValues.For(parameter.Schema, parameter.Name));
            switch (parameter.In)
            {
                case ParameterLocation.Path:
                    draft.PathValues[parameter.Name ?? ""] = value;
                    break;
                case ParameterLocation.Query:
                    draft.Query.Add(new(parameter.Name ?? "", value));
                    break;
                case ParameterLocation.Header:
                    draft.Headers.Add(new(parameter.Name ?? "", value));
                    break;
                default:
                    break;
            }
        }

        if (operation.JsonRequestBody is { } body)
        {
            draft.ContentType = body.ContentType;
            draft.Body = BodyExample(body.Media) ?? SampleValues.For(body.Media.Schema);
        }

        return draft;
    }

    /// <summary>A valid value for one parameter, as it travels in a URL or header.</summary>
    public static string ValueFor(IOpenApiParameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return ParameterText(DeclaredValue(parameter) ?? SampleValues.For(parameter.Schema, parameter.Name));
    }

    /// <summary>A JSON value as it is written in a URL: strings raw, arrays comma-separated (style form, explode false).</summary>
    public static string ParameterText(JsonNode? value) => value switch
    {
        null => "",
        JsonArray array => string.Join(',', array.Select(ParameterText)),
        JsonValue scalar when scalar.GetValueKind() == JsonValueKind.String => scalar.GetValue<string>(),
        JsonValue scalar when scalar.GetValueKind() is JsonValueKind.True or JsonValueKind.False => scalar.GetValueKind() == JsonValueKind.True ? "true" : "false",
        _ => value.ToJsonString(),
    };

    private static JsonNode? DeclaredValue(IOpenApiParameter parameter)
    {
        if (parameter.Example is { } example)
        {
            return example;
        }

        if (parameter.Examples?.Values.FirstOrDefault(e => e.Value is not null)?.Value is { } named)
        {
            return named;
        }

        return parameter.Schema?.Default ?? parameter.Schema?.Enum?.FirstOrDefault(e => e is not null);
    }

    private static JsonNode? BodyExample(OpenApiMediaType media)
    {
        if (media.Example is { } example)
        {
            return example.DeepClone();
        }

        return media.Examples?.Values.FirstOrDefault(e => e.Value is not null)?.Value?.DeepClone();
    }
}
