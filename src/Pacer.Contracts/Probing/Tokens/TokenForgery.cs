using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace Pacer.Contracts.Probing.Tokens;

/// <summary>
/// The tokens an attacker or a stale client sends, made from a real user's JWT so every claim but the one under test
/// is right: expired, re-signed with another key, unsigned (<c>alg: none</c>), signed with a known key, malformed.
/// Signing is done here (HMAC over the compact form) so short keys — the weak ones servers really use — work too.
/// </summary>
public static class TokenForgery
{
    public const string Malformed = "not.a-valid.jwt";

    /// <summary>True when the text is a compact JWS whose header and payload are JSON objects.</summary>
    public static bool IsJwt(string token) => Header(token) is not null && Claims(token) is not null;

    /// <summary>The <c>alg</c> of the token's header (<c>HS256</c>), or null.</summary>
    public static string? Algorithm(string token) => Header(token)?["alg"]?.GetValue<string>();

    /// <summary>The token's claims, or null when it is not a JWT.</summary>
    public static JsonObject? Claims(string token)
    {
        var parts = token?.Split('.') ?? [];
        return parts.Length == 3 ? Decode(parts[1]) : null;
    }

    /// <summary>The same claims, expired an hour ago (past any clock skew); signed with <paramref name="key"/> when known, else a random key.</summary>
    public static string Expired(string token, string? key)
    {
        var claims = RequireClaims(token);
        var now = DateTimeOffset.UtcNow;
        claims["exp"] = now.AddHours(-1).ToUnixTimeSeconds();
        claims["iat"] = now.AddHours(-2).ToUnixTimeSeconds();
        claims["nbf"] = now.AddHours(-2).ToUnixTimeSeconds();
        return Sign(claims, key is null ? RandomKey() : Encoding.UTF8.GetBytes(key), HashAlgorithm(token));
    }

    /// <summary>The same claims, valid for another 30 minutes, signed with <paramref name="key"/>.</summary>
    public static string SignedWith(string token, string key)
    {
        var claims = RequireClaims(token);
        claims["exp"] = DateTimeOffset.UtcNow.AddMinutes(30).ToUnixTimeSeconds();
        return Sign(claims, Encoding.UTF8.GetBytes(key), HashAlgorithm(token));
    }

    /// <summary>The same claims, still valid in time, signed with a key the server has never seen.</summary>
    public static string Resigned(string token)
    {
        var claims = RequireClaims(token);
        claims["exp"] = DateTimeOffset.UtcNow.AddMinutes(30).ToUnixTimeSeconds();
        return Sign(claims, RandomKey(), HashAlgorithm(token));
    }

    /// <summary>The same claims with header <c>{"alg":"none"}</c> and no signature.</summary>
    public static string AlgNone(string token)
    {
        var claims = RequireClaims(token);
        claims["exp"] = DateTimeOffset.UtcNow.AddMinutes(30).ToUnixTimeSeconds();
        return $"{Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""")}.{Base64UrlEncoder.Encode(claims.ToJsonString())}.";
    }

    /// <summary>The HMAC of a token's signing input under a key, for <c>HS256</c>, <c>HS384</c> and <c>HS512</c>; null for other algorithms.</summary>
    public static byte[]? Hmac(string algorithm, byte[] key, byte[] signingInput) => algorithm switch
    {
        "HS256" => HMACSHA256.HashData(key, signingInput),
        "HS384" => HMACSHA384.HashData(key, signingInput),
        "HS512" => HMACSHA512.HashData(key, signingInput),
        _ => null,
    };

    private static string HashAlgorithm(string token) => Algorithm(token) is "HS384" or "HS512" ? Algorithm(token)! : "HS256";

    private static JsonObject RequireClaims(string token) =>
        Claims(token) ?? throw new ArgumentException("not a JWT (header.payload.signature)", nameof(token));

    private static JsonObject? Header(string token)
    {
        var parts = token?.Split('.') ?? [];
        return parts.Length == 3 ? Decode(parts[0]) : null;
    }

    private static JsonObject? Decode(string part)
    {
        try
        {
            return JsonNode.Parse(Base64UrlEncoder.DecodeBytes(part)) as JsonObject;
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException or System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static string Sign(JsonObject claims, byte[] key, string algorithm)
    {
        var header = Base64UrlEncoder.Encode($$"""{"alg":"{{algorithm}}","typ":"JWT"}""");
        var payload = Base64UrlEncoder.Encode(claims.ToJsonString());
        var signature = Hmac(algorithm, key, Encoding.ASCII.GetBytes($"{header}.{payload}"))!;
        return $"{header}.{payload}.{Base64UrlEncoder.Encode(signature)}";
    }

    private static byte[] RandomKey() => RandomNumberGenerator.GetBytes(48);
}
