using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Storefront.Api.Infrastructure.OpenApi;

/// <summary>
/// Documents the extension members Storefront's problem+json bodies carry (ProblemDetails and
/// HttpValidationProblemDetails alike): <c>code</c>, <c>traceId</c> and <c>requestId</c> on every problem
/// (see <see cref="Errors.ProblemDetailsSetup"/>; required, since every problem has them), and the few that only
/// some problems carry, each said when.
/// A client generated from the document can then read them, and a contract check knows them.
/// </summary>
public sealed class ProblemDetailsSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo is not null || !typeof(ProblemDetails).IsAssignableFrom(context.JsonTypeInfo.Type))
        {
            return Task.CompletedTask;
        }

        schema.Properties ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        Add(schema, "code", JsonSchemaType.String, "What went wrong, for programs: e.g. validation_failed, invalid_credentials, rate_limited.");
        Add(schema, "traceId", JsonSchemaType.String, "The W3C trace id of the request, to find it in traces and logs.");
        Add(schema, "requestId", JsonSchemaType.String, "The request's X-Request-ID (the client's, when well-formed, or a generated one).");
        schema.Required ??= new HashSet<string>(StringComparer.Ordinal);
        schema.Required.Add("code");
        schema.Required.Add("traceId");
        schema.Required.Add("requestId");
        Add(schema, "retryAfterSeconds", JsonSchemaType.Integer, "On 429 and 503 (and a busy database): seconds to wait, as in the Retry-After header.");
        Add(schema, "jsonPath", JsonSchemaType.String, "On malformed JSON (code malformed_json): where the body broke.");
        Add(schema, "line", JsonSchemaType.Integer, "On malformed JSON: the line (from 1) where the body broke.");
        Add(schema, "position", JsonSchemaType.Integer, "On malformed JSON: the byte position (from 1) in that line.");
        Add(schema, "orderStatus", JsonSchemaType.String, "On 409 for an order in the wrong state: the order's current status.");
        Add(schema, "paymentId", JsonSchemaType.String | JsonSchemaType.Null, "On 402/502 from a payment: the payment that was recorded, if any.");
        Add(schema, "refundable", JsonSchemaType.Number, "On 409 for a refund past what is left: the amount that can still be refunded.");
        Add(schema, "available", JsonSchemaType.Integer, "On 409 for a stock adjustment below zero: the units available now.");
        Add(schema, "reserved", JsonSchemaType.Integer, "On 409 for a stock adjustment below zero: the units reserved by open orders.");
        schema.Properties["items"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Array,
            Description = "On 409 from placing an order (code out_of_stock): the lines short of stock.",
            Items = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
                {
                    ["productId"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" },
                    ["requested"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
                    ["available"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
                },
                Required = new HashSet<string>(StringComparer.Ordinal) { "productId", "requested", "available" },
            },
        };
        return Task.CompletedTask;
    }

    private static void Add(OpenApiSchema schema, string name, JsonSchemaType type, string description) =>
        schema.Properties![name] = new OpenApiSchema { Type = type, Description = description };
}
