using System.Collections.Concurrent;
using Microsoft.Net.Http.Headers;

namespace Storefront.Api.Features.Catalog;

/// <summary>
/// The catalog as last read from the database: category list, product pages (by their normalised query)
/// and product details, each with its ETag computed once. Browsing is most of a shop's traffic and the
/// catalog changes only through the admin endpoints, which call <see cref="Invalidate"/> after they
/// commit; a read that started before an invalidation stores into the generation it started in, which
/// is already discarded, so it can never put stale data back. Per process, like
/// <c>DeactivatedAccounts</c>: a second instance sees another's admin changes on its next restart.
/// </summary>
public sealed class CatalogCache
{
    /// <summary>Bounds memory under query strings made up on purpose (text search takes anything).</summary>
    public const int MaxEntries = 20_000;

    private Generation _current = new();

    /// <summary>The entries of this moment; read through it for one request, store back into it.</summary>
    public Generation Current => Volatile.Read(ref _current);

    /// <summary>Drops everything; call after a committed catalog write.</summary>
    public void Invalidate() => Volatile.Write(ref _current, new Generation());

    public sealed class Generation
    {
        private readonly ConcurrentDictionary<string, CachedPage> _pages = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<Guid, CachedProduct> _products = new();
        private CachedCategories? _categories;

        public CachedCategories? Categories => Volatile.Read(ref _categories);

        public void StoreCategories(CachedCategories categories) => Volatile.Write(ref _categories, categories);

        public bool TryGetPage(string key, out CachedPage page) => _pages.TryGetValue(key, out page!);

        public void StorePage(string key, CachedPage page)
        {
            if (_pages.Count >= MaxEntries)
            {
                _pages.Clear();
            }

            _pages[key] = page;
        }

        public bool TryGetProduct(Guid id, out CachedProduct product) => _products.TryGetValue(id, out product!);

        public void StoreProduct(CachedProduct product)
        {
            if (_products.Count >= MaxEntries)
            {
                _products.Clear();
            }

            _products[product.Response.Id] = product;
        }
    }
}

public sealed record CachedCategories(List<CategoryResponse> Items);

public sealed record CachedPage(ProductPage Page, EntityTagHeaderValue ETag);

public sealed record CachedProduct(ProductResponse Response, EntityTagHeaderValue ETag);
