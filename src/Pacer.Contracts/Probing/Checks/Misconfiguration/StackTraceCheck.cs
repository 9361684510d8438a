using Pacer.Contracts.Generation;
using Pacer.Contracts.Probing.Evidence;

namespace Pacer.Contracts.Probing.Checks;

/// <summary>
/// API8: a stack trace (.NET, Java, Python, Node, PHP) in any answer the run gets. Confirmed by sending the same
/// request again and seeing a trace again; reported once per operation.
/// </summary>
public sealed class StackTraceCheck : IResponseObserver
{
    public string Name => "stack-trace";

    public OwaspCategory Category => OwaspCategory.SecurityMisconfiguration;

    public string Description => "every answer: a finding when its body holds a stack trace";

    public Task RunAsync(ProbeSession session, IReadOnlyList<ApiOperation> operations, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task ObserveAsync(ProbeSession session, Exchange exchange, ProbeUser? user, Traffic traffic, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(exchange);
        var key = $"{Name} {exchange.Label}";
        if (ResponseEvidence.StackTrace(exchange.Response.Body) is not { } trace || session.AlreadyReported(key)
            || await session.ResendAsync(exchange, cancellationToken).ConfigureAwait(false) is not { } again
            || ResponseEvidence.StackTrace(again.Response.Body) is null)
        {
            return;
        }

        session.Report(
            this.Finding(FindingSeverity.High, exchange, "stack trace in the response body", "no implementation details in answers",
                $"{exchange.Response.Describe()} with `{Excerpt.Shorten(trace, 120)}`",
                new FindingConfirmation($"the same request again: {again.Response.Describe()} with a stack trace again", again),
                "body not contains \"   at \""),
            key);
    }
}
