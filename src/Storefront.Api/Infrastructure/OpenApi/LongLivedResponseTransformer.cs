using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Storefront.Api.Infrastructure.Overload;

namespace Storefront.Api.Infrastructure.OpenApi;

/// <summary>
/// Removes the overload 503 that <see cref="ProblemResponsesTransformer"/> documents from endpoints marked
/// <see cref="LongLivedResponse"/>: the overload bound lets them through, so the document must not promise a 503 they
/// never answer. Registered after <see cref="ProblemResponsesTransformer"/>.
/// </summary>
public sealed class LongLivedResponseTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<LongLivedResponse>().Any())
        {
            operation.Responses?.Remove(StatusCodes.Status503ServiceUnavailable.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return Task.CompletedTask;
    }
}
