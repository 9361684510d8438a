using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Storefront.Api.Features.Auth;
using Storefront.Api.Infrastructure.Database;

namespace Storefront.Api.Infrastructure.Auth;

/// <summary>
/// Whether an access token's login session has ended (logout, a reused refresh token, a password change or reset,
/// deactivation), so its still-unexpired access tokens stop working at once. A session is its refresh-token family,
/// and it has ended when no token of the family is left unrevoked — the database every instance shares (SQLite or
/// PostgreSQL) is the revocation store, with no table of its own. Answers are cached: an ended session for as long as
/// any of its access tokens could live, a live one for <see cref="LiveFor"/>, so a busy session costs one indexed
/// query every few seconds; this instance learns of the sessions it ends at once (<see cref="MarkEnded"/>), the others
/// within <see cref="LiveFor"/>.
/// </summary>
public sealed class EndedSessions(IServiceScopeFactory scopes, IOptions<StorefrontOptions> options) : IDisposable
{
    /// <summary>How long another instance may still accept a token of a session ended elsewhere.</summary>
    public static readonly TimeSpan LiveFor = TimeSpan.FromSeconds(5);

    private const int MaxSessions = 100_000;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = MaxSessions });

    private TimeSpan EndedFor
    {
        get
        {
            var jwt = options.Value.Jwt;
            return TimeSpan.FromMinutes(jwt.AccessTokenMinutes) + TimeSpan.FromSeconds(jwt.ClockSkewSeconds);
        }
    }

    public void Dispose() => _cache.Dispose();

    public async ValueTask<bool> IsEndedAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(sessionId, out bool ended))
        {
            return ended;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StorefrontDbContext>();
        ended = !await db.Set<RefreshToken>().AnyAsync(t => t.FamilyId == sessionId && t.RevokedAt == null, cancellationToken);
        Remember(sessionId, ended);
        return ended;
    }

    /// <summary>Called after the session's refresh tokens were revoked in the database.</summary>
    public void MarkEnded(Guid sessionId) => Remember(sessionId, ended: true);

    private void Remember(Guid sessionId, bool ended) =>
        _cache.Set(sessionId, ended, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = ended ? EndedFor : LiveFor });
}
