using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;

namespace Storefront.Api.Infrastructure.OpenApi;

/// <summary>
/// Documents the problems the platform (not the handler) can answer with, so contract checks see them:
/// 401/403 from authorization, 429 from rate limits, 400/413/415 for JSON bodies.
/// </summary>
public sealed class ProblemResponsesTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var authorize = metadata.OfType<IAuthorizeData>().ToList();
        if (authorize.Count > 0 && !metadata.OfType<IAllowAnonymous>().Any())
        {
            Add(operation, context, StatusCodes.Status401Unauthorized, "Unauthorized: the bearer token is missing, invalid or expired.");
            if (authorize.Any(a => a.Policy is not null || a.Roles is not null))
            {
                Add(operation, context, StatusCodes.Status403Forbidden, "Forbidden: the user lacks the required role.");
            }
        }

        if (metadata.OfType<EnableRateLimitingAttribute>().Any())
        {
            Add(operation, context, StatusCodes.Status429TooManyRequests, "Too Many Requests: see the Retry-After header.");
        }

        if (operation.RequestBody is not null)
        {
            Add(operation, context, StatusCodes.Status400BadRequest, "Bad Request: malformed JSON or invalid fields.");
            Add(operation, context, StatusCodes.Status413PayloadTooLarge, "Payload Too Large.");
            Add(operation, context, StatusCodes.Status415UnsupportedMediaType, "Unsupported Media Type: send application/json.");
        }

        return Task.CompletedTask;
    }

    private static void Add(OpenApiOperation operation, OpenApiOperationTransformerContext context, int status, string description)
    {
        operation.Responses ??= [];
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses.ContainsKey(key))
        {
            return;
        }

        operation.Responses[key] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference("ProblemDetails", context.Document) },
            },
        };
    }
}
