using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Pacer.Contracts.Generation;
using Pacer.Contracts.Probing.Selection;

namespace Pacer.Contracts.Probing.Checks;

/// <summary>
/// API4: the valid request of an operation that took it with a 2xx, with 2 MiB of text in a string field that has no
/// maxLength (or, when every one has a limit, in an extra field). Accepted with a 2xx — the server read and kept it —
/// is confirmed by sending it again. A body limit answers 413 (or a 400 from a length check). A limit is server-wide
/// configuration, so the flaw is reported once, naming every operation that took the body.
/// </summary>
public sealed class OversizedBodyCheck : IProbeCheck
{
    public const int Size = 2 * 1024 * 1024;
    private const int MaxTargets = 4;

    public string Name => "oversized-body";

    public OwaspCategory Category => OwaspCategory.ResourceConsumption;

    public string Description => "a valid JSON body padded to 2 MiB: a finding when it is accepted with a 2xx, twice";

    public async Task RunAsync(ProbeSession session, IReadOnlyList<ApiOperation> operations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(operations);
        var targets = operations
            .Where(o => o.JsonRequestBody is not null && !OperationTraits.TouchesCredentials(o) && !OperationTraits.IsLogin(o))
            .Where(o => session.Baseline(o, session.IsSecured(o) ? session.Owner : null) is { Response.IsSuccess: true })
            .Take(MaxTargets)
            .ToList();
        if (targets.Count == 0)
        {
            session.NotRun(Name, "no operation with a JSON body answered its valid request with a 2xx");
            return;
        }

        var accepted = new List<(Exchange First, Exchange Again)>();
        foreach (var operation in targets)
        {
            var user = session.IsSecured(operation) ? session.Owner : null;
            var draft = session.Draft(operation, user);
            if (!Pad(draft, operation))
            {
                continue;
            }

            var exchange = await session.SendAsync(operation, draft, user, Traffic.Attack, cancellationToken).ConfigureAwait(false);
            if (exchange is null)
            {
                return;
            }

            if (exchange.Response.IsSuccess && await session.ResendAsync(exchange, cancellationToken).ConfigureAwait(false) is { Response.IsSuccess: true } again)
            {
                accepted.Add((exchange, again));
            }
        }

        if (accepted.Count > 0)
        {
            var (first, repeat) = accepted[0];
            var others = accepted.Count > 1 ? $"; also accepted by {string.Join(", ", accepted.Skip(1).Select(a => a.First.Label))}" : "";
            session.Report(this.Finding(FindingSeverity.Medium, first, "a 2 MiB body was accepted",
                "413 Payload Too Large (or a 400 from a length limit)",
                string.Create(CultureInfo.InvariantCulture, $"{first.Response.Describe()} for {first.Request.Body!.Length:N0} bytes{others}"),
                new FindingConfirmation($"the same body again: {repeat.Response.Describe()}", repeat),
                "status in [400, 413]"));
        }
    }

    private static bool Pad(RequestDraft draft, ApiOperation operation)
    {
        if (draft.Body is not JsonObject body)
        {
            return false;
        }

        var padding = new string('x', Size);
        var field = BodyField.List(operation.JsonRequestBody!.Value.Media.Schema)
            .FirstOrDefault(f => f.Path.Count == 1 && SchemaTypes.Primary(f.Schema) == JsonSchemaType.String && f.Schema.MaxLength is null && f.Schema.Format is null && f.Schema.Pattern is null && f.Schema.Enum is not { Count: > 0 });
        if (field is not null)
        {
            return BodyField.Set(body, field.Path, padding);
        }

        body["pacerPadding"] = padding;
        return true;
    }
}
