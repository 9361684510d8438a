using Storefront.Api.Infrastructure.Errors;

namespace Storefront.Api.Infrastructure.Validation;

/// <summary>
/// Runs <see cref="RequestRules"/> on every request body an endpoint binds, before the handler: a body that breaks
/// a documented rule gets the 400 validation problem the document lists, whichever endpoint it was sent to.
/// </summary>
public sealed class RequestRulesFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        foreach (var argument in context.Arguments)
        {
            if (argument is not null && RequestRules.IsRequestType(argument.GetType()) && !IsService(argument))
            {
                var errors = RequestRules.Validate(argument, context.HttpContext.RequestServices);
                if (errors.Count > 0)
                {
                    return StorefrontProblems.Validation(errors);
                }
            }
        }

        return await next(context);
    }

    // Handlers also take services from this assembly (contexts, ledgers); only records are request bodies.
    private static bool IsService(object argument) =>
        argument.GetType().GetMethod("<Clone>$") is null;
}
