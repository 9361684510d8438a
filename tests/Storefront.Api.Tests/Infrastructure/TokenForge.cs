using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Storefront.Api.Tests.Infrastructure;

/// <summary>Mints access tokens the way an attacker or a stale client would, to prove they are refused.</summary>
public static class TokenForge
{
    public static string Mint(
        Guid userId, string role = "shopper", DateTime? expires = null, string issuer = StorefrontFactory.Issuer,
        string audience = StorefrontFactory.Audience, string key = StorefrontFactory.SigningKey, string algorithm = SecurityAlgorithms.HmacSha256)
    {
        var now = DateTime.UtcNow;
        var exp = expires ?? now.AddMinutes(5);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = exp.AddMinutes(-15),
            NotBefore = exp.AddMinutes(-15),
            Expires = exp,
            Subject = new ClaimsIdentity([new Claim("sub", userId.ToString()), new Claim("role", role)]),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), algorithm),
        });
    }

    /// <summary>An unsigned token: header {"alg":"none"} and an empty signature.</summary>
    public static string WithAlgNone(Guid userId, string role = "admin")
    {
        var exp = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds();
        var header = Base64Url("""{"alg":"none","typ":"JWT"}""");
        var payload = Base64Url($$"""{"sub":"{{userId}}","role":"{{role}}","iss":"{{StorefrontFactory.Issuer}}","aud":"{{StorefrontFactory.Audience}}","exp":{{exp}}}""");
        return $"{header}.{payload}.";
    }

    /// <summary>Flips one character of the payload, keeping the original signature.</summary>
    public static string Tamper(string token)
    {
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1]))
            .Replace("\"role\":\"shopper\"", "\"role\":\"admin\"", StringComparison.Ordinal);
        return $"{parts[0]}.{Base64Url(payload)}.{parts[2]}";
    }

    private static string Base64Url(string text) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(text));
}
