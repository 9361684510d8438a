namespace Storefront.Api.Features.Experiments;

/// <summary>
/// <c>catalog-sort</c>: when neither the query nor the shopper's segment picks the product list's order, control
/// users get it by name and treatment users newest first. Such a response is private (it differs per user).
/// </summary>
public static class CatalogSortExperiment
{
    public static string? SortFor(HttpContext context)
    {
        var assignments = context.RequestServices.GetRequiredService<ExperimentAssignments>();
        if (assignments.Assign(Experiment.CatalogSort, context) is not { } assignment)
        {
            return null;
        }

        assignments.Expose(context, assignment);
        context.Response.Headers.CacheControl = "private";
        return assignment.Variant == Experiment.Treatment ? "-createdAt" : null;
    }
}

/// <summary>Endpoint metadata: responses may carry X-Experiment (documented by <see cref="ExperimentHeaderTransformer"/>).</summary>
public sealed class ExperimentShapedResponse;
