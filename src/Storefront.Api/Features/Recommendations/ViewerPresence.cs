using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Storefront.Api.Features.Recommendations;

/// <summary>
/// Who opened which product page recently ("people viewing now"): one entry per viewer (the user, else the client
/// address) per product, expiring after the viewing window. Kept in memory by each instance: behind several
/// instances a product's figure is the viewers this instance served.
/// </summary>
public sealed class ViewerPresence(IOptions<RecommendationsOptions> options, TimeProvider time)
{
    private const int MaxViewersPerProduct = 10_000;
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<string, long>> _byProduct = new();

    public void Saw(Guid productId, string viewer)
    {
        var viewers = _byProduct.GetOrAdd(productId, _ => new ConcurrentDictionary<string, long>(StringComparer.Ordinal));
        if (viewers.Count >= MaxViewersPerProduct && !viewers.ContainsKey(viewer))
        {
            Prune(viewers);
            if (viewers.Count >= MaxViewersPerProduct)
            {
                return; // Bounded memory: past this, the figure is "at least 10,000".
            }
        }

        viewers[viewer] = time.GetTimestamp();
    }

    public int ViewingNow(Guid productId)
    {
        if (!_byProduct.TryGetValue(productId, out var viewers))
        {
            return 0;
        }

        Prune(viewers);
        return viewers.Count;
    }

    private void Prune(ConcurrentDictionary<string, long> viewers)
    {
        var window = options.Value.ViewingWindow;
        foreach (var (viewer, seen) in viewers)
        {
            if (time.GetElapsedTime(seen) > window)
            {
                viewers.TryRemove(new KeyValuePair<string, long>(viewer, seen));
            }
        }
    }
}
