using Pacer.Contracts.Generation;
using Pacer.Contracts.Probing.Evidence;
using Pacer.Contracts.Probing.Requests;
using Pacer.Contracts.Probing.Selection;

namespace Pacer.Contracts.Probing.Checks;

/// <summary>
/// SQL injection, boolean (differential): the same input with a condition that is always true and one that is always
/// false. On reads a value nobody has gets <c>' OR '1'='1' --</c> and <c>' OR '1'='2' --</c>: an injectable query
/// answers the true one like a match and the false one like the unknown value. On changes — where an OR would touch
/// every row — only the valid value with <c>' AND '1'='1' --</c> / <c>' AND '1'='2' --</c> is tried. Quote styles
/// <c>'</c>, <c>"</c> and none (numbers). A pair that splits is sent again and must split the same way.
/// </summary>
public sealed class SqlBooleanInjectionCheck : IProbeCheck
{
    public string Name => "sql-injection-boolean";

    public OwaspCategory Category => OwaspCategory.Injection;

    public string Description => "always-true and always-false SQL conditions in each input: a finding when they answer differently, twice";

    public async Task RunAsync(ProbeSession session, IReadOnlyList<ApiOperation> operations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        foreach (var (operation, slot) in InjectionTargets.Slots(operations))
        {
            var valid = InjectionTargets.ValidValue(session, operation, slot);
            var reads = OperationTraits.IsQueryLike(operation);
            if (!reads && valid is null)
            {
                continue;
            }

            var reference = reads ? ProbeDrafts.UnknownValue(slot.Schema) : valid!;
            foreach (var (truePart, falsePart) in Conditions(reads, slot, valid))
            {
                var outcome = await TryAsync(session, operation, slot, reference, reference + truePart, reference + falsePart, reads, cancellationToken).ConfigureAwait(false);
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

    private static IEnumerable<(string True, string False)> Conditions(bool reads, InputSlot slot, string? valid)
    {
        var word = reads ? "OR" : "AND";
        yield return ($"' {word} '1'='1' -- ", $"' {word} '1'='2' -- ");
        yield return ($"\" {word} \"1\"=\"1\" -- ", $"\" {word} \"1\"=\"2\" -- ");
        if (SchemaTypes.IsNumeric(slot.Schema) || valid is { Length: > 0 } && valid.All(char.IsAsciiDigit))
        {
            yield return ($" {word} 1=1", $" {word} 1=2");
        }
    }

    /// <summary>True when a finding was reported, false when the pair did not split, null once the budget is spent.</summary>
    private async Task<bool?> TryAsync(ProbeSession session, ApiOperation operation, InputSlot slot, string reference, string whenTrue, string whenFalse, bool reads, CancellationToken cancellationToken)
    {
        var plain = await InjectionTargets.SendAsync(session, operation, slot, reference, cancellationToken).ConfigureAwait(false);
        var yes = plain is null ? null : await InjectionTargets.SendAsync(session, operation, slot, whenTrue, cancellationToken).ConfigureAwait(false);
        if (plain is null || yes is null)
        {
            return null;
        }

        // On a read the true condition must answer unlike the unknown value; on a change, like the valid one.
        if (ResponseSimilarity.Same(yes.Response, plain.Response, whenTrue, reference) != !reads)
        {
            return false;
        }

        var no = await InjectionTargets.SendAsync(session, operation, slot, whenFalse, cancellationToken).ConfigureAwait(false);
        if (no is null)
        {
            return null;
        }

        if (ResponseSimilarity.Same(no.Response, plain.Response, whenFalse, reference) != reads || ResponseSimilarity.Same(yes.Response, no.Response, whenTrue, whenFalse))
        {
            return false;
        }

        var yesAgain = await session.ResendAsync(yes, cancellationToken).ConfigureAwait(false);
        var noAgain = await session.ResendAsync(no, cancellationToken).ConfigureAwait(false);
        if (yesAgain is null || noAgain is null)
        {
            return null;
        }

        if (!ResponseSimilarity.Same(yesAgain.Response, yes.Response) || !ResponseSimilarity.Same(noAgain.Response, no.Response))
        {
            return false;
        }

        session.Report(this.Finding(FindingSeverity.Critical, yes, $"SQL condition in {slot.Name} changes the answer",
            reads ? "the condition taken as text: answered like the unknown value" : "the condition taken as text: answered like the valid value",
            $"`{whenTrue}` → {Excerpt.Of(yes.Response)}; `{whenFalse}` → {Excerpt.Of(no.Response)}",
            new FindingConfirmation($"both sent again: `{whenTrue}` → {yesAgain.Response.Describe()}, `{whenFalse}` → {noAgain.Response.Describe()}; `{reference}` alone → {plain.Response.Describe()}", noAgain),
            CheckFindings.StatusIn(reads ? plain.Response.Status : no.Response.Status)));
        return true;
    }
}
