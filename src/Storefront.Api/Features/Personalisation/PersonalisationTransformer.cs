using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Storefront.Api.Features.Personalisation;

/// <summary>Documents the shopper-context headers, their 400, and the Vary and Content-Language answers on personalised endpoints.</summary>
internal sealed class PersonalisationTransformer(IOptions<PersonalisationOptions> options) : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (!context.Description.ActionDescriptor.EndpointMetadata.OfType<PersonalisedResponse>().Any())
        {
            return Task.CompletedTask;
        }

        var rates = string.Join(", ", options.Value.Rates.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Key} {r.Value}")));
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = ShopperContext.HeaderName,
            In = ParameterLocation.Header,
            Description = "Personalisation: `locale=de; currency=EUR; segment=bargain`, each part optional. "
                + $"locale: {string.Join(", ", ShopperContext.Locales)} (category names; overrides Accept-Language). "
                + $"currency: {string.Join(", ", options.Value.Rates.Keys)} (prices converted from the catalog's USD at fixed rates per USD: {rates}; orders are charged in USD). "
                + $"segment: {string.Join(", ", ShopperContext.Segments)} (the default sort when the query names none: bargain price, premium -price, new -createdAt).",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 200, Pattern = ShopperContext.Pattern },
        });
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "Accept-Language",
            In = ParameterLocation.Header,
            Description = $"The locale when {ShopperContext.HeaderName} names none: the most preferred of {string.Join(", ", ShopperContext.Locales)}; others are ignored.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });

        operation.Responses ??= [];
        if (!operation.Responses.ContainsKey("400"))
        {
            operation.Responses["400"] = new OpenApiResponse
            {
                Description = $"Bad Request: {ShopperContext.HeaderName} is malformed (code invalid_shopper_context).",
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference("ProblemDetails", context.Document) },
                },
            };
        }

        if (operation.Responses.TryGetValue("200", out var ok) && ok is OpenApiResponse response)
        {
            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            response.Headers["Vary"] = new OpenApiHeader
            {
                Description = "Always lists `" + PersonalisationFilter.Vary + "`: the body depends on them.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            };
            response.Headers["Content-Language"] = new OpenApiHeader
            {
                Description = "The locale the body is in.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. ShopperContext.Locales.Select(l => (JsonNode)JsonValue.Create(l))] },
            };
        }

        return Task.CompletedTask;
    }
}
