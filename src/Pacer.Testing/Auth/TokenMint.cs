using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Pacer.Testing.Auth;

/// <summary>
/// Mints JWTs for negative tests: valid ones signed with the server's key (to prove they work),
/// and the ones an attacker or a stale client would send — expired, signed with the wrong key,
/// <c>alg: none</c>, or with a tampered payload. HS256 throughout.
/// </summary>
/// <param name="signingKey">The server's HMAC key (test configuration), as UTF-8 text.</param>
public sealed class TokenMint(string signingKey, string issuer, string audience)
{
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    /// <summary>A token the server should accept: correct key, issuer and audience, valid for five minutes.</summary>
    public string Valid(string subject, string role = "shopper", IEnumerable<Claim>? extraClaims = null) =>
        Create(subject, role, DateTime.UtcNow.AddMinutes(5), signingKey, extraClaims);

    /// <summary>Correctly signed, but expired <paramref name="ago"/> (one hour unless told) — past any clock-skew allowance.</summary>
    public string Expired(string subject, string role = "shopper", TimeSpan? ago = null) =>
        Create(subject, role, DateTime.UtcNow - (ago ?? TimeSpan.FromHours(1)), signingKey, null);

    /// <summary>Well-formed and unexpired, but signed with another key.</summary>
    public string SignedWithKey(string otherKey, string subject, string role = "shopper") =>
        Create(subject, role, DateTime.UtcNow.AddMinutes(5), otherKey, null);

    /// <summary>Unsigned: header <c>{"alg":"none"}</c> and an empty signature.</summary>
    public string AlgNone(string subject, string role = "admin")
    {
        var exp = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds();
        var header = Base64Url("""{"alg":"none","typ":"JWT"}""");
        var payload = Base64Url($$"""{"sub":"{{subject}}","role":"{{role}}","iss":"{{issuer}}","aud":"{{audience}}","exp":{{exp}}}""");
        return $"{header}.{payload}.";
    }

    /// <summary>
    /// Replaces the payload's <c>role</c> (or, without one, adds it) and keeps the original signature,
    /// which therefore no longer matches.
    /// </summary>
    public static string Tampered(string token, string role = "admin")
    {
        ArgumentNullException.ThrowIfNull(token);
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            throw new ArgumentException("not a JWS compact token (header.payload.signature)", nameof(token));
        }

        var claims = System.Text.Json.Nodes.JsonNode.Parse(Base64UrlEncoder.DecodeBytes(parts[1]))!.AsObject();
        claims["role"] = role;
        return $"{parts[0]}.{Base64Url(claims.ToJsonString())}.{parts[2]}";
    }

    /// <summary>Reads a token's claims without validating it, to assert what was minted.</summary>
    public static JsonWebToken Read(string token) => new(token);

    private string Create(string subject, string role, DateTime expires, string key, IEnumerable<Claim>? extraClaims)
    {
        var claims = new List<Claim> { new("sub", subject), new("role", role) };
        claims.AddRange(extraClaims ?? []);
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = expires.AddMinutes(-15),
            NotBefore = expires.AddMinutes(-15),
            Expires = expires,
            Subject = new ClaimsIdentity(claims),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
        });
    }

    private static string Base64Url(string text) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(text));
}
