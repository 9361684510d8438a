using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Storefront.Api.Features.Users;
using Storefront.Api.Infrastructure.Database;

namespace Storefront.Api.Infrastructure.Auth;

/// <summary>
/// Ids of deactivated accounts, so their still-unexpired access tokens stop working at once instead of
/// after up to 15 minutes. Loaded from the database on first use; kept current by the admin endpoint.
/// (Per process: with several instances, the others catch up at their next start or token expiry.)
/// </summary>
public sealed class DeactivatedAccounts(IServiceScopeFactory scopes) : IDisposable
{
    private readonly ConcurrentDictionary<Guid, byte> _ids = new();
    private readonly SemaphoreSlim _loadGate = new(1, 1);
    private volatile bool _loaded;

    public void Dispose() => _loadGate.Dispose();

    public async ValueTask<bool> IsDeactivatedAsync(Guid userId, CancellationToken cancellationToken)
    {
        await EnsureLoadedAsync(cancellationToken);
        return _ids.ContainsKey(userId);
    }

    public async Task SetActiveAsync(Guid userId, bool isActive, CancellationToken cancellationToken)
    {
        await EnsureLoadedAsync(cancellationToken);
        if (isActive)
        {
            _ids.TryRemove(userId, out _);
        }
        else
        {
            _ids[userId] = 0;
        }
    }

    private async ValueTask EnsureLoadedAsync(CancellationToken cancellationToken)
    {
        if (_loaded)
        {
            return;
        }

        await _loadGate.WaitAsync(cancellationToken);
        try
        {
            if (!_loaded)
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<StorefrontDbContext>();
                foreach (var id in await db.Set<User>().Where(u => !u.IsActive).Select(u => u.Id).ToListAsync(cancellationToken))
                {
                    _ids[id] = 0;
                }

                _loaded = true;
            }
        }
        finally
        {
            _loadGate.Release();
        }
    }
}
