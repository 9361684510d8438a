using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Pacer.Contracts.Generation;

namespace Pacer.Contracts.Probing;

/// <summary>
/// Injection strings in every string field and every path and query parameter. A 5xx is a finding;
/// so is the string coming back unescaped in an HTML response, and a header the CRLF string smuggled in.
/// </summary>
public static class InjectionProbe
{
    public const string InjectedHeader = "X-Pacer-Injected";

    public static IReadOnlyList<(string Family, string Payload)> Payloads { get; } =
    [
        ("SQL", "' OR '1'='1' --"),
        ("NoSQL", """{"$gt": ""}"""),
        ("script", "<script>alert('pacer')</script>"),
        ("path traversal", "../../../../../../etc/passwd"),
        ("CRLF", $"pacer\r\n{InjectedHeader}: 1"),
    ];

    public static async Task RunAsync(ProbeSession session, ApiOperation operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(operation);
        foreach (var slot in InputSlot.For(operation).Where(s => s.IsParameter || SchemaTypes.Primary(s.Schema) == JsonSchemaType.String))
        {
            foreach (var (family, payload) in Payloads)
            {
                var draft = session.Draft(operation);
                slot.Set(draft, JsonValue.Create(payload));
                await SendAsync(session, operation, $"{family} injection in {slot.Name}", payload, draft, cancellationToken).ConfigureAwait(false);
            }

            if (!slot.IsParameter)
            {
                // A NoSQL operator object where a string belongs: a type error (4xx), never a query.
                var draft = session.Draft(operation);
                slot.Set(draft, new JsonObject { ["$ne"] = null });
                await SendAsync(session, operation, $"NoSQL operator object in {slot.Name}", "", draft, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task SendAsync(ProbeSession session, ApiOperation operation, string what, string payload, RequestDraft draft, CancellationToken cancellationToken)
    {
        var (request, response) = await session.SendAsync(operation, draft, cancellationToken).ConfigureAwait(false);
        if (response is null)
        {
            return;
        }

        if (ProbeSession.IsUndocumentedServerError(operation, response) || response.Status == 0)
        {
            session.Report(new ProbeFinding(FindingKind.Injection, FindingSeverity.High, operation.Label, $"server error on {what}", "2xx or 4xx", response.Describe(), request));
        }

        if (payload.Length > 0 && ResponseEvidence.ReflectsUnescaped(response, payload))
        {
            session.Report(new ProbeFinding(FindingKind.Injection, FindingSeverity.High, operation.Label, $"{what} reflected unescaped in HTML",
                "the text escaped (&lt;script&gt;) or a non-HTML response", $"{response.Describe()} containing {payload}", request));
        }

        if (response.Header(InjectedHeader) is not null)
        {
            session.Report(new ProbeFinding(FindingKind.Injection, FindingSeverity.High, operation.Label, $"{what} split the response headers",
                $"no {InjectedHeader} header", $"{InjectedHeader}: {response.Header(InjectedHeader)}", request));
        }
    }
}
