using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Storefront.Api.Infrastructure.Auth;
using Storefront.Api.Infrastructure.Errors;
using Storefront.Api.Infrastructure.Metrics;

namespace Storefront.Api.Features.Experiments;

public sealed record ExperimentResponse(string Name, double TreatmentPercent);

public sealed record SetTreatmentRequest(
    [property: Required(ErrorMessage = "is required."), Range(0d, 100d, ErrorMessage = "must be between 0 and 100.")]
    double? TreatmentPercent);

/// <summary>
/// A/B experiments and canaries: deterministic assignment (<see cref="Experiment.Bucket"/>), an <c>X-Experiment</c>
/// header on the responses an experiment shaped, exposure and conversion counters on /metrics, and the admin's
/// switch (<c>PUT /experiments/{name}</c>) that moves a percentage of users to the new behaviour at run time.
/// </summary>
public static class ExperimentsApi
{
    public static IServiceCollection AddExperimentsFeature(this IServiceCollection services)
    {
        services.AddOptions<ExperimentsOptions>().BindConfiguration(ExperimentsOptions.Section);
        services.AddSingleton<ExperimentAssignments>();
        services.AddSingleton<IMetricsSource>(sp => sp.GetRequiredService<ExperimentAssignments>());
        services.Configure<OpenApiOptions>("v1", o => o.AddOperationTransformer<ExperimentHeaderTransformer>());
        return services;
    }

    /// <summary>Counts a conversion for every order placed (201 from PlaceOrder), in the variants its user is in.</summary>
    public static IApplicationBuilder UseExperimentConversions(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            await next(context);
            if (context.Response.StatusCode == StatusCodes.Status201Created
                && context.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName == "PlaceOrder"
                && ExperimentAssignments.UnitOf(context) is { } unit)
            {
                context.RequestServices.GetRequiredService<ExperimentAssignments>().Convert(unit);
            }
        });

    public static RouteGroupBuilder MapExperimentsApi(this RouteGroupBuilder api)
    {
        var experiments = api.MapGroup("/experiments").WithTags("Experiments").RequireAuthorization(StorefrontClaims.AdminPolicy);
        experiments.MapGet("/", List).WithName("ListExperiments");
        experiments.MapPut("/{name}", SetTreatment)
            .WithName("SetExperimentTreatment")
            .WithSummary("The canary switch: the share of users (0–100 %) who get the experiment's new behaviour, on this instance, from now on.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    public static Ok<List<ExperimentResponse>> List(ExperimentAssignments assignments) =>
        TypedResults.Ok(assignments.Running.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => new ExperimentResponse(r.Key, r.Value)).ToList());

    public static Results<Ok<ExperimentResponse>, ProblemHttpResult> SetTreatment(string name, SetTreatmentRequest request, ExperimentAssignments assignments) =>
        assignments.TrySetPercent(name, request.TreatmentPercent!.Value)
            ? TypedResults.Ok(new ExperimentResponse(name, request.TreatmentPercent.Value))
            : StorefrontProblems.NotFound($"No experiment is named '{name}'.", "experiment_not_found");
}
