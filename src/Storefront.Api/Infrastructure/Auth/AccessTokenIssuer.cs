using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Storefront.Api.Infrastructure.Auth;

/// <summary>Mints HS256 access tokens and holds the exact rules they are validated with.</summary>
public sealed class AccessTokenIssuer(JwtSigningKey signingKey, IOptions<StorefrontOptions> options, TimeProvider time)
{
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false, SetDefaultTimesOnTokenCreation = false };

    public TimeSpan Lifetime => TimeSpan.FromMinutes(options.Value.Jwt.AccessTokenMinutes);

    /// <param name="sessionId">The login session (refresh-token family) the token belongs to: it stops working when that session ends.</param>
    public string Issue(Guid userId, string role, string username, Guid sessionId)
    {
        var jwt = options.Value.Jwt;
        var now = time.GetUtcNow().UtcDateTime;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = jwt.Issuer,
            Audience = jwt.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.Add(Lifetime),
            Claims = new Dictionary<string, object>
            {
                [StorefrontClaims.UserId] = userId.ToString(),
                [StorefrontClaims.Role] = role,
                ["name"] = username,
                [StorefrontClaims.SessionId] = sessionId.ToString(),
                ["jti"] = Guid.NewGuid().ToString("N"),
            },
            SigningCredentials = new SigningCredentials(signingKey.Key, SecurityAlgorithms.HmacSha256),
        });
    }

    public TokenValidationParameters ValidationParameters()
    {
        var jwt = options.Value.Jwt;
        return new TokenValidationParameters
        {
            ValidIssuer = jwt.Issuer,
            ValidAudience = jwt.Audience,
            IssuerSigningKey = signingKey.Key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            ValidateIssuerSigningKey = true,
            ClockSkew = TimeSpan.FromSeconds(jwt.ClockSkewSeconds),
            LifetimeValidator = (notBefore, expires, _, parameters) => IsWithinLifetime(notBefore, expires, parameters.ClockSkew),
            NameClaimType = "name",
            RoleClaimType = StorefrontClaims.Role,
        };
    }

    public Task<TokenValidationResult> ValidateAsync(string token) => _handler.ValidateTokenAsync(token, ValidationParameters());

    // Uses our TimeProvider rather than the wall clock so tests can move time.
    private bool IsWithinLifetime(DateTime? notBefore, DateTime? expires, TimeSpan skew)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return expires is { } exp && now <= exp.Add(skew) && (notBefore is not { } nbf || now >= nbf.Subtract(skew));
    }
}
