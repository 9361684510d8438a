using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Storefront.Api.Features.Catalog;

/// <summary>
/// The catalog as last read from the database: category list, product pages (by their normalised query)
/// and product details, each with its ETag computed once. Browsing is most of a shop's traffic and the
/// catalog changes only through the admin endpoints, which call <see cref="Invalidate"/> after they
/// commit; a read that started before an invalidation stores into the generation it started in, which
/// is already discarded, so it can never put stale data back. Per process, like
/// <c>DeactivatedAccounts</c>: a second instance sees another's admin changes on its next restart.
/// Bounded in bytes (<see cref="CatalogOptions.CacheMaxBytes"/>): text search takes any string, so the
/// distinct pages a client can ask for are unbounded; past the budget the oldest entries are dropped first.
/// </summary>
public sealed class CatalogCache(IOptions<CatalogOptions> options)
{
    private Generation _current = new(Math.Max(64 * 1024, options.Value.CacheMaxBytes));

    public CatalogCache() : this(Options.Create(new CatalogOptions()))
    {
    }

    /// <summary>The entries of this moment; read through it for one request, store back into it.</summary>
    public Generation Current => Volatile.Read(ref _current);

    /// <summary>Drops everything; call after a committed catalog write.</summary>
    public void Invalidate() => Volatile.Write(ref _current, new Generation(_current.MaxBytes));

    public sealed class Generation(long maxBytes)
    {
        private readonly ConcurrentDictionary<string, (object Entry, long Bytes)> _entries = new(StringComparer.Ordinal);
        private readonly ConcurrentQueue<string> _age = new();
        private CachedCategories? _categories;
        private long _bytes;

        public long MaxBytes => maxBytes;

        /// <summary>The estimated memory the entries hold now.</summary>
        public long Bytes => Interlocked.Read(ref _bytes);

        public int Count => _entries.Count;

        public CachedCategories? Categories => Volatile.Read(ref _categories);

        public void StoreCategories(CachedCategories categories) => Volatile.Write(ref _categories, categories);

        public bool TryGetPage(string key, out CachedPage page)
        {
            page = null!;
            return _entries.TryGetValue("page:" + key, out var found) && (page = (CachedPage)found.Entry) is not null;
        }

        /// <param name="jsonBytes">The page's serialised size (known: its ETag hashes exactly those bytes).</param>
        public void StorePage(string key, CachedPage page, long jsonBytes) => Store("page:" + key, page, jsonBytes);

        public bool TryGetProduct(Guid id, out CachedProduct product)
        {
            product = null!;
            return _entries.TryGetValue("product:" + id.ToString("N"), out var found) && (product = (CachedProduct)found.Entry) is not null;
        }

        public void StoreProduct(CachedProduct product, long jsonBytes) => Store("product:" + product.Response.Id.ToString("N"), product, jsonBytes);

        private void Store(string key, object entry, long jsonBytes)
        {
            // Objects hold their strings as UTF-16 and carry headers: about twice the JSON, plus the key.
            var bytes = (2 * jsonBytes) + (2 * key.Length) + 256;
            if (bytes > maxBytes || !_entries.TryAdd(key, (entry, bytes)))
            {
                return;
            }

            _age.Enqueue(key);
            Interlocked.Add(ref _bytes, bytes);
            while (Interlocked.Read(ref _bytes) > maxBytes && _age.TryDequeue(out var oldest))
            {
                if (_entries.TryRemove(oldest, out var removed))
                {
                    Interlocked.Add(ref _bytes, -removed.Bytes);
                }
            }
        }
    }
}

/// <summary><c>Storefront:Catalog</c> settings.</summary>
public sealed class CatalogOptions
{
    public const string Section = "Storefront:Catalog";

    /// <summary>What the catalog cache may hold, estimated from the cached JSON (default 32 MiB).</summary>
    public long CacheMaxBytes { get; set; } = 32L * 1024 * 1024;
}

public sealed record CachedCategories(List<CategoryResponse> Items);

public sealed record CachedPage(ProductPage Page, EntityTagHeaderValue ETag);

public sealed record CachedProduct(ProductResponse Response, EntityTagHeaderValue ETag);
