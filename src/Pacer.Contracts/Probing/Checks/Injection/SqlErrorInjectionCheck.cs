using Pacer.Contracts.Generation;
using Pacer.Contracts.Probing.Evidence;

namespace Pacer.Contracts.Probing.Checks;

/// <summary>
/// SQL injection, error-based: the valid value with an unbalanced quote (<c>'</c>, then <c>"</c>). A database error
/// message in the answer, or an undocumented 5xx, is confirmed against the same value with the quote doubled
/// (<c>''</c>, a valid SQL literal): when that answers without the error, the quote broke the query's syntax.
/// </summary>
public sealed class SqlErrorInjectionCheck : IProbeCheck
{
    public string Name => "sql-injection-error";

    public OwaspCategory Category => OwaspCategory.Injection;

    public string Description => "an unbalanced quote in each input: a finding on a database error or 5xx that a doubled quote does not cause";

    public async Task RunAsync(ProbeSession session, IReadOnlyList<ApiOperation> operations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        foreach (var (operation, slot) in InjectionTargets.Slots(operations))
        {
            var valid = InjectionTargets.ValidValue(session, operation, slot) ?? "pacer";
            foreach (var quote in new[] { "'", "\"" })
            {
                var broken = await InjectionTargets.SendAsync(session, operation, slot, valid + quote, cancellationToken).ConfigureAwait(false);
                if (broken is null)
                {
                    return;
                }

                var error = ResponseEvidence.SqlError(broken.Response.Body);
                var failed = ProbeSession.IsUndocumentedServerError(operation, broken.Response);
                if (error is null && !failed)
                {
                    continue;
                }

                var balanced = await InjectionTargets.SendAsync(session, operation, slot, valid + quote + quote, cancellationToken).ConfigureAwait(false);
                if (balanced is null || ResponseEvidence.SqlError(balanced.Response.Body) is not null || ProbeSession.IsUndocumentedServerError(operation, balanced.Response))
                {
                    continue;
                }

                var got = error is null ? broken.Response.Describe() : $"{broken.Response.Describe()} with `{Excerpt.Shorten(error, 120)}`";
                session.Report(this.Finding(FindingSeverity.High, broken,
                    error is null ? $"server error on an unbalanced {quote} in {slot.Name}" : $"database error on an unbalanced {quote} in {slot.Name}",
                    "the quote taken as text: 2xx or 4xx, no SQL error", got,
                    new FindingConfirmation($"the same value with the quote doubled ({quote}{quote}, valid SQL) answered {balanced.Response.Describe()} without an error", balanced),
                    "status < 500"));
                break;
            }
        }
    }
}
