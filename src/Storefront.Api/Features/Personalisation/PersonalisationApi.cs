using Microsoft.AspNetCore.OpenApi;

namespace Storefront.Api.Features.Personalisation;

/// <summary>Personalisation context for catalog reads: <see cref="ShopperContext"/>, <see cref="PersonalisationFilter"/>.</summary>
public static class PersonalisationApi
{
    public static IServiceCollection AddPersonalisationFeature(this IServiceCollection services)
    {
        services.AddOptions<PersonalisationOptions>().BindConfiguration(PersonalisationOptions.Section);
        // After the platform's transformers (registered by AddOpenApi for the same document): the 400 it documents is ours.
        services.Configure<OpenApiOptions>("v1", o => o.AddOperationTransformer<PersonalisationTransformer>());
        return services;
    }

    /// <summary>Reads the shopper context on this endpoint and renders its result for the shopper.</summary>
    public static RouteHandlerBuilder Personalised(this RouteHandlerBuilder endpoint) =>
        endpoint.AddEndpointFilter<PersonalisationFilter>().WithMetadata(new PersonalisedResponse());
}

/// <summary>Endpoint metadata: the response depends on the shopper context (documented by <see cref="PersonalisationTransformer"/>).</summary>
public sealed class PersonalisedResponse;
