using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Pacer.Contracts.Generation;

namespace Pacer.Contracts.Probing.Checks;

/// <summary>
/// API4: a burst past a documented rate limit must meet a 429. A limit is documented when the operation carries
/// <c>x-ratelimit-limit: N</c> (or <c>x-rate-limit: {limit: N}</c>), or its 429 response declares an
/// <c>X-RateLimit-Limit</c>/<c>RateLimit-Limit</c> header with an example or default N. The burst is N+1 requests, at
/// most <see cref="ProbeOptions.MaxBurst"/>; one more request after it confirms. A 429 seen earlier in the run counts.
/// </summary>
public sealed class RateLimitCheck : IProbeCheck
{
    public string Name => "rate-limit";

    public OwaspCategory Category => OwaspCategory.ResourceConsumption;

    public string Description => "a burst of documented-limit + 1 requests: a finding when no 429 comes";

    public async Task RunAsync(ProbeSession session, IReadOnlyList<ApiOperation> operations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(operations);
        foreach (var operation in operations)
        {
            if (DocumentedLimit(operation.Operation) is not { } limit || session.SawRateLimit(operation))
            {
                continue;
            }

            if (limit + 1 > session.Options.MaxBurst)
            {
                session.Note(Name, $"{operation.Label}: documented limit {limit} is above the burst cap {session.Options.MaxBurst} (--max-burst); not burst-tested");
                continue;
            }

            Exchange? last = null;
            for (var i = 0; i <= limit && (last is null || last.Response.Status != 429); i++)
            {
                last = await session.SendAsync(operation, session.Draft(operation), session.Owner, Traffic.Attack, cancellationToken).ConfigureAwait(false);
                if (last is null)
                {
                    return;
                }
            }

            if (last!.Response.Status == 429 || await session.ResendAsync(last, cancellationToken).ConfigureAwait(false) is not { } again || again.Response.Status == 429)
            {
                continue;
            }

            session.Report(this.Finding(FindingSeverity.Medium, last, $"no 429 after {limit + 1} requests (documented limit {limit})",
                $"429 after {limit} requests", $"{limit + 1} answers without 429, the last {last.Response.Describe()}",
                new FindingConfirmation($"one more request right after: {again.Response.Describe()}", again)));
        }
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
                if ((name.Equals("X-RateLimit-Limit", StringComparison.OrdinalIgnoreCase) || name.Equals("RateLimit-Limit", StringComparison.OrdinalIgnoreCase))
                    && Integer(header.Example ?? header.Schema?.Default) is { } limit)
                {
                    return limit;
                }
            }
        }

        return null;
    }

    private static int? Integer(JsonNode? node) =>
        node is JsonValue value && int.TryParse(value.ToJsonString().Trim('"'), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number > 0 ? number : null;
}
