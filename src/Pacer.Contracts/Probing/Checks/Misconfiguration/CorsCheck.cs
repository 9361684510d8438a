using Pacer.Contracts.Generation;

namespace Pacer.Contracts.Probing.Checks;

/// <summary>
/// API8: the baseline is sent from a foreign origin; an answer that lets that origin read it with credentials
/// (<c>Access-Control-Allow-Origin</c> the origin or <c>*</c> with <c>Access-Control-Allow-Credentials: true</c>) is
/// confirmed with a second, different foreign origin: reflected again, any origin is trusted.
/// </summary>
public sealed class CorsCheck : IResponseObserver
{
    public const string SecondOrigin = "https://other.pacer-probe.invalid";

    public string Name => "cors";

    public OwaspCategory Category => OwaspCategory.SecurityMisconfiguration;

    public string Description => "baseline from a foreign origin: a finding when any origin may read answers with credentials";

    public Task RunAsync(ProbeSession session, IReadOnlyList<ApiOperation> operations, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task ObserveAsync(ProbeSession session, Exchange exchange, ProbeUser? user, Traffic traffic, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(exchange);
        if (traffic != Traffic.Baseline || session.AlreadyReported(Name) || !Trusts(exchange.Response, BaselineTraffic.ForeignOrigin))
        {
            return;
        }

        var request = exchange.Request with
        {
            Headers = [.. exchange.Request.Headers.Where(h => !h.Key.Equals("Origin", StringComparison.OrdinalIgnoreCase)), new("Origin", SecondOrigin)],
        };
        if (await session.ResendAsync(exchange with { Request = request }, cancellationToken).ConfigureAwait(false) is not { } again || !Trusts(again.Response, SecondOrigin))
        {
            return;
        }

        session.Report(
            this.Finding(FindingSeverity.High, exchange, "CORS grants any origin credentialed access",
                "no Access-Control-Allow-Origin for an unknown origin",
                $"Access-Control-Allow-Origin: {exchange.Response.Header("Access-Control-Allow-Origin")} with Access-Control-Allow-Credentials: true",
                new FindingConfirmation($"from {SecondOrigin} too: Access-Control-Allow-Origin: {again.Response.Header("Access-Control-Allow-Origin")}", again),
                "header.Access-Control-Allow-Credentials not exists"),
            Name);
    }

    private static bool Trusts(ProbeResponse response, string origin)
    {
        var allowed = response.Header("Access-Control-Allow-Origin");
        return string.Equals(response.Header("Access-Control-Allow-Credentials"), "true", StringComparison.OrdinalIgnoreCase)
            && (allowed == origin || allowed == "*");
    }
}
