using System.Globalization;
using Microsoft.Extensions.Options;
using Storefront.Api.Infrastructure.Errors;

namespace Storefront.Api.Infrastructure.PasswordHashing;

/// <summary>
/// Runs an endpoint that hashes or verifies a password only inside a <see cref="PasswordHashingGate"/> slot;
/// when the gate is full, answers 503 problem+json with Retry-After and code <c>overloaded</c>, the
/// same shape as the global overload bound. Being an endpoint filter it runs after the rate limiter, so a
/// client over its login limit still gets its 429 without costing a hash.
/// </summary>
public sealed class PasswordHashingFilter(PasswordHashingGate gate, IOptions<PasswordHashingOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        using var slot = gate.TryEnter();
        if (slot is not null)
        {
            return await next(context);
        }

        var retryAfter = Math.Max(1, options.Value.RetryAfterSeconds);
        http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        return StorefrontProblems.ServiceUnavailable(
            $"Too many password checks are waiting; retry after {retryAfter} second(s).",
            "overloaded",
            new Dictionary<string, object?> { ["retryAfterSeconds"] = retryAfter });
    }
}
