using System.Globalization;
using Microsoft.OpenApi;
using Pacer.Contracts.Generation;
using Pacer.Contracts.Probing.Selection;

namespace Pacer.Contracts.Probing.Checks;

/// <summary>
/// API4, regular-expression denial of service: strings the server likely checks with a pattern (a documented
/// <c>pattern</c>, an email format or name) get inputs that almost match — a run of one character that the pattern's
/// repeated group accepts, then one it does not (<c>aaaa…a!</c>) — at growing lengths (12 to 32, then 1,000 to 16,000
/// where the length is not capped), stopping once an answer takes over 0.6 s. Time growing much faster than the
/// length (backtracking) is confirmed by the longest input being slow again while the shortest stays fast.
/// </summary>
public sealed partial class ReDoSCheck : IProbeCheck
{
    private static readonly int[] Lengths = [12, 16, 18, 20, 22, 24, 26, 28, 30, 32, 1_000, 4_000, 16_000];
    private static readonly TimeSpan Enough = TimeSpan.FromMilliseconds(600);
    private static readonly TimeSpan Significant = TimeSpan.FromMilliseconds(250);

    public string Name => "redos";

    public OwaspCategory Category => OwaspCategory.ResourceConsumption;

    public string Description => "almost-matching inputs of growing length in pattern-checked strings and e-mails: a finding when time grows super-linearly, twice";

    public async Task RunAsync(ProbeSession session, IReadOnlyList<ApiOperation> operations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var slots = InjectionTargets.Slots(operations).Where(s => s.Slot.IsString && IsPatternChecked(s.Slot)).ToList();
        if (slots.Count == 0)
        {
            session.NotRun(Name, "no string input has a pattern or holds an e-mail");
            return;
        }

        foreach (var (operation, slot) in slots)
        {
            var unit = UnitFor(slot.Schema.Pattern);
            var shortInput = new string(unit, 4) + "!";
            var baseline = await InjectionTargets.SendAsync(session, operation, slot, shortInput, cancellationToken).ConfigureAwait(false);
            if (baseline is null)
            {
                return;
            }

            var points = new List<(int Length, Exchange Exchange)>();
            foreach (var length in Lengths.Where(l => slot.Schema.MaxLength is not { } max || l + 1 <= max))
            {
                var exchange = await InjectionTargets.SendAsync(session, operation, slot, new string(unit, length) + "!", cancellationToken).ConfigureAwait(false);
                if (exchange is null)
                {
                    return;
                }

                points.Add((length, exchange));
                if (exchange.Response.Elapsed > Enough)
                {
                    break;
                }
            }

            if (SuperLinear(baseline.Response.Elapsed, points) is not { } worst)
            {
                continue;
            }

            var again = await session.ResendAsync(worst.Exchange, cancellationToken).ConfigureAwait(false);
            var fast = await session.ResendAsync(baseline, cancellationToken).ConfigureAwait(false);
            if (again is null || fast is null || again.Response.Elapsed - fast.Response.Elapsed < Significant)
            {
                continue;
            }

            var curve = string.Join(", ", points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Length} chars {p.Exchange.Response.Elapsed.TotalMilliseconds:F0} ms")));
            session.Report(this.Finding(FindingSeverity.High, worst.Exchange, $"response time grows super-linearly with the length of {slot.Name}",
                "time about proportional to the input length", $"{shortInput.Length} chars {baseline.Response.Elapsed.TotalMilliseconds:F0} ms; {curve}",
                new FindingConfirmation(string.Create(CultureInfo.InvariantCulture,
                    $"the {worst.Length}-character input again took {again.Response.Elapsed.TotalMilliseconds:F0} ms, the short one {fast.Response.Elapsed.TotalMilliseconds:F0} ms"), again),
                "duration < 500ms"));
        }
    }

    /// <summary>The longest input when some doubling or less of the length took far more than double the extra time; else null.</summary>
    public static (int Length, Exchange Exchange)? SuperLinear(TimeSpan baseline, IReadOnlyList<(int Length, Exchange Exchange)> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count < 2)
        {
            return null;
        }

        var last = points[^1];
        var extra = last.Exchange.Response.Elapsed - baseline;
        if (extra < Significant)
        {
            return null;
        }

        foreach (var earlier in points.Take(points.Count - 1))
        {
            var earlierExtra = earlier.Exchange.Response.Elapsed - baseline;
            var lengthRatio = (double)last.Length / earlier.Length;
            var timeRatio = extra.TotalMilliseconds / Math.Max(1.0, earlierExtra.TotalMilliseconds);
            if (timeRatio > 3 * lengthRatio * lengthRatio && lengthRatio <= 64)
            {
                return last;
            }
        }

        return null;
    }

    private static bool IsPatternChecked(InputSlot slot) =>
        slot.Schema.Enum is not { Count: > 0 }
        && (!string.IsNullOrEmpty(slot.Schema.Pattern) || slot.Schema.Format is "email" or "idn-email"
            || Harvest.Resources.Normalize(slot.Key).Contains("email", StringComparison.Ordinal));

    /// <summary>A character the pattern's classes likely repeat: a letter unless the pattern only takes digits.</summary>
    private static char UnitFor(string? pattern) =>
        pattern is { Length: > 0 } && (pattern.Contains(@"\d", StringComparison.Ordinal) || pattern.Contains("0-9", StringComparison.Ordinal))
            && !pattern.Contains("a-z", StringComparison.OrdinalIgnoreCase) && !pattern.Contains(@"\w", StringComparison.Ordinal) && !pattern.Contains('.', StringComparison.Ordinal)
            ? '1' : 'a';
}
