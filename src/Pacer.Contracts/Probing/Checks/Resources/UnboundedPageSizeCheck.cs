using System.Globalization;
using System.Text.Json.Nodes;
using Pacer.Contracts.Generation;
using Pacer.Contracts.Probing.Evidence;

namespace Pacer.Contracts.Probing.Checks;

/// <summary>
/// API4: on reads with a page-size parameter (<c>limit</c>, <c>pageSize</c>, <c>per_page</c>, <c>size</c>, <c>take</c>…)
/// a size of 100,000. A 2xx with more items than the document's maximum (or 100 when it states none) is confirmed by
/// a size of 5 answering with at most 5 items — the parameter really sets the page, and nothing caps it.
/// </summary>
public sealed class UnboundedPageSizeCheck : IProbeCheck
{
    public const int Huge = 100_000;
    private static readonly string[] Names = ["limit", "pagesize", "perpage", "size", "count", "take", "top", "max", "maxresults", "first", "pagelimit", "rows"];

    public string Name => "unbounded-page-size";

    public OwaspCategory Category => OwaspCategory.ResourceConsumption;

    public string Description => "page size 100000 on list reads: a finding when more items than the cap come back and a size of 5 gives 5";

    public async Task RunAsync(ProbeSession session, IReadOnlyList<ApiOperation> operations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(operations);
        var tried = false;
        foreach (var operation in operations.Where(o => o.Method == HttpMethod.Get))
        {
            foreach (var slot in InputSlot.For(operation).Where(s => s.Location == SlotLocation.Query && Names.Contains(Harvest.Resources.Normalize(s.Key))))
            {
                tried = true;
                var cap = SchemaTypes.Maximum(slot.Schema) is { } max && max < Huge ? (int)max : 100;
                var big = await InjectionTargets.SendAsync(session, operation, slot, JsonValue.Create(Huge), cancellationToken).ConfigureAwait(false);
                if (big is null)
                {
                    return;
                }

                if (!big.Response.IsSuccess || ResponseSimilarity.ItemCount(big.Response.Body) is not { } count || count <= cap)
                {
                    continue;
                }

                var small = await InjectionTargets.SendAsync(session, operation, slot, JsonValue.Create(5), cancellationToken).ConfigureAwait(false);
                if (small is { Response.IsSuccess: true } && ResponseSimilarity.ItemCount(small.Response.Body) is { } few && few <= 5)
                {
                    session.Report(this.Finding(FindingSeverity.Medium, big, $"{slot.Name} is not capped",
                        string.Create(CultureInfo.InvariantCulture, $"at most {cap} items (or a 400)"),
                        string.Create(CultureInfo.InvariantCulture, $"{big.Response.Describe()} with {count} items for {slot.Key}={Huge}"),
                        new FindingConfirmation(string.Create(CultureInfo.InvariantCulture, $"{slot.Key}=5 answered {few} items, so the parameter sets the page size"), small)));
                }
            }
        }

        if (!tried)
        {
            session.NotRun(Name, "no read takes a page-size parameter (limit, pageSize, per_page, size, take…)");
        }
    }
}
