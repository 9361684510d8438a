using Pacer.Contracts.Generation;
using Pacer.Contracts.Probing.Selection;

namespace Pacer.Contracts.Probing.Checks;

/// <summary>
/// API3, excessive data exposure: answers carrying secrets — password hashes, salts, keys, card numbers, reset or
/// one-time codes — or session tokens from anything but a login, refresh or registration. Looks at every answer;
/// confirmed by the same request answering the field again. Reported once per field name.
/// </summary>
public sealed class SensitiveDataExposureCheck : IResponseObserver
{
    public string Name => "sensitive-data-exposure";

    public OwaspCategory Category => OwaspCategory.PropertyLevelAuthorization;

    public string Description => "every answer: a finding when it carries password hashes, keys, card data, reset codes, or tokens outside a login";

    public Task RunAsync(ProbeSession session, IReadOnlyList<ApiOperation> operations, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task ObserveAsync(ProbeSession session, Exchange exchange, ProbeUser? user, Traffic traffic, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(exchange);
        if (!exchange.Response.IsSuccess)
        {
            return;
        }

        var issuesTokens = IssuesTokens(exchange.Operation);
        foreach (var (path, field, sessionToken) in SensitiveFields.In(exchange.Response.Body))
        {
            // One serializer usually answers for several operations: one finding per field.
            var key = $"{Name} {field}";
            if ((sessionToken && issuesTokens) || session.AlreadyReported(key))
            {
                continue;
            }

            if (await session.ResendAsync(exchange, cancellationToken).ConfigureAwait(false) is not { } again
                || !SensitiveFields.In(again.Response.Body).Any(f => f.Path == path))
            {
                continue;
            }

            session.Report(
                this.Finding(sessionToken ? FindingSeverity.Medium : FindingSeverity.High, exchange, $"the answer exposes {field}",
                    $"no {field} in the answer", $"{exchange.Response.Describe()} with {path} set",
                    new FindingConfirmation($"the same request again answered {path} again", again),
                    $"body.{path} not exists"),
                key);
        }
    }

    /// <summary>Logins, refreshes, registrations and token endpoints hand out session tokens by design.</summary>
    private static bool IssuesTokens(ApiOperation operation) =>
        OperationTraits.IsLogin(operation) || OperationTraits.TakesPassword(operation)
        || OperationTraits.Words(operation.Path).Any(w => w is "login" or "signin" or "token" or "tokens" or "refresh" or "register" or "signup" or "session" or "sessions" or "oauth" or "auth");
}
