using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Pacer.Contracts.Probing.Tokens;

/// <summary>
/// Tries a dictionary of common JWT secrets against one captured HMAC-signed token, offline: the signing input is
/// hashed with each candidate and compared to the token's signature. No request is sent.
/// </summary>
public static class JwtSecretCracker
{
    /// <summary>The key that produced the token's signature, or null (also for tokens not signed with HMAC).</summary>
    public static string? Crack(string token, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var parts = token?.Split('.') ?? [];
        if (parts.Length != 3 || TokenForgery.Algorithm(token!) is not ("HS256" or "HS384" or "HS512") || parts[2].Length == 0)
        {
            return null;
        }

        var algorithm = TokenForgery.Algorithm(token!)!;
        var input = Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}");
        byte[] signature;
        try
        {
            signature = Base64UrlEncoder.DecodeBytes(parts[2]);
        }
        catch (FormatException)
        {
            return null;
        }

        foreach (var candidate in candidates.Distinct(StringComparer.Ordinal))
        {
            if (CryptographicOperations.FixedTimeEquals(TokenForgery.Hmac(algorithm, Encoding.UTF8.GetBytes(candidate), input), signature))
            {
                return candidate;
            }
        }

        return null;
    }
}
