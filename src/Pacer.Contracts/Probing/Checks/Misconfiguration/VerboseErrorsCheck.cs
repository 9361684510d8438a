using Pacer.Contracts.Generation;
using Pacer.Contracts.Probing.Evidence;

namespace Pacer.Contracts.Probing.Checks;

/// <summary>
/// API8: error answers that give internals away — a source file path, a connection string, an SQL statement — and
/// headers naming server software with its version. Database error messages are left to sql-injection-error, which
/// can tell whether the input caused them. Confirmed by sending the same request again.
/// </summary>
public sealed class VerboseErrorsCheck : IResponseObserver
{
    public string Name => "verbose-errors";

    public OwaspCategory Category => OwaspCategory.SecurityMisconfiguration;

    public string Description => "every answer: internal paths, connection strings or SQL in error bodies; versioned X-Powered-By/Server headers";

    public Task RunAsync(ProbeSession session, IReadOnlyList<ApiOperation> operations, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task ObserveAsync(ProbeSession session, Exchange exchange, ProbeUser? user, Traffic traffic, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(exchange);
        var response = exchange.Response;
        if (response.Status >= 400 && ResponseEvidence.InternalDetail(response.Body) is { } detail && !session.AlreadyReported(BodyKey(exchange))
            && !InputEchoed(exchange, detail)
            && await session.ResendAsync(exchange, cancellationToken).ConfigureAwait(false) is { } again && ResponseEvidence.InternalDetail(again.Response.Body) is not null)
        {
            session.Report(
                this.Finding(FindingSeverity.Medium, exchange, "internal details in an error answer", "a problem description without internals",
                    $"{response.Describe()} with `{Excerpt.Shorten(detail, 120)}`",
                    new FindingConfirmation($"the same request again: {again.Response.Describe()} with the same kind of detail", again)),
                BodyKey(exchange));
        }

        if (traffic == Traffic.Baseline && ResponseEvidence.VersionHeader(response) is { } header && !session.AlreadyReported(Name + " header")
            && await session.ResendAsync(exchange, cancellationToken).ConfigureAwait(false) is { } repeat && ResponseEvidence.VersionHeader(repeat.Response) is not null)
        {
            session.Report(
                this.Finding(FindingSeverity.Low, exchange, "server software and version in a header", "no version in Server or X-Powered-By", header,
                    new FindingConfirmation($"the same request again: {ResponseEvidence.VersionHeader(repeat.Response)}", repeat)),
                Name + " header");
        }
    }

    private string BodyKey(Exchange exchange) => $"{Name} {exchange.Label}";

    // An SQL-looking text the request itself carried (an injection payload echoed in a message) is not the server's internals.
    private static bool InputEchoed(Exchange exchange, string detail) =>
        (exchange.Request.Body ?? "").Contains(detail, StringComparison.OrdinalIgnoreCase)
        || Uri.UnescapeDataString(exchange.Request.PathAndQuery).Contains(detail, StringComparison.OrdinalIgnoreCase);
}
