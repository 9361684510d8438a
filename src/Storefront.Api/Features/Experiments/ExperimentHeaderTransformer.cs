using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Storefront.Api.Features.Experiments;

/// <summary>Documents X-Experiment on the 200 of endpoints an experiment can shape.</summary>
internal sealed class ExperimentHeaderTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<ExperimentShapedResponse>().Any()
            && operation.Responses?.TryGetValue("200", out var ok) == true && ok is OpenApiResponse response)
        {
            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            response.Headers[Experiment.HeaderName] = new OpenApiHeader
            {
                Description = "`experiment=variant` (control or treatment) when an experiment shaped this response, e.g. "
                    + "`catalog-sort=treatment` (newest first when neither sort nor segment picks the order). "
                    + "Assignment is by user (else client address) and never changes while the percentage stays.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^[a-z-]+=(control|treatment)$" },
            };
        }

        return Task.CompletedTask;
    }
}
