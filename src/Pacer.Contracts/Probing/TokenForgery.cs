using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Pacer.Contracts.Probing;

/// <summary>
/// The tokens an attacker or a stale client sends, made from a real user's JWT so every claim but
/// the one under test is right: expired, re-signed with another key, unsigned (<c>alg: none</c>), malformed.
/// </summary>
public static class TokenForgery
{
    public const string Malformed = "not.a-valid.jwt";

    /// <summary>True when the text is a compact JWS whose payload is a JSON object.</summary>
    public static bool IsJwt(string token) => Claims(token) is not null;

    /// <summary>The same claims, expired an hour ago (past any clock skew); signed with <paramref name="signingKey"/> when known, else a random key.</summary>
    public static string Expired(string token, string? signingKey)
    {
        var claims = RequireClaims(token);
        var now = DateTimeOffset.UtcNow;
        claims["exp"] = now.AddHours(-1).ToUnixTimeSeconds();
        claims["iat"] = now.AddHours(-2).ToUnixTimeSeconds();
        claims["nbf"] = now.AddHours(-2).ToUnixTimeSeconds();
        return Sign(claims, signingKey is null ? RandomKey() : Encoding.UTF8.GetBytes(signingKey));
    }

    /// <summary>The same claims, still valid in time, signed with a key the server has never seen.</summary>
    public static string Resigned(string token)
    {
        var claims = RequireClaims(token);
        claims["exp"] = DateTimeOffset.UtcNow.AddMinutes(30).ToUnixTimeSeconds();
        return Sign(claims, RandomKey());
    }

    /// <summary>The same claims with header <c>{"alg":"none"}</c> and no signature.</summary>
    public static string AlgNone(string token)
    {
        var claims = RequireClaims(token);
        claims["exp"] = DateTimeOffset.UtcNow.AddMinutes(30).ToUnixTimeSeconds();
        return $"{Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""")}.{Base64UrlEncoder.Encode(claims.ToJsonString())}.";
    }

    private static JsonObject RequireClaims(string token) =>
        Claims(token) ?? throw new ArgumentException("not a JWT (header.payload.signature)", nameof(token));

    private static JsonObject? Claims(string token)
    {
        var parts = token?.Split('.') ?? [];
        if (parts.Length != 3)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(Base64UrlEncoder.DecodeBytes(parts[1])) as JsonObject;
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException or System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static string Sign(JsonObject claims, byte[] key)
    {
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        var credentials = new SigningCredentials(new SymmetricSecurityKey(PadKey(key)), SecurityAlgorithms.HmacSha256);
        return handler.CreateToken(claims.ToJsonString(), credentials);
    }

    // HS256 keys must be at least 256 bits; a short configured key is used as the server would need it.
    private static byte[] PadKey(byte[] key) => key.Length >= 32 ? key : [.. key, .. new byte[32 - key.Length]];

    private static byte[] RandomKey() => RandomNumberGenerator.GetBytes(48);
}
