using System.Globalization;
using Pacer.Contracts.Generation;
using Pacer.Contracts.Probing.Selection;

namespace Pacer.Contracts.Probing.Checks;

/// <summary>
/// SQL injection, time-based: payloads that make MySQL/SQLite-style (<c>SLEEP</c>), PostgreSQL (<c>pg_sleep</c>) and
/// SQL Server (<c>WAITFOR DELAY</c>) databases wait <see cref="ProbeOptions.InjectedDelay"/>. An answer that late is
/// confirmed by the same payload asking for no delay (fast) and then the delay again (late again). Reads get an
/// <c>OR</c> on a value nobody has; changes only an <c>AND</c> on the valid value, so no other row is touched.
/// </summary>
public sealed class SqlTimeInjectionCheck : IProbeCheck
{
    public string Name => "sql-injection-time";

    public OwaspCategory Category => OwaspCategory.Injection;

    public string Description => "SLEEP, pg_sleep and WAITFOR DELAY payloads in each input: a finding when the answer is late by the delay, twice, and not without it";

    public async Task RunAsync(ProbeSession session, IReadOnlyList<ApiOperation> operations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var delay = session.Options.InjectedDelay;
        foreach (var (operation, slot) in InjectionTargets.Slots(operations))
        {
            var reads = OperationTraits.IsQueryLike(operation);
            var valid = InjectionTargets.ValidValue(session, operation, slot);
            if (!reads && valid is null)
            {
                continue;
            }

            var prefix = reads ? Requests.ProbeDrafts.UnknownValue(null) : valid!;
            foreach (var payload in Payloads(reads))
            {
                var outcome = await TimedInjection.TryAsync(this, session, operation, slot, seconds => prefix + string.Format(CultureInfo.InvariantCulture, payload, seconds),
                    delay, $"database delay in {slot.Name}", cancellationToken).ConfigureAwait(false);
                if (outcome is null)
                {
                    return;
                }

                if (outcome.Value)
                {
                    break;
                }
            }
        }
    }

    private static IEnumerable<string> Payloads(bool reads)
    {
        var word = reads ? "OR" : "AND";
        // An uncorrelated scalar subquery: run once, not once per row (SQLite drops unused derived-table columns unevaluated).
        yield return $"' {word} (SELECT SLEEP({{0}}))-- -";
        yield return reads ? "' OR 1=(SELECT 1 FROM pg_sleep({0}))-- -" : "'; SELECT pg_sleep({0})-- -";
        yield return "'; WAITFOR DELAY '0:0:{0}'-- -";
    }
}
