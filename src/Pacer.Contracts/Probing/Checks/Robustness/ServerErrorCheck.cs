using Pacer.Contracts.Generation;

namespace Pacer.Contracts.Probing.Checks;

/// <summary>
/// Robustness: a valid request (the baseline) answered with an undocumented 5xx, or not answered at all. Confirmed by
/// sending the same request again. A 5xx the operation documents (a 503 while a dependency is down) is its contract.
/// </summary>
public sealed class ServerErrorCheck : IResponseObserver
{
    public string Name => "server-error";

    public OwaspCategory Category => OwaspCategory.Robustness;

    public string Description => "the baseline's valid requests: a finding on an undocumented 5xx or no answer";

    public Task RunAsync(ProbeSession session, IReadOnlyList<ApiOperation> operations, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task ObserveAsync(ProbeSession session, Exchange exchange, ProbeUser? user, Traffic traffic, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(exchange);
        if (traffic != Traffic.Baseline || !ProbeSession.IsUndocumentedServerError(exchange.Operation, exchange.Response)
            || await session.ResendAsync(exchange, cancellationToken).ConfigureAwait(false) is not { } again
            || !ProbeSession.IsUndocumentedServerError(exchange.Operation, again.Response))
        {
            return;
        }

        var title = exchange.Response.Status == 0 ? "no answer to a valid request" : "server error on a valid request";
        session.Report(this.Finding(FindingSeverity.High, exchange, title, "2xx or 4xx", exchange.Response.Describe(),
            new FindingConfirmation($"the same request again: {again.Response.Describe()}", again), "status < 500"));
    }
}
