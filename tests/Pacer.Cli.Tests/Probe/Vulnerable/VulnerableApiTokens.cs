using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace Pacer.Cli.Tests.Probe.Vulnerable;

/// <summary>
/// HS256 tokens written by hand, as a small API might (so its flaws are ours to switch): alg none, expiry and
/// revocation are checked unless the flaw is on, and the key is a common word or 48 random bytes.
/// </summary>
internal sealed class VulnerableApiTokens(IReadOnlySet<VulnerableApiFlaw> flaws)
{
    private readonly ConcurrentDictionary<string, bool> revoked = new(StringComparer.Ordinal);

    public string SigningKey { get; } = flaws.Contains(VulnerableApiFlaw.WeakJwtSecret) ? "supersecret" : Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));

    public string Issue(string user, string role)
    {
        var now = DateTimeOffset.UtcNow;
        var header = Base64UrlEncoder.Encode("""{"alg":"HS256","typ":"JWT"}""");
        var claims = new JsonObject { ["sub"] = user, ["role"] = role, ["jti"] = Guid.NewGuid().ToString("N"), ["iat"] = now.ToUnixTimeSeconds(), ["exp"] = now.AddMinutes(15).ToUnixTimeSeconds() };
        var payload = Base64UrlEncoder.Encode(claims.ToJsonString());
        return $"{header}.{payload}.{Sign($"{header}.{payload}")}";
    }

    /// <summary>The token's subject when the token is valid, else null.</summary>
    public string? Validate(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3 || Decode(parts[0]) is not { } header || Decode(parts[1]) is not { } claims)
        {
            return null;
        }

        var algorithm = header["alg"]?.GetValue<string>();
        var signed = algorithm == "HS256" && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign($"{parts[0]}.{parts[1]}")), Encoding.ASCII.GetBytes(parts[2]));
        var unsigned = flaws.Contains(VulnerableApiFlaw.AlgNoneToken) && string.Equals(algorithm, "none", StringComparison.OrdinalIgnoreCase) && parts[2].Length == 0;
        if (!signed && !unsigned)
        {
            return null;
        }

        if (!flaws.Contains(VulnerableApiFlaw.ExpiredToken) && (claims["exp"]?.GetValue<long>() ?? 0) < DateTimeOffset.UtcNow.ToUnixTimeSeconds())
        {
            return null;
        }

        return claims["jti"]?.GetValue<string>() is { } id && revoked.ContainsKey(id) ? null : claims["sub"]?.GetValue<string>();
    }

    public void Revoke(string token)
    {
        if (!flaws.Contains(VulnerableApiFlaw.LoggedOutToken) && Decode(token.Split('.').ElementAtOrDefault(1) ?? "")?["jti"]?.GetValue<string>() is { } id)
        {
            revoked[id] = true;
        }
    }

    private string Sign(string input) => Base64UrlEncoder.Encode(HMACSHA256.HashData(Encoding.UTF8.GetBytes(SigningKey), Encoding.ASCII.GetBytes(input)));

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
}
