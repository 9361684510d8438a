using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Pacer.Contracts.Generation;

namespace Pacer.Contracts.Probing;

/// <summary>
/// A burst past a documented rate limit must meet a 429. A limit is documented when the operation
/// carries <c>x-ratelimit-limit: N</c> (or <c>x-rate-limit: {limit: N}</c>), or its 429 response
/// declares an <c>X-RateLimit-Limit</c>/<c>RateLimit-Limit</c> header with an example or default N.
/// The burst is N+1 requests, at most <see cref="ProbeOptions.MaxBurst"/>. A 429 without a number
/// does not say how far to push, so it is not burst-tested; a 429 seen earlier in the run counts.
/// </summary>
public static class RateLimitProbe
{
    public static async Task RunAsync(ProbeSession session, ApiOperation operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(operation);
        if (DocumentedLimit(operation.Operation) is not { } limit || session.SawRateLimit(operation))
        {
            return;
        }

        if (limit + 1 > session.Options.MaxBurst)
        {
            session.Notes.Add($"{operation.Label}: documented limit {limit} is above the burst cap {session.Options.MaxBurst}; not burst-tested");
            return;
        }

        GeneratedRequest? last = null;
        for (var i = 0; i <= limit; i++)
        {
            var (request, response) = await session.SendAsync(operation, session.Draft(operation), cancellationToken).ConfigureAwait(false);
            if (response is null)
            {
                return;
            }

            last = request;
            if (response.Status == 429)
            {
                return;
            }
        }

        session.Report(new ProbeFinding(FindingKind.RateLimit, FindingSeverity.Medium, operation.Label,
            $"no 429 after {limit + 1} requests (documented limit {limit})", $"429 after {limit} requests", "no 429", last!));
    }

    public static int? DocumentedLimit(OpenApiOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var extensions = operation.Extensions ?? new Dictionary<string, IOpenApiExtension>();
        foreach (var name in new[] { "x-ratelimit-limit", "x-rate-limit-limit", "x-rate-limit", "x-ratelimit" })
        {
            if (extensions.TryGetValue(name, out var extension) && extension is JsonNodeExtension { Node: { } node })
            {
                var value = node is JsonObject obj ? obj["limit"] : node;
                if (Integer(value) is { } limit)
                {
                    return limit;
                }
            }
        }

        if (operation.Responses?.TryGetValue("429", out var tooMany) == true && tooMany.Headers is { } headers)
        {
            foreach (var (name, header) in headers)
            {
                if (name.Equals("X-RateLimit-Limit", StringComparison.OrdinalIgnoreCase) || name.Equals("RateLimit-Limit", StringComparison.OrdinalIgnoreCase))
                {
                    if (Integer(header.Example ?? header.Schema?.Default) is { } limit)
                    {
                        return limit;
                    }
                }
            }
        }

        return null;
    }

    private static int? Integer(JsonNode? node) =>
        node is JsonValue value && int.TryParse(value.ToJsonString().Trim('"'), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number > 0 ? number : null;
}
