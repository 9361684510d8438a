using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Storefront.Api.Features.Users;
using Storefront.Api.Infrastructure;
using Storefront.Api.Infrastructure.Auth;
using Storefront.Api.Infrastructure.Database;

namespace Storefront.Api.Features.Auth;

/// <summary>
/// Issues access/refresh pairs, rotates refresh tokens, and revokes whole families on reuse. A family is a login
/// session: its access tokens carry its id and stop working when it ends (<see cref="EndedSessions"/>).
/// </summary>
public sealed class SessionTokens(
    StorefrontDbContext db, AccessTokenIssuer accessTokens, EndedSessions ended, IOptions<StorefrontOptions> options, TimeProvider time)
{
    public async Task<TokenResponse> IssueAsync(User user, Guid? familyId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var refresh = SecretTokens.Create();
        var session = familyId ?? Guid.NewGuid();
        db.Set<RefreshToken>().Add(new RefreshToken
        {
            Id = Guid.CreateVersion7(),
            UserId = user.Id,
            FamilyId = session,
            TokenHash = SecretTokens.Hash(refresh),
            CreatedAt = now,
            ExpiresAt = now.AddDays(options.Value.Jwt.RefreshTokenDays),
        });
        await db.SaveChangesAsync(cancellationToken);
        var access = accessTokens.Issue(user.Id, user.Role, user.Username, session);
        return new TokenResponse(access, refresh, (int)accessTokens.Lifetime.TotalSeconds);
    }

    /// <summary>A new pair for a live refresh token, or null (and a revoked family when it was reused).</summary>
    public async Task<TokenResponse?> RotateAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var hash = SecretTokens.Hash(refreshToken);
        var stored = await db.Set<RefreshToken>().AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        if (stored is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (stored.RevokedAt is not null)
        {
            await RevokeFamilyAsync(stored.FamilyId, cancellationToken);
            return null;
        }

        if (stored.ExpiresAt <= now)
        {
            return null;
        }

        var user = await db.Set<User>().FirstOrDefaultAsync(u => u.Id == stored.UserId, cancellationToken);
        if (user is not { IsActive: true })
        {
            return null;
        }

        // The successor is stored before its predecessor is revoked, so the session never has no live token (which
        // would end its access tokens for a moment). The conditional update makes rotation single-use even when two
        // requests race with the same token: the loser revokes the family, successors included.
        var pair = await IssueAsync(user, stored.FamilyId, cancellationToken);
        var revoked = await db.Set<RefreshToken>()
            .Where(t => t.Id == stored.Id && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), cancellationToken);
        if (revoked == 0)
        {
            await RevokeFamilyAsync(stored.FamilyId, cancellationToken);
            return null;
        }

        return pair;
    }

    /// <summary>Logout: the presented token's whole session ends. Unknown tokens are ignored.</summary>
    public async Task RevokeSessionAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var hash = SecretTokens.Hash(refreshToken);
        var familyId = await db.Set<RefreshToken>().Where(t => t.TokenHash == hash).Select(t => (Guid?)t.FamilyId)
            .FirstOrDefaultAsync(cancellationToken);
        if (familyId is { } family)
        {
            await RevokeFamilyAsync(family, cancellationToken);
        }
    }

    public async Task<int> RevokeFamilyAsync(Guid familyId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var revoked = await db.Set<RefreshToken>()
            .Where(t => t.FamilyId == familyId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), cancellationToken);
        ended.MarkEnded(familyId);
        return revoked;
    }

    /// <summary>After a password change or reset, or deactivation: every session of the user ends.</summary>
    public async Task<int> RevokeAllForUserAsync(Guid userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var sessions = await db.Set<RefreshToken>().Where(t => t.UserId == userId && t.RevokedAt == null)
            .Select(t => t.FamilyId).Distinct().ToListAsync(cancellationToken);
        var revoked = await db.Set<RefreshToken>()
            .Where(t => t.UserId == userId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), cancellationToken);
        foreach (var session in sessions)
        {
            ended.MarkEnded(session);
        }

        return revoked;
    }
}
