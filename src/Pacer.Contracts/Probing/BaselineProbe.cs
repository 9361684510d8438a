using Pacer.Contracts.Generation;

namespace Pacer.Contracts.Probing;

/// <summary>
/// One valid request per operation, sent from a foreign origin: it must not fail with an undocumented
/// 5xx, must carry the security headers (<see cref="RequiredHeaders"/>), and must not grant that
/// origin credentialed CORS access.
/// </summary>
public static class BaselineProbe
{
    /// <summary>An origin no API should trust.</summary>
    public const string ForeignOrigin = "https://attacker.pacer-probe.invalid";

    /// <summary>
    /// The headers every response must carry. X-Frame-Options may be replaced by a Content-Security-Policy
    /// with frame-ancestors; Strict-Transport-Security is required only over https.
    /// </summary>
    public static IReadOnlyList<string> RequiredHeaders { get; } = ["X-Content-Type-Options", "X-Frame-Options", "Strict-Transport-Security"];

    public static async Task RunAsync(ProbeSession session, ApiOperation operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(operation);
        var draft = session.Draft(operation);
        draft.SetHeader("Origin", ForeignOrigin);
        var (request, response) = await session.SendAsync(operation, draft, cancellationToken).ConfigureAwait(false);
        if (response is null || response.Status == 0)
        {
            if (response is not null)
            {
                session.Report(new ProbeFinding(FindingKind.ServerError, FindingSeverity.High, operation.Label, "no response to a valid request", "a response", response.Describe(), request));
            }

            return;
        }

        if (ProbeSession.IsUndocumentedServerError(operation, response))
        {
            session.Report(new ProbeFinding(FindingKind.ServerError, FindingSeverity.High, operation.Label, "server error on a valid request", "2xx or 4xx", response.Describe(), request));
        }

        CheckSecurityHeaders(session, operation, request, response);
        CheckCors(session, operation, request, response);
    }

    private static void CheckSecurityHeaders(ProbeSession session, ApiOperation operation, GeneratedRequest request, ProbeResponse response)
    {
        if (!string.Equals(response.Header("X-Content-Type-Options"), "nosniff", StringComparison.OrdinalIgnoreCase))
        {
            Missing(session, operation, request, response, "X-Content-Type-Options", "X-Content-Type-Options: nosniff");
        }

        var framing = response.Header("X-Frame-Options");
        var csp = response.Header("Content-Security-Policy") ?? "";
        if (framing is null && !csp.Contains("frame-ancestors", StringComparison.OrdinalIgnoreCase))
        {
            Missing(session, operation, request, response, "X-Frame-Options", "X-Frame-Options: DENY (or a Content-Security-Policy with frame-ancestors)");
        }

        if (session.Options.BaseUrl.Scheme == Uri.UriSchemeHttps && response.Header("Strict-Transport-Security") is null)
        {
            Missing(session, operation, request, response, "Strict-Transport-Security", "Strict-Transport-Security: max-age=…");
        }
    }

    private static void Missing(ProbeSession session, ApiOperation operation, GeneratedRequest request, ProbeResponse response, string header, string expected) =>
        session.Report(
            new ProbeFinding(FindingKind.SecurityHeaders, FindingSeverity.Low, operation.Label, $"missing {header} header", expected,
                $"{response.Describe()} without {header}", request),
            dedupeKey: "header " + header);

    private static void CheckCors(ProbeSession session, ApiOperation operation, GeneratedRequest request, ProbeResponse response)
    {
        var allowed = response.Header("Access-Control-Allow-Origin");
        var credentials = string.Equals(response.Header("Access-Control-Allow-Credentials"), "true", StringComparison.OrdinalIgnoreCase);
        if (credentials && (allowed == ForeignOrigin || allowed == "*"))
        {
            session.Report(
                new ProbeFinding(FindingKind.Cors, FindingSeverity.High, operation.Label, "CORS grants any origin credentialed access",
                    "no Access-Control-Allow-Origin for an unknown origin",
                    $"Access-Control-Allow-Origin: {allowed} with Access-Control-Allow-Credentials: true", request),
                dedupeKey: "cors");
        }
    }
}
