using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pacer.Hub.Features.Users;
using Pacer.Hub.Infrastructure;
using Pacer.Hub.Infrastructure.Auth;
using Pacer.Hub.Infrastructure.Database;

namespace Pacer.Hub.Features.Auth;

/// <summary>Issues access + refresh token pairs, rotates refresh tokens, and revokes a family on reuse or logout.</summary>
public sealed class SessionTokens(HubDbContext db, AccessTokenIssuer issuer, IOptions<HubOptions> options, TimeProvider time)
{
    public async Task<TokenPair> IssueAsync(User user, Guid? family, CancellationToken cancellationToken)
    {
        var now = time.UtcNowForStorage();
        var secret = SecretTokens.New();
        db.Add(new RefreshToken
        {
            UserId = user.Id,
            TokenHash = SecretTokens.HashOf(secret),
            FamilyId = family ?? Guid.NewGuid(),
            CreatedAt = now,
            ExpiresAt = now.AddDays(options.Value.Auth.RefreshTokenDays),
        });
        await db.SaveChangesAsync(cancellationToken);
        return new TokenPair(issuer.Issue(user.Id, user.Username), secret, "Bearer", (int)issuer.Lifetime.TotalSeconds,
            new UserSummary(user.Id, user.Username, user.DisplayName));
    }

    /// <summary>Exchanges a refresh token for a new pair; null when it is unknown, expired, revoked or already used (then its family is revoked).</summary>
    public async Task<TokenPair?> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var hash = SecretTokens.HashOf(refreshToken);
        var now = time.UtcNowForStorage();
        var token = await db.Set<RefreshToken>().Include(t => t.User).FirstOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        if (token?.User is null || token.RevokedAt is not null || token.ExpiresAt <= now)
        {
            return null;
        }

        if (token.UsedAt is not null)
        {
            await RevokeFamilyAsync(token.FamilyId, cancellationToken);
            return null;
        }

        token.UsedAt = now;
        return await IssueAsync(token.User, token.FamilyId, cancellationToken);
    }

    public async Task<bool> RevokeAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var hash = SecretTokens.HashOf(refreshToken);
        var token = await db.Set<RefreshToken>().AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        if (token is null)
        {
            return false;
        }

        await RevokeFamilyAsync(token.FamilyId, cancellationToken);
        return true;
    }

    private async Task RevokeFamilyAsync(Guid family, CancellationToken cancellationToken)
    {
        var now = time.UtcNowForStorage();
        await db.Set<RefreshToken>().Where(t => t.FamilyId == family && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), cancellationToken);
    }
}

public sealed record TokenPair(string AccessToken, string RefreshToken, string TokenType, int ExpiresIn, UserSummary User);

public sealed record UserSummary(long Id, string Username, string? DisplayName);
