using Pacer.Contracts.Generation;

namespace Pacer.Contracts.Probing.Checks;

/// <summary>
/// API8: every answer should carry <c>X-Content-Type-Options: nosniff</c>, <c>X-Frame-Options</c> (or a
/// Content-Security-Policy with <c>frame-ancestors</c>) and, over https, <c>Strict-Transport-Security</c>. Looks at the
/// baseline answers; a missing header is confirmed by sending the same request again, and reported once per header.
/// </summary>
public sealed class SecurityHeadersCheck : IResponseObserver
{
    public string Name => "security-headers";

    public OwaspCategory Category => OwaspCategory.SecurityMisconfiguration;

    public string Description => "every answer: X-Content-Type-Options: nosniff, X-Frame-Options or CSP frame-ancestors, HSTS over https";

    public Task RunAsync(ProbeSession session, IReadOnlyList<ApiOperation> operations, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task ObserveAsync(ProbeSession session, Exchange exchange, ProbeUser? user, Traffic traffic, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(exchange);
        if (traffic != Traffic.Baseline || exchange.Response.Status <= 0)
        {
            return;
        }

        foreach (var (header, expected) in Missing(session, exchange.Response))
        {
            if (session.AlreadyReported(Key(header)) || await session.ResendAsync(exchange, cancellationToken).ConfigureAwait(false) is not { } again
                || !Missing(session, again.Response).Any(m => m.Header == header))
            {
                continue;
            }

            session.Report(
                this.Finding(FindingSeverity.Low, exchange, $"missing {header} header", expected, $"{exchange.Response.Describe()} without {header}",
                    new FindingConfirmation($"the same request again: {again.Response.Describe()}, still without {header}", again),
                    $"header.{header} exists"),
                Key(header));
        }
    }

    private static string Key(string header) => "header " + header;

    private static IEnumerable<(string Header, string Expected)> Missing(ProbeSession session, ProbeResponse response)
    {
        if (!string.Equals(response.Header("X-Content-Type-Options"), "nosniff", StringComparison.OrdinalIgnoreCase))
        {
            yield return ("X-Content-Type-Options", "X-Content-Type-Options: nosniff");
        }

        var csp = response.Header("Content-Security-Policy") ?? "";
        if (response.Header("X-Frame-Options") is null && !csp.Contains("frame-ancestors", StringComparison.OrdinalIgnoreCase))
        {
            yield return ("X-Frame-Options", "X-Frame-Options: DENY (or a Content-Security-Policy with frame-ancestors)");
        }

        if (session.Options.BaseUrl.Scheme == Uri.UriSchemeHttps && response.Header("Strict-Transport-Security") is null)
        {
            yield return ("Strict-Transport-Security", "Strict-Transport-Security: max-age=…");
        }
    }
}
