using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;
using Storefront.Api.Infrastructure.Overload;
using Storefront.Api.Infrastructure.RateLimiting;

namespace Storefront.Api.Infrastructure.OpenApi;

/// <summary>
/// Documents the problems the platform (not the handler) can answer with, so contract checks see them:
/// 401/403 from authorization, 429 from rate limits (every route but health and metrics), 503 from the overload
/// bound (the same routes), 400/413/415 for JSON bodies and 400 for query or header parameters with rules.
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

        var path = new PathString("/" + (context.Description.RelativePath ?? "").TrimStart('/'));
        if (!StorefrontRateLimits.IsExempt(path) || metadata.OfType<EnableRateLimitingAttribute>().Any())
        {
            Add(operation, context, StatusCodes.Status429TooManyRequests, "Too Many Requests: see the Retry-After header.");
        }

        if (!OverloadProtectionMiddleware.IsExempt(path))
        {
            Add(operation, context, StatusCodes.Status503ServiceUnavailable, "Service Unavailable: past capacity; see the Retry-After header.");
        }

        if (operation.Parameters?.Any(p => p.In is ParameterLocation.Query or ParameterLocation.Header && (p.Required || p.Schema is OpenApiSchema { Minimum: not null } or OpenApiSchema { Maximum: not null } or OpenApiSchema { MaxLength: not null } or OpenApiSchema { Pattern: not null } or OpenApiSchema { Enum.Count: > 0 })) == true)
        {
            Add(operation, context, StatusCodes.Status400BadRequest, "Bad Request: a parameter breaks its documented rules.");
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
