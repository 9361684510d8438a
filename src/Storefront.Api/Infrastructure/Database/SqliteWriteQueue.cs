using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace Storefront.Api.Infrastructure.Database;

/// <summary>
/// SQLite admits one writer per database file; the others poll it from SQLite's busy handler, sleeping
/// 1, 2, 5 … up to 100 ms between tries, so under concurrent writes a commit of a few milliseconds can
/// wait hundreds. Write attempts of one process queue here instead (per file, first come first served,
/// waiting asynchronously) and take the file's lock the moment the previous writer is done. Re-entrant
/// within one async flow, so an attempt that calls another never waits for itself. PostgreSQL has
/// row locks and needs none of this.
/// </summary>
internal static class SqliteWriteQueue
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Files = new(StringComparer.Ordinal);
    private static readonly AsyncLocal<bool> Holding = new();

    /// <summary>Runs <paramref name="write"/> as the only writer of this process to the context's SQLite file.</summary>
    public static async Task<T> RunAsync<T>(DbContext db, Func<Task<T>> write, CancellationToken cancellationToken)
    {
        if (Holding.Value || !db.Database.IsSqlite() || db.Database.GetConnectionString() is not { } file)
        {
            return await write();
        }

        var queue = Files.GetOrAdd(file, _ => new SemaphoreSlim(1, 1));
        await queue.WaitAsync(cancellationToken);
        try
        {
            Holding.Value = true;
            return await write();
        }
        finally
        {
            Holding.Value = false;
            queue.Release();
        }
    }
}
