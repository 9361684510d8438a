using System.Security.Cryptography;
using System.Text;

namespace Storefront.Api.Features.Auth;

/// <summary>Opaque random tokens (refresh, password reset) and the hash we store instead of them.</summary>
public static class SecretTokens
{
    /// <summary>The longest token a request may present (ours are 43 characters).</summary>
    public const int MaxLength = 128;

    public static string Create() => Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
